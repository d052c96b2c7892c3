// Invoice copy and payments back on QuickBooks Desktop, over the real stack: HTTP API → Temporal workflow → durable
// queue → our SOAP endpoint → the emulated Web Connector → the emulated company file, and back. Copy and re-copy
// (EditSequence), a lost InvoiceAdd answer found by its ExternalGUID, the Web Connector away (nothing held), and
// payments a bookkeeper records, voids or deletes in the company file reaching the upstream app exactly once, read
// at each Web Connector run (ReceivePaymentQuery modified since the mark, TxnDeletedQuery).
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyInvoiceWorkflowId } from '../../control/ids.js';
import { connectDesktop, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { eventually, startWebhookReceiver } from '../support/receivers.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let tenantId: string;
let key: string;
let desktop: DesktopConnection;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sql: postgres.Sql;
let temporal: Connection;

const n = () => randomBytes(3).toString('hex');
const base = () => `/v1/connections/${desktop.connectionId}`;
const view = async (invoiceId: string) => (await stack.call('GET', `${base()}/invoices/${invoiceId}`, { key })).body as Json;
const received = (): Json[] => receiver.received.map((r) => JSON.parse(r.body) as Json);
const eventsFor = (invoiceId: string) => received().filter((e) => e.data.invoiceId === invoiceId);

function upstreamInvoice(customer: string, lines: [quantity: string, rate: string][], extra: Json = {}): Json {
  return {
    customer: { externalId: `ORG-${customer}`, name: customer },
    date: '2026-11-20',
    lines: lines.map(([quantity, rate], i) => ({ description: `Ticket #${i + 1}: printer offline`, quantity, rate, serviceType: 'Support hours' })),
    ...extra,
  };
}

async function put(invoiceId: string, body: Json): Promise<void> {
  const accepted = await stack.call('PUT', `${base()}/invoices/${invoiceId}`, { key, body });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
}

/** Runs the Web Connector until the invoice's copy has finished; its status then. */
async function deliver(invoiceId: string): Promise<Json> {
  await runUntil(desktop.wc, async () => (await view(invoiceId)).run === 'COMPLETED');
  return view(invoiceId);
}

async function copy(invoiceId: string, customer: string, lines: [string, string][]): Promise<Json> {
  await put(invoiceId, upstreamInvoice(customer, lines));
  const done = await deliver(invoiceId);
  expect(done.outcome, JSON.stringify(done.steps)).toBe('copied');
  return done;
}

/** Every Intuit-style event processed and every upstream delivery made, with the Web Connector running meanwhile. */
async function settled(): Promise<void> {
  await runUntil(desktop.wc, async () => {
    const [events] = await sql`select count(*)::int as n from intuit_events where connection_id = ${desktop.connectionId} and processed_at is null`;
    const pending = (await stack.call('GET', '/v1/webhooks/deliveries?status=pending', { key })).body.deliveries as Json[];
    return (events!.n as number) + pending.length === 0;
  });
}

const invoicesOf = (customer: string) => {
  const id = desktop.company.list('Customer').find((c) => c.name === customer)?.listId;
  return desktop.company.list('Invoice').filter((i) => i.customerRef.listId === id);
};

beforeAll(async () => {
  stack = await startTestStack({ env: QUICK_QBD_ENV });
  ({ id: tenantId, apiKey: key } = await createTenant(stack));
  desktop = await connectDesktop(stack.apiUrl, key);
  const income = desktop.company.list('Account').find((a) => a.accountType === 'Income')!;
  const settings = (await stack.call('GET', `${base()}/settings`, { key })).body;
  const saved = await stack.call('PUT', `${base()}/settings`, { key, body: { ...settings, invoices: { incomeAccount: income.listId } } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  receiver = await startWebhookReceiver();
  const hook = await stack.call('POST', '/v1/webhooks', { key, body: { url: receiver.url, events: ['invoice.paid', 'invoice.partially_paid', 'invoice.payment_reversed'] } });
  expect(hook.status).toBe(201);
  sql = postgres(stack.config.databaseUrl, { max: 1 });
  temporal = await Connection.connect({ address: stack.config.temporal.address });
});

afterAll(async () => {
  await temporal?.close();
  await sql?.end();
  await receiver?.close();
  await stack?.stop();
});

describe('copying invoices to QuickBooks Desktop', () => {
  it('copies an invoice: the customer by exact name, a Service item created for the service type, terms, lines at their rates, our ExternalGUID', async () => {
    const customer = `Helpdesk client ${n()}`;
    await put('HD-1', upstreamInvoice(customer, [['1.5', '120.00'], ['2', '95.00']], { number: 'HD-1', terms: 'Net 30', memo: 'November support' }));
    const runs = await runUntil(desktop.wc, async () => (await view('HD-1')).run === 'COMPLETED');
    const done = await view('HD-1');
    console.log(`Desktop copy (customer and item created, terms): ${runs.length} Web Connector run(s), ${runs.reduce((s, r) => s + r.messages, 0)} qbXML message(s), ${runs.reduce((s, r) => s + r.requests, 0)} request(s)`);
    expect(done.outcome, JSON.stringify(done.steps)).toBe('copied');
    expect(done.steps.map((s: Json) => [s.step, s.state])).toEqual([['customer', 'done'], ['items', 'done'], ['invoice', 'done']]);
    expect(done.steps[1].detail).toMatch(/created "Support hours"/);

    const [invoice, ...others] = invoicesOf(customer);
    expect(others).toHaveLength(0);
    expect(done.copied).toMatchObject({ quickbooksId: invoice!.txnId, number: 'HD-1' });
    expect(invoice!.subtotalCents).toBe(37000);
    expect(invoice!.memo).toBe('November support (qbflow:invoice:HD-1)');
    expect(invoice!.externalGuid).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(invoice!.lines.map((l) => [l.desc, l.quantity, l.rate, l.amountCents])).toEqual([
      ['Ticket #1: printer offline', '1.5', '120.00', 18000],
      ['Ticket #2: printer offline', '2', '95.00', 19000],
    ]);
    const [add] = await sql`select request_xml from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'InvoiceAdd' and answered_at is not null and request_xml like ${'%HD-1%'}`;
    expect(add!.request_xml).toMatch(/<TermsRef><ListID>[^<]+<\/ListID><\/TermsRef>/);
    const item = desktop.company.list('Item').find((i) => i.listId === invoice!.lines[0]!.itemRef?.listId);
    expect(item).toMatchObject({ name: 'Support hours', itemType: 'Service' });
    expect(done.total).toBe('370.00');
  });

  it('refuses in words a customer whose name differs only in capitals, and a service type whose item is inactive', async () => {
    const customer = `Near miss ${n()}`;
    desktop.company.bookkeeper.addCustomer({ name: customer.toUpperCase() });
    const archived = `Archived ${n()}`;
    desktop.company.bookkeeper.addServiceItem({ name: archived, isActive: false });
    await put('HD-7', { ...upstreamInvoice(customer, [['1', '10.00']]), lines: [{ description: 'Old work', quantity: '1', rate: '10.00', serviceType: archived }] });
    const done = await deliver('HD-7');
    expect(done.outcome).toBe('failed');
    const step = (name: string) => done.steps.find((s: Json) => s.step === name);
    expect(step('customer').error).toMatch(new RegExp(`customer named "${customer.toUpperCase()}", which is not exactly "${customer}"`));
    expect(step('items').error).toMatch(new RegExp(`inactive items named "${archived}"`));
    expect(step('invoice').state).toBe('skipped');
    expect(desktop.company.list('Customer').filter((c) => c.name.toLowerCase() === customer.toLowerCase())).toHaveLength(1);
    expect(desktop.company.list('Item').filter((i) => i.name === archived)).toHaveLength(1);
  });

  it('a re-copy with new amounts modifies the same invoice with its EditSequence, never adding one', async () => {
    const customer = `Recopy client ${n()}`;
    const first = await copy('HD-2', customer, [['1', '100.00']]);
    const before = invoicesOf(customer)[0]!;
    await put('HD-2', { ...upstreamInvoice(customer, [['3', '100.00'], ['1', '25.50']]), revision: 2 });
    const done = await deliver('HD-2');
    expect(done.outcome, JSON.stringify(done.steps)).toBe('copied');
    expect(done.steps.find((s: Json) => s.step === 'invoice').action).toBe('updated');
    const after = invoicesOf(customer);
    expect(after).toHaveLength(1);
    expect(after[0]!.txnId).toBe(first.copied.quickbooksId);
    expect(after[0]!.editSequence).not.toBe(before.editSequence);
    expect(after[0]!.subtotalCents).toBe(32550);
    expect(done.total).toBe('325.50');
  });

  it('does not duplicate an invoice whose InvoiceAdd answer was lost after QuickBooks applied it: finds it by ExternalGUID', async () => {
    const customer = `Lost answer client ${n()}`;
    desktop.wc.faults.dropConnectionAfterSendRequest(1, (request) => request.includes('<InvoiceAddRq'));
    await put('HD-3', upstreamInvoice(customer, [['2', '50.00']]));
    const runs: string[] = [];
    await runUntil(desktop.wc, async () => (await view('HD-3')).run === 'COMPLETED', { onRun: (run) => runs.push(run.outcome) });
    const done = await view('HD-3');
    expect(runs).toContain('dropped');
    expect(done.outcome, JSON.stringify(done.steps)).toBe('copied');
    expect(done.steps.find((s: Json) => s.step === 'invoice').action).toBe('adopted');
    expect(invoicesOf(customer)).toHaveLength(1);
    const adds = await sql`select state, failure from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'InvoiceAdd' and request_xml like ${`%${customer}%`}`;
    expect(adds.length).toBeLessThanOrEqual(1);
  });

  it('waits for an absent Web Connector holding nothing, visibly, then copies when it comes back', async () => {
    const customer = `Offline client ${n()}`;
    await put('HD-4', upstreamInvoice(customer, [['4', '80.00']]));
    const waiting = await eventually(() => view('HD-4'), (v) => v.steps.some((s: Json) => s.state === 'waiting'), 30_000);
    expect(waiting.run).toBe('RUNNING');
    expect(waiting.steps.find((s: Json) => s.state === 'waiting').detail).toMatch(/^waiting for the Web Connector since/);
    const handle = new Client({ connection: temporal }).workflow.getHandle(copyInvoiceWorkflowId({ tenantId, connectionId: desktop.connectionId, invoiceId: 'HD-4' }));
    expect((await handle.describe()).raw.pendingActivities ?? []).toHaveLength(0);
    const done = await deliver('HD-4');
    expect(done.outcome, JSON.stringify(done.steps)).toBe('copied');
    expect(invoicesOf(customer)).toHaveLength(1);
  });

  it('holds a re-copy that would go below what was paid, leaving QuickBooks as it is', async () => {
    const customer = `Held client ${n()}`;
    const copied = await copy('HD-6', customer, [['4', '100.00']]);
    desktop.company.bookkeeper.receivePayment({ customer, applyTo: [{ invoiceTxnId: copied.copied.quickbooksId, amountCents: 30000 }] });
    await put('HD-6', { ...upstreamInvoice(customer, [['2', '100.00']]), revision: 2 });
    const done = await deliver('HD-6');
    expect(done.outcome, JSON.stringify(done.steps)).toBe('held');
    expect(done.steps.find((s: Json) => s.step === 'invoice').error).toMatch(/already paid 300.00 .* add up to 200.00/);
    expect(invoicesOf(customer)[0]!.subtotalCents).toBe(40000);
  });

  it('answers a send request in words: the invoice is copied, Desktop cannot e-mail it', async () => {
    const customer = `Send client ${n()}`;
    const response = await stack.call('POST', `${base()}/invoices/HD-5/send`, { key, body: { invoice: upstreamInvoice(customer, [['1', '60.00']], { billingEmails: ['ap@example.com'] }) } });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body).toMatchObject({ sending: false, reason: expect.stringMatching(/QuickBooks Desktop does not let an integration e-mail invoices/) });
    const done = await deliver('HD-5');
    expect(done.outcome, JSON.stringify(done.steps)).toBe('copied');
    expect(done.sent).toBeNull();
    expect(invoicesOf(customer)).toHaveLength(1);
  });
});

describe('payments back from QuickBooks Desktop', () => {
  it('a payment recorded in the company file reaches the upstream app as invoice.paid exactly once', async () => {
    const customer = `Paying client ${n()}`;
    const copied = await copy('HD-PAY', customer, [['2', '95.00'], ['1.5', '120.00']]);
    const paymentId = desktop.company.bookkeeper.receivePayment({ customer, applyTo: [{ invoiceTxnId: copied.copied.quickbooksId, amountCents: 37000 }] });
    const recorded = async () => (await sql`select count(*)::int as n from payment_applications where connection_id = ${desktop.connectionId} and payment_id = ${paymentId}`)[0]!.n === 1;
    const runs = await runUntil(desktop.wc, recorded);
    console.log(`Desktop payment back: recorded after ${runs.length} Web Connector run(s) (${runs.map((r) => `${r.messages} message(s), ${r.requests} request(s)`).join('; ')})`);
    await runUntil(desktop.wc, () => eventsFor('HD-PAY').some((e) => e.type === 'invoice.paid'));
    // later Web Connector runs read the same payment again (the mark includes its time): nothing is told twice
    await desktop.wc.runOnce();
    await desktop.wc.runOnce();
    await settled();
    const events = eventsFor('HD-PAY');
    expect(events.map((e) => e.type)).toEqual(['invoice.paid']);
    expect(events[0]!.data).toMatchObject({ quickbooksInvoiceId: copied.copied.quickbooksId, amount: '370.00', total: '370.00', balance: '0.00', status: 'paid' });
    const after = await view('HD-PAY');
    expect(after).toMatchObject({ status: 'paid', paid: '370.00', balance: '0.00' });
  });

  it('a partial payment is invoice.partially_paid; deleting it reverses it; a voided payment is reversed too', async () => {
    const customer = `Partial client ${n()}`;
    const copied = await copy('HD-PART', customer, [['4', '100.00']]);
    const invoiceTxnId = copied.copied.quickbooksId as string;
    const first = desktop.company.bookkeeper.receivePayment({ customer, applyTo: [{ invoiceTxnId, amountCents: 15000 }] });
    await runUntil(desktop.wc, () => eventsFor('HD-PART').some((e) => e.type === 'invoice.partially_paid'));
    expect(eventsFor('HD-PART')[0]!.data).toMatchObject({ amount: '150.00', paid: '150.00', balance: '250.00', status: 'partially_paid', paymentId: first });

    desktop.company.bookkeeper.deletePayment(first);
    await runUntil(desktop.wc, () => eventsFor('HD-PART').some((e) => e.type === 'invoice.payment_reversed'));
    const reversed = eventsFor('HD-PART').find((e) => e.type === 'invoice.payment_reversed')!;
    expect(reversed.data).toMatchObject({ paymentId: first, amount: '150.00', reason: 'deleted', balance: '400.00' });

    const second = desktop.company.bookkeeper.receivePayment({ customer, applyTo: [{ invoiceTxnId, amountCents: 40000 }] });
    await runUntil(desktop.wc, () => eventsFor('HD-PART').some((e) => e.type === 'invoice.paid'));
    desktop.company.bookkeeper.voidPayment(second);
    await runUntil(desktop.wc, () => eventsFor('HD-PART').filter((e) => e.type === 'invoice.payment_reversed').length === 2);
    await settled();
    expect(eventsFor('HD-PART').map((e) => [e.type, e.data.paymentId])).toEqual([
      ['invoice.partially_paid', first], ['invoice.payment_reversed', first], ['invoice.paid', second], ['invoice.payment_reversed', second],
    ]);
    expect(eventsFor('HD-PART').at(-1)!.data).toMatchObject({ reason: 'voided', balance: '400.00', status: 'open' });
    expect(await view('HD-PART')).toMatchObject({ status: 'open', balance: '400.00' });
  });
});
