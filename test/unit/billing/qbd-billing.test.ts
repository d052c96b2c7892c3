// QuickBooks Desktop pieces billing relies on: the new qbXML (item Mods, InvoiceMod keeping lines by TxnLineID,
// several customers in one EntityFilter) valid against Intuit's schemas, and the emulated company file doing
// what QuickBooks does with them.
import { describe, expect, it } from 'vitest';
import {
  buildQbxmlMessage,
  buildRequest,
  parseQbxmlResponse,
  type InvoiceRecord,
  type ItemRecord,
  type QbxmlRequest,
  type QbxmlResult,
} from '../../../quickbooks/desktop/qbxml/index.js';
import { createCompanyFile, type CompanyFile } from '../../../sandbox/qbd/company-file.js';
import { validateAgainstXsd } from '../desktop/qbxml/xsd.js';

function send(cf: CompanyFile, requests: QbxmlRequest[]): QbxmlResult[] {
  return parseQbxmlResponse(cf.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version: '13.0' }))).results;
}

const invoices = (result: QbxmlResult) => result.records.filter((r): r is InvoiceRecord => r.type === 'Invoice');
const items = (result: QbxmlResult) => result.records.filter((r): r is ItemRecord => r.type === 'Item');

const MOD_REQUESTS: QbxmlRequest[] = [
  { kind: 'ItemServiceMod', requestId: 's', input: { listId: '80000001-1716912345', editSequence: '1716912345', salesAndPurchase: { purchaseCost: '7.25' } } },
  { kind: 'ItemNonInventoryMod', requestId: 'n', input: { listId: '80000002-1716912345', editSequence: '1716912345', salesOrPurchase: { desc: 'Seats', price: '12.50' } } },
  {
    kind: 'InvoiceMod',
    requestId: 'm',
    input: { txnId: '1A3-1716912345', editSequence: '1716912345', lines: [{ kind: 'keep', txnLineId: '1A5-1716912345' }, { item: { listId: '80000001-1716912345' }, desc: 'Microsoft 365: 12 seats', quantity: '-0.6667' }] },
  },
  { kind: 'InvoiceQuery', requestId: 'q', input: { entityListIds: ['80000003-1716912345', '80000004-1716912345'], txnDateRange: { from: '2026-12-01', to: '2026-12-31' }, includeLineItems: true } },
  { kind: 'InvoiceQuery', requestId: 'r', input: { refNumbers: ['261201-K3F9', '261201-0A1B'], includeLineItems: true } },
];

describe('billing qbXML', () => {
  it.each(['13.0', '16.0'] as const)('item Mods, InvoiceMod with kept lines and multi-customer queries are valid qbXML %s', async (version) => {
    const xml = buildQbxmlMessage(MOD_REQUESTS.map(buildRequest), { version });
    expect(xml).toContain('<InvoiceLineMod><TxnLineID>1A5-1716912345</TxnLineID></InvoiceLineMod>');
    expect(xml).toContain('<EntityFilter><ListID>80000003-1716912345</ListID><ListID>80000004-1716912345</ListID></EntityFilter>');
    expect(xml).toContain('<SalesAndPurchaseMod><PurchaseCost>7.25</PurchaseCost></SalesAndPurchaseMod>');
    const verdicts = await validateAgainstXsd(version, [{ name: 'billing', xml }]);
    expect(verdicts.get('billing')).toEqual([]);
  });
});

describe('the emulated company file', () => {
  function setUp() {
    const cf = createCompanyFile({ companyName: 'Reseller' });
    const [customer, other, seats, nonPurchase] = send(cf, [
      { kind: 'CustomerAdd', requestId: 'c', input: { name: 'Contoso' } },
      { kind: 'CustomerAdd', requestId: 'd', input: { name: 'Fabrikam' } },
      { kind: 'ItemServiceAdd', requestId: 'i', input: { name: 'M365', salesAndPurchase: { salesDesc: 'Microsoft 365', salesPrice: '12.50', incomeAccount: { fullName: 'Service Income' }, purchaseCost: '9.00', expenseAccount: { fullName: 'Cost of Goods Sold' } } } },
      { kind: 'ItemServiceAdd', requestId: 'j', input: { name: 'Setup', salesOrPurchase: { desc: 'Set-up', price: '50.00', account: { fullName: 'Service Income' } } } },
    ]);
    expect([customer, other, seats, nonPurchase].map((r) => [r!.statusCode, r!.statusMessage])).toEqual([[0, 'Status OK'], [0, 'Status OK'], [0, 'Status OK'], [0, 'Status OK']]);
    return { cf, customer: customer!.records[0]! as { listId: string }, other: other!.records[0]! as { listId: string }, seats: items(seats!)[0]!, setup: items(nonPurchase!)[0]! };
  }

  it('changes a purchase cost with the current EditSequence, refuses a stale one (3200) and an item not used for purchases (3170)', () => {
    const { cf, seats, setup } = setUp();
    expect(seats.salesPrice).toBe('12.50');
    const [changed] = send(cf, [{ kind: 'ItemServiceMod', requestId: 'm', input: { listId: seats.listId, editSequence: seats.editSequence, salesAndPurchase: { purchaseCost: '7.25' } } }]);
    expect(changed!.statusCode).toBe(0);
    expect(items(changed!)[0]).toMatchObject({ purchaseCost: '7.25', salesPrice: '12.50' });
    const [stale] = send(cf, [{ kind: 'ItemServiceMod', requestId: 's', input: { listId: seats.listId, editSequence: seats.editSequence, salesAndPurchase: { purchaseCost: '1.00' } } }]);
    expect(stale!.statusCode).toBe(3200);
    const [refused] = send(cf, [{ kind: 'ItemServiceMod', requestId: 'r', input: { listId: setup.listId, editSequence: setup.editSequence, salesAndPurchase: { purchaseCost: '1.00' } } }]);
    expect(refused!.statusCode).toBe(3170);
    expect(cf.list('Item').find((i) => i.listId === seats.listId)).toMatchObject({ purchaseCost: '7.25' });
  });

  it('prices a line without a rate at the item’s own price, and keeps lines sent by TxnLineID alone exactly as they were', () => {
    const { cf, customer, other, seats, setup } = setUp();
    const [added] = send(cf, [{
      kind: 'InvoiceAdd',
      requestId: 'a',
      input: {
        customer: { listId: customer.listId },
        txnDate: '2026-12-01',
        isToBePrinted: true,
        lines: [
          { item: { listId: setup.listId }, desc: 'Hand-written set-up', quantity: '1', rate: '75.00' },
          { item: { listId: seats.listId }, desc: 'old seats line', quantity: '3' },
          { kind: 'description', desc: 'Thank you!' },
        ],
      },
    }]);
    const invoice = invoices(added!)[0]!;
    expect(invoice.lines.map((l) => [l.desc, l.quantity, l.rate, l.amountCents])).toEqual([
      ['Hand-written set-up', '1', '75.00', 7500],
      ['old seats line', '3', '12.50', 3750],
      ['Thank you!', undefined, undefined, undefined],
    ]);
    const [modified] = send(cf, [{
      kind: 'InvoiceMod',
      requestId: 'm',
      input: {
        txnId: invoice.txnId,
        editSequence: invoice.editSequence,
        lines: [
          { kind: 'keep', txnLineId: invoice.lines[0]!.txnLineId },
          { item: { listId: seats.listId }, desc: 'Microsoft 365: 12 seats', quantity: '12' },
          { item: { listId: seats.listId }, desc: 'Microsoft 365: -2 seats, credit', quantity: '-0.6667' },
          { kind: 'keep', txnLineId: invoice.lines[2]!.txnLineId },
        ],
      },
    }]);
    expect(modified!.statusCode).toBe(0);
    const after = invoices(modified!)[0]!;
    expect(after.lines.map((l) => [l.desc, l.quantity, l.rate, l.amountCents])).toEqual([
      ['Hand-written set-up', '1', '75.00', 7500],
      ['Microsoft 365: 12 seats', '12', '12.50', 15000],
      ['Microsoft 365: -2 seats, credit', '-0.6667', '12.50', -833],
      ['Thank you!', undefined, undefined, undefined],
    ]);
    expect(after.lines[0]!.txnLineId).toBe(invoice.lines[0]!.txnLineId);
    expect(after.subtotalCents).toBe(7500 + 15000 - 833);
    expect(after.isToBePrinted).toBe(true);

    send(cf, [{ kind: 'InvoiceAdd', requestId: 'b', input: { customer: { listId: other.listId }, txnDate: '2026-12-15', lines: [{ item: { listId: setup.listId }, quantity: '1' }] } }]);
    send(cf, [{ kind: 'InvoiceAdd', requestId: 'c', input: { customer: { listId: other.listId }, txnDate: '2027-01-02', lines: [{ item: { listId: setup.listId }, quantity: '1' }] } }]);
    const [found] = send(cf, [{ kind: 'InvoiceQuery', requestId: 'q', input: { entityListIds: [customer.listId, other.listId], txnDateRange: { from: '2026-12-01', to: '2026-12-31' }, includeLineItems: true } }]);
    expect(invoices(found!).map((i) => i.txnDate).sort()).toEqual(['2026-12-01', '2026-12-15']);
  });
});
