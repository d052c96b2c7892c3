// The Desktop sandbox as payments back reads it: a bookkeeper receives, voids and deletes payments in the company
// file; ReceivePaymentQuery modified since a moment finds what changed (inclusive), TxnDeletedQuery the deleted ones;
// TermsQuery answers the terms; an invoice copy's ExternalGUID comes back. Every answer is valid qbXML 13.0 and 16.0.
import { describe, expect, it } from 'vitest';
import {
  buildQbxmlMessage,
  buildRequest,
  parseQbxmlResponse,
  type QbxmlRequest,
  type QbxmlResult,
  type QbxmlVersion,
} from '../../../../quickbooks/desktop/qbxml/index.js';
import { createCompanyFile, type CompanyFile } from '../../../../sandbox/qbd/company-file.js';
import { validateAgainstXsd } from '../qbxml/xsd.js';

const GUID = '{6B29FC40-CA47-5067-B31D-00DD010662DA}';

function company(version: QbxmlVersion) {
  let now = new Date('2026-11-20T15:00:00Z');
  const cf = createCompanyFile({ clock: { now: () => now } });
  const responses: { name: string; xml: string }[] = [];
  const send = (...requests: QbxmlRequest[]): QbxmlResult[] => {
    const xml = cf.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version }));
    responses.push({ name: `${requests[0]!.requestId}-${responses.length}`, xml });
    return parseQbxmlResponse(xml).results;
  };
  const advance = (seconds: number) => { now = new Date(now.getTime() + seconds * 1000); };
  return { cf, send, advance, responses };
}

function copyInvoice(cf: CompanyFile, send: (...r: QbxmlRequest[]) => QbxmlResult[]): string {
  cf.bookkeeper.addCustomer({ name: 'Helpdesk client' });
  const income = cf.list('Account').find((a) => a.accountType === 'Income')!;
  const [item] = send({ kind: 'ItemServiceAdd', requestId: 'svc', input: { name: 'Support hours', salesOrPurchase: { account: { listId: income.listId } } } });
  const [terms] = send({ kind: 'TermsQuery', requestId: 'terms', input: { fullNames: ['Net 30'] } });
  expect(terms!.records).toEqual([expect.objectContaining({ type: 'Terms', kind: 'Standard', name: 'Net 30', stdDueDays: 30, isActive: true })]);
  const [added] = send({
    kind: 'InvoiceAdd',
    requestId: 'inv',
    input: {
      customer: { fullName: 'Helpdesk client' }, txnDate: '2026-11-20', terms: { listId: (terms!.records[0] as { listId: string }).listId }, memo: 'qbflow:invoice:HD-1', externalGuid: GUID,
      lines: [{ item: { listId: (item!.records[0] as { listId: string }).listId }, desc: 'Ticket #1', quantity: '4', rate: '100.00', amountCents: 40000 }],
    },
  });
  expect(added!.statusCode).toBe(0);
  const [found] = send({ kind: 'InvoiceQuery', requestId: 'find', input: { entity: { fullName: 'Helpdesk client' }, txnDateRange: { from: '2026-11-20', to: '2026-11-20' } } });
  expect(found!.records).toEqual([expect.objectContaining({ type: 'Invoice', externalGuid: GUID, memo: 'qbflow:invoice:HD-1' })]);
  return (found!.records[0] as { txnId: string }).txnId;
}

describe('payments a bookkeeper records in the Desktop sandbox', () => {
  it.each(['13.0', '16.0'] as const)('are found modified since a mark, voided with zero amounts, deleted as TxnDeleted (%s, valid qbXML)', async (version) => {
    const { cf, send, advance, responses } = company(version);
    const invoiceId = copyInvoice(cf, send);
    advance(60);
    const mark = '2026-11-20T15:01:00+00:00';
    const first = cf.bookkeeper.receivePayment({ customer: 'Helpdesk client', applyTo: [{ invoiceTxnId: invoiceId, amountCents: 15000 }] });
    expect(() => cf.bookkeeper.receivePayment({ customer: 'Helpdesk client', applyTo: [{ invoiceTxnId: invoiceId, amountCents: 30000 }] })).toThrow(/250.00 open/);
    const changed = (from: string) => send({ kind: 'ReceivePaymentQuery', requestId: 'since', input: { modifiedDateRange: { from }, includeLineItems: true } })[0]!;
    // the mark is inclusive: a payment stamped at it is found
    expect(changed(mark).records).toEqual([expect.objectContaining({ txnId: first, totalAmountCents: 15000, appliedTo: [expect.objectContaining({ txnId: invoiceId, txnType: 'Invoice', amountCents: 15000 })] })]);
    expect(changed('2026-11-20T15:01:01+00:00').statusCode).toBe(1);
    const invoice = cf.list('Invoice').find((i) => i.txnId === invoiceId)!;
    expect(invoice.balanceRemainingCents).toBe(25000);

    advance(60);
    const second = cf.bookkeeper.receivePayment({ customer: 'Helpdesk client', applyTo: [{ invoiceTxnId: invoiceId, amountCents: 25000 }] });
    cf.bookkeeper.voidPayment(second);
    const voided = changed('2026-11-20T15:02:00+00:00').records;
    expect(voided).toEqual([expect.objectContaining({ txnId: second, totalAmountCents: 0, appliedTo: [] })]);

    advance(60);
    const invoiceBefore = cf.list('Invoice').find((i) => i.txnId === invoiceId)!.editSequence;
    cf.bookkeeper.deletePayment(first);
    expect(cf.list('Invoice').find((i) => i.txnId === invoiceId)!).toMatchObject({ balanceRemainingCents: 40000 });
    expect(cf.list('Invoice').find((i) => i.txnId === invoiceId)!.editSequence).not.toBe(invoiceBefore);
    const [deleted, byIds] = send(
      { kind: 'TxnDeletedQuery', requestId: 'deleted', input: { txnDelTypes: ['ReceivePayment'], deletedDateRange: { from: '2026-11-20T15:03:00+00:00' } } },
      { kind: 'ReceivePaymentQuery', requestId: 'ids', input: { txnIds: [first, second], includeLineItems: true } },
    );
    expect(deleted!.records).toEqual([expect.objectContaining({ type: 'TxnDeleted', txnDelType: 'ReceivePayment', txnId: first })]);
    expect(byIds!.statusCode).toBe(500);
    expect(byIds!.records.map((r) => (r as { txnId: string }).txnId)).toEqual([second]);

    const verdicts = await validateAgainstXsd(version, responses);
    expect([...verdicts].filter(([, errors]) => errors.length)).toEqual([]);
  });
});
