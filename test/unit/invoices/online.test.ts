// The Online adapter's pure edges: the invoice body (lines at quantity × rate, the tax code on every line outside the
// US, billing e-mails, the marker), payments and invoices read back, and the change feed's limits (30 days back,
// 1,000 objects, deletions) over a scripted Accounting API.
import { describe, expect, it } from 'vitest';
import type { InvoiceCopyDraft } from '../../../quickbooks/ledger/index.js';
import { invoiceCopyBody, ledgerInvoiceOf, ledgerPaymentOf } from '../../../quickbooks/online/bodies/index.js';
import type { CompanyClient, QboRequest } from '../../../quickbooks/online/client.js';
import { companyAccess } from '../../../quickbooks/online/company.js';
import { QuickBooksFault } from '../../../quickbooks/errors.js';
import { createQboPaymentFeed } from '../../../quickbooks/online/payments.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const draft: InvoiceCopyDraft = {
  marker: 'qbflow:invoice:INV-1', number: 'HD-1', customerId: '58', date: '2026-11-20', termId: '3',
  billingEmails: ['billing@acme.test', 'cfo@acme.test'],
  lines: [{ itemId: '9', description: 'Ticket #1', quantity: '1.5', rate: '95', amountCents: 142_50 }],
  linesTotalCents: 142_50,
};

describe('invoice body', () => {
  it('US: no tax code on the lines (QuickBooks\' automated sales tax decides), billing e-mail and copies, terms, marker', () => {
    const body = invoiceCopyBody(draft) as Json;
    expect(body).toEqual({
      DocNumber: 'HD-1', TxnDate: '2026-11-20', SalesTermRef: { value: '3' }, CustomerRef: { value: '58' }, PrivateNote: 'qbflow:invoice:INV-1',
      BillEmail: { Address: 'billing@acme.test' }, BillEmailCc: { Address: 'cfo@acme.test' },
      Line: [{ DetailType: 'SalesItemLineDetail', Amount: 142.5, Description: 'Ticket #1', SalesItemLineDetail: { ItemRef: { value: '9' }, Qty: 1.5, UnitPrice: 95 } }],
    });
  });

  it('outside the US: the chosen tax code on every line, amounts before tax; an update clears a memo that is gone', () => {
    const body = invoiceCopyBody({ ...draft, lineTaxCodeId: '7' }, { update: true }) as Json;
    expect(body.GlobalTaxCalculation).toBe('TaxExcluded');
    expect(body.Line[0].SalesItemLineDetail.TaxCodeRef).toEqual({ value: '7' });
    expect(body.CustomerMemo).toEqual({ value: '' });
  });
});

describe('read back', () => {
  it('a payment applies what its invoice links say, summed per invoice; credit memo links are not applications', () => {
    const payment = ledgerPaymentOf({
      Id: '41', TxnDate: '2026-11-25', TotalAmt: 150, CustomerRef: { value: '58' },
      Line: [
        { Amount: 100, LinkedTxn: [{ TxnId: '7', TxnType: 'Invoice' }] },
        { Amount: 20, LinkedTxn: [{ TxnId: '7', TxnType: 'Invoice' }] },
        { Amount: 30, LinkedTxn: [{ TxnId: '8', TxnType: 'Invoice' }] },
        { Amount: 25, LinkedTxn: [{ TxnId: '3', TxnType: 'CreditMemo' }] },
      ],
    });
    expect(payment).toMatchObject({ id: '41', date: '2026-11-25', totalCents: 150_00, voided: false });
    expect([...payment.applied]).toEqual([['7', 120_00], ['8', 30_00]]);
  });

  it('a voided payment applies nothing', () => {
    expect(ledgerPaymentOf({ Id: '41', TotalAmt: 0, Line: [], PrivateNote: 'Voided' })).toMatchObject({ voided: true, applied: new Map() });
  });

  it('an invoice with its balance, who it was e-mailed to and when, and our marker', () => {
    expect(ledgerInvoiceOf({
      Id: '7', DocNumber: '1001', CustomerRef: { value: '58' }, TxnDate: '2026-11-20', TotalAmt: 370, Balance: 70, SyncToken: '3',
      EmailStatus: 'EmailSent', BillEmail: { Address: 'billing@acme.test' }, DeliveryInfo: { DeliveryType: 'Email', DeliveryTime: '2026-11-20T10:00:00-07:00' },
      PrivateNote: 'qbflow:invoice:INV-1',
    })).toEqual({
      id: '7', number: '1001', customerId: '58', date: '2026-11-20', totalCents: 370_00, balanceCents: 70_00, version: '3',
      emailed: { at: '2026-11-20T10:00:00-07:00', to: 'billing@acme.test' }, marker: 'qbflow:invoice:INV-1',
    });
  });
});

describe('change feed', () => {
  const NOW = Date.parse('2026-12-01T12:00:00Z');
  const scripted = (answer: (request: QboRequest) => unknown) => {
    const requests: QboRequest[] = [];
    const client: CompanyClient = {
      realmId: '1',
      async request<T>(request: QboRequest): Promise<T> {
        requests.push(request);
        return answer(request) as T;
      },
    };
    return { feed: createQboPaymentFeed(companyAccess(client), { now: () => NOW }), requests };
  };
  const cdc = (payments: Json[], invoices: Json[] = []) => ({
    CDCResponse: [{ QueryResponse: [payments.length ? { Payment: payments } : {}, invoices.length ? { Invoice: invoices } : {}] }], time: '2026-12-01T05:00:00.000-07:00',
  });

  it('asks CDC for payments and invoices since the mark; deletions are ids; the answer\'s own time is the next mark', async () => {
    const { feed, requests } = scripted(() => cdc(
      [{ Id: '41', TotalAmt: 10, Line: [{ Amount: 10, LinkedTxn: [{ TxnId: '7', TxnType: 'Invoice' }] }] }, { Id: '40', status: 'Deleted', domain: 'QBO' }],
      [{ Id: '7', TotalAmt: 10, Balance: 0 }],
    ));
    const changes = await feed.changesSince('2026-11-30T00:00:00.000Z');
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/cdc', query: { entities: 'Payment,Invoice', changedSince: '2026-11-30T00:00:00.000Z' } });
    expect(changes).toMatchObject({ complete: true, through: '2026-12-01T05:00:00.000-07:00', deletedPaymentIds: ['40'], invoiceIds: ['7'] });
    expect(changes.payments.map((p) => p.id)).toEqual(['41']);
  });

  it('does not ask for more than 30 days back, and treats Intuit\'s "older than fixed days" fault the same: re-sync', async () => {
    const { feed, requests } = scripted(() => {
      throw new QuickBooksFault(400, '500', 'Operation cdc with changedSince date … which is older than fixed days is not supported.', 'ValidationFault');
    });
    expect((await feed.changesSince('2026-10-01T00:00:00Z')).complete).toBe(false);
    expect(requests).toHaveLength(0);
    expect((await feed.changesSince('2026-11-02T13:00:00Z')).complete).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('an answer of 1,000 objects may be cut (Intuit does not say so): not complete', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ Id: String(i), TotalAmt: 0 }));
    const { feed } = scripted(() => cdc(many));
    expect((await feed.changesSince('2026-11-30T00:00:00Z')).complete).toBe(false);
  });

  it('re-syncs by query, page by page, from the mark; the first answer\'s time is the next mark', async () => {
    const page = (start: number, size: number) => Array.from({ length: size }, (_, i) => ({ Id: String(start + i), TotalAmt: 1, Line: [] }));
    const { feed, requests } = scripted((request) => {
      const start = Number(/STARTPOSITION (\d+)/.exec(request.query!.query!)![1]);
      return { QueryResponse: { Payment: start === 1 ? page(1, 1000) : page(1001, 3) }, time: start === 1 ? 'first' : 'second' };
    });
    const resync = await feed.paymentsChangedSince('2026-09-01T00:00:00Z');
    expect(resync.payments).toHaveLength(1003);
    expect(resync.through).toBe('first');
    expect(requests.map((r) => r.query!.query)).toEqual([
      "select * from Payment where MetaData.LastUpdatedTime >= '2026-09-01T00:00:00Z' ORDERBY MetaData.LastUpdatedTime STARTPOSITION 1 MAXRESULTS 1000",
      "select * from Payment where MetaData.LastUpdatedTime >= '2026-09-01T00:00:00Z' ORDERBY MetaData.LastUpdatedTime STARTPOSITION 1001 MAXRESULTS 1000",
    ]);
  });
});
