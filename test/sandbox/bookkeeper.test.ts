import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faultOf, newCompany, request, startSandbox, type Api, type Harness } from './helpers.js';
import { eventsOf, startReceiver, type Receiver } from './receiver.js';

function control(harness: Harness, method: string, path: string, body?: unknown) {
  return request(`${harness.url}/_sandbox${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

interface Sale {
  api: Api;
  customerId: string;
  invoices: Array<{ Id: string; SyncToken: string }>;
}

async function twoInvoices(harness: Harness): Promise<Sale> {
  const api = await newCompany(harness);
  const customerId = (await api.call('POST', '/customer', { DisplayName: 'OneDesk Client GmbH', PrimaryEmailAddr: { Address: 'ap@client.test' } })).body.Customer.Id;
  const invoice = (amount: number) =>
    api.call('POST', '/invoice', { CustomerRef: { value: customerId }, BillEmail: { Address: 'old@client.test' }, Line: [{ Amount: amount, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '2' }, Qty: amount / 50, UnitPrice: 50 } }] });
  const invoices = [(await invoice(500)).body.Invoice, (await invoice(250)).body.Invoice];
  return { api, customerId, invoices };
}

async function balance(api: Api, invoiceId: string): Promise<number> {
  return (await api.call('GET', `/invoice/${invoiceId}`)).body.Invoice.Balance;
}

describe('acting as the bookkeeper: payments recorded, voided and deleted in QuickBooks', () => {
  let harness: Harness;
  let receiver: Receiver;

  beforeAll(async () => {
    harness = await startSandbox({ webhooks: { batchWindowMs: 5, retryScale: 0.001 } });
  });
  beforeEach(async () => {
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: 'bk', format: 'legacy' });
  });
  afterEach(async () => {
    harness.sandbox.webhooks.remove();
    await receiver.close();
  });
  afterAll(() => harness.close());

  /** Operations the receiver heard for the realm since `from`, as `Entity id Operation`. */
  async function heard(realmId: string, from: number): Promise<string[]> {
    await harness.sandbox.webhooks.settled();
    return receiver.received
      .slice(from)
      .flatMap((r) => eventsOf(r.json))
      .filter((e) => e.startsWith(`${realmId} `))
      .map((e) => e.slice(realmId.length + 1));
  }

  it('records a payment over two invoices: balances fall, webhooks and CDC tell the app', async () => {
    const { api, customerId, invoices } = await twoInvoices(harness);
    const [a, b] = invoices as [Sale['invoices'][0], Sale['invoices'][0]];
    const since = new Date(harness.sandbox.clock.now() - 1000).toISOString();
    const from = (await harness.sandbox.webhooks.settled(), receiver.received.length);

    const recorded = await control(harness, 'POST', `/companies/${api.realmId}/payments`, {
      PaymentRefNum: 'SEPA-4711',
      Line: [
        { Amount: 500, LinkedTxn: [{ TxnId: a.Id, TxnType: 'Invoice' }] },
        { Amount: 100, LinkedTxn: [{ TxnId: b.Id, TxnType: 'Invoice' }] },
      ],
    });
    expect(recorded.status).toBe(201);
    const payment = recorded.body.Payment;
    // The screen filled in the customer of the first invoice and the total of the amounts applied.
    expect(payment).toMatchObject({ CustomerRef: { value: customerId }, TotalAmt: 600, UnappliedAmt: 0, PaymentRefNum: 'SEPA-4711' });
    expect([await balance(api, a.Id), await balance(api, b.Id)]).toEqual([0, 150]);
    expect(await heard(api.realmId, from)).toEqual([`Payment ${payment.Id} Create`, `Invoice ${a.Id} Update`, `Invoice ${b.Id} Update`]);

    const cdc = await api.call('GET', `/cdc?entities=Payment,Invoice&changedSince=${encodeURIComponent(since)}`);
    const [payments, changedInvoices] = cdc.body.CDCResponse[0].QueryResponse;
    expect(payments.Payment.map((p: { Id: string }) => p.Id)).toEqual([payment.Id]);
    expect(changedInvoices.Invoice.map((i: { Id: string; Balance: number }) => [i.Id, i.Balance])).toEqual([
      [a.Id, 0],
      [b.Id, 150],
    ]);
    // Not through the API: the app's request statistics do not move.
    expect(harness.sandbox.companies.get(api.realmId)?.stats.writes).toBe(3);
  });

  it('voids a payment: same id, amounts zeroed, invoice balances back; Void webhook, CDC shows the voided payment', async () => {
    const { api, invoices } = await twoInvoices(harness);
    const [a] = invoices as [Sale['invoices'][0]];
    const payment = harness.sandbox.bookkeeper.recordPayment(api.realmId, { TotalAmt: 200, Line: [{ Amount: 200, LinkedTxn: [{ TxnId: a.Id, TxnType: 'Invoice' }] }] });
    expect(await balance(api, a.Id)).toBe(300);
    const since = new Date(harness.sandbox.clock.now()).toISOString();
    const from = (await harness.sandbox.webhooks.settled(), receiver.received.length);

    const voided = await control(harness, 'POST', `/companies/${api.realmId}/payments/${String(payment.Id)}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body.Payment).toMatchObject({ Id: payment.Id, TotalAmt: 0, UnappliedAmt: 0, Line: [], PrivateNote: 'Voided', SyncToken: '1' });
    expect(await balance(api, a.Id)).toBe(500);
    expect(await heard(api.realmId, from)).toEqual([`Payment ${String(payment.Id)} Void`, `Invoice ${a.Id} Update`]);
    const [block] = (await api.call('GET', `/cdc?entities=Payment&changedSince=${encodeURIComponent(since)}`)).body.CDCResponse[0].QueryResponse;
    expect(block.Payment).toEqual([expect.objectContaining({ Id: payment.Id, TotalAmt: 0 })]);
  });

  it('deletes a payment: only its id survives (610 on read), Delete webhook, CDC status Deleted', async () => {
    const { api, invoices } = await twoInvoices(harness);
    const [, b] = invoices as [Sale['invoices'][0], Sale['invoices'][0]];
    const payment = harness.sandbox.bookkeeper.recordPayment(api.realmId, { Line: [{ Amount: 250, LinkedTxn: [{ TxnId: b.Id, TxnType: 'Invoice' }] }] });
    expect(await balance(api, b.Id)).toBe(0);
    const since = new Date(harness.sandbox.clock.now()).toISOString();
    const from = (await harness.sandbox.webhooks.settled(), receiver.received.length);

    const deleted = await control(harness, 'DELETE', `/companies/${api.realmId}/payments/${String(payment.Id)}`);
    expect(deleted.body.Payment).toEqual({ Id: payment.Id, status: 'Deleted', domain: 'QBO' });
    expect(await balance(api, b.Id)).toBe(250);
    expect(faultOf(await api.call('GET', `/payment/${String(payment.Id)}`))).toMatchObject({ code: '610', Detail: 'Object Not Found : Another user has deleted this transaction.' });
    expect(await heard(api.realmId, from)).toEqual([`Payment ${String(payment.Id)} Delete`, `Invoice ${b.Id} Update`]);
    const [block] = (await api.call('GET', `/cdc?entities=Payment&changedSince=${encodeURIComponent(since)}`)).body.CDCResponse[0].QueryResponse;
    expect(block.Payment).toEqual([{ Id: payment.Id, status: 'Deleted', domain: 'QBO', MetaData: { LastUpdatedTime: expect.any(String) } }]);
  });

  it('answers QuickBooks’ own fault when the bookkeeper breaks a rule, and 404 for an unknown realm or payment', async () => {
    const { api, invoices } = await twoInvoices(harness);
    const [a] = invoices as [Sale['invoices'][0]];
    const over = await control(harness, 'POST', `/companies/${api.realmId}/payments`, { Line: [{ Amount: 501, LinkedTxn: [{ TxnId: a.Id, TxnType: 'Invoice' }] }] });
    expect(over.status).toBe(400);
    expect(over.body.Fault.Error[0]).toMatchObject({ code: '6000' });
    expect((await control(harness, 'POST', '/companies/123/payments', { Line: [] })).status).toBe(404);
    expect((await control(harness, 'POST', `/companies/${api.realmId}/payments/999/void`)).status).toBe(404);
  });

  it('changes any record through the records route: no SyncToken needed, an Update webhook', async () => {
    const { api, invoices } = await twoInvoices(harness);
    const [a] = invoices as [Sale['invoices'][0]];
    const from = (await harness.sandbox.webhooks.settled(), receiver.received.length);
    const changed = await control(harness, 'POST', `/companies/${api.realmId}/records/invoice`, { Id: a.Id, DueDate: '2026-12-31' });
    expect(changed.body.Invoice).toMatchObject({ Id: a.Id, DueDate: '2026-12-31', SyncToken: '1', TotalAmt: 500 });
    expect(await heard(api.realmId, from)).toEqual([`Invoice ${a.Id} Update`]);
  });
});

describe('invoice send', () => {
  let harness: Harness;
  let receiver: Receiver;

  beforeAll(async () => {
    harness = await startSandbox({ webhooks: { batchWindowMs: 5 } });
    receiver = await startReceiver();
    harness.sandbox.webhooks.configure({ url: receiver.url, verifierToken: 'mail', format: 'legacy' });
  });
  afterAll(async () => {
    await receiver.close();
    await harness.close();
  });

  it('e-mails the invoice once: EmailSent, DeliveryInfo, BillEmail overwritten by sendTo, Emailed webhook, one e-mail listed', async () => {
    const { api, invoices } = await twoInvoices(harness);
    const [a] = invoices as [Sale['invoices'][0]];
    await harness.sandbox.webhooks.settled();
    const from = receiver.received.length;

    const sent = await api.call('POST', `/invoice/${a.Id}/send?sendTo=${encodeURIComponent('billing@client.test')}`, '', { contentType: 'application/octet-stream' });
    expect(sent.status).toBe(200);
    expect(sent.body.Invoice).toMatchObject({
      EmailStatus: 'EmailSent',
      BillEmail: { Address: 'billing@client.test' },
      DeliveryInfo: { DeliveryType: 'Email', DeliveryTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-07:00$/) },
      SyncToken: '1',
    });
    await harness.sandbox.webhooks.settled();
    expect(receiver.received.slice(from).flatMap((r) => eventsOf(r.json))).toEqual([`${api.realmId} Invoice ${a.Id} Emailed`]);

    const outbox = await control(harness, 'GET', `/companies/${api.realmId}/emails`);
    expect(outbox.body).toEqual({ count: 1, emails: [{ realmId: api.realmId, invoiceId: a.Id, docNumber: expect.any(String), to: 'billing@client.test', time: expect.any(String) }] });
  });

  it('sends to BillEmail without sendTo, counts every send, and refuses an invoice without an address', async () => {
    const { api, customerId, invoices } = await twoInvoices(harness);
    const [, b] = invoices as [Sale['invoices'][0], Sale['invoices'][0]];
    await api.call('POST', `/invoice/${b.Id}/send`);
    await api.call('POST', `/invoice/${b.Id}/send`);
    expect(harness.sandbox.companies.emails(api.realmId).map((e) => e.to)).toEqual(['old@client.test', 'old@client.test']);

    const bare = (await api.call('POST', '/invoice', { CustomerRef: { value: customerId }, Line: [{ Amount: 5, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' } } }] })).body.Invoice;
    expect(faultOf(await api.call('POST', `/invoice/${bare.Id}/send`)).code).toBe('6000');
    expect(harness.sandbox.companies.emails(api.realmId)).toHaveLength(2);
  });
});
