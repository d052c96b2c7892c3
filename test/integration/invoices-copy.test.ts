// Invoices copied to QuickBooks Online over the real stack (HTTP API → Temporal workflow → sandbox QBO): customers
// and service items by exact name, re-copies updating the same invoice, sends through QuickBooks exactly once per
// request, a re-copy below what was paid held for a person, and the non-US tax model.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';
import { eventually } from '../support/receivers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let connectionId: string;
let realmId: string;

const sandbox = () => stack.sandbox!.server;
const objects = (entity: string, realm = realmId): Json[] => sandbox().companies.objects(realm, entity) as Json[];
const id = () => randomBytes(4).toString('hex');
const base = (connection = connectionId) => `/v1/connections/${connection}`;

function invoice(overrides: Json = {}): Json {
  const n = id();
  return {
    customer: { externalId: `ORG-${n}`, name: `Acme ${n}` },
    date: '2026-11-20',
    lines: [
      { description: 'Ticket #4711: login page broken', quantity: '2', rate: '95.00', serviceType: 'Support' },
      { description: 'Task: quarterly review', quantity: '1.5', rate: '120.00', serviceType: 'Consulting' },
    ],
    billingEmails: [`billing-${n}@example.com`],
    ...overrides,
  };
}

async function put(invoiceId: string, body: Json, connection = connectionId, expectStatus = 202) {
  const response = await stack.call('PUT', `${base(connection)}/invoices/${invoiceId}`, { key, body });
  expect(response.status, JSON.stringify(response.body)).toBe(expectStatus);
  return response.body;
}

/** Polls the invoice until its copy workflow has finished. */
async function settled(invoiceId: string, connection = connectionId): Promise<Json> {
  return eventually(async () => (await stack.call('GET', `${base(connection)}/invoices/${invoiceId}`, { key })).body as Json,
    (view) => view.run !== undefined && view.run !== null && view.run !== 'RUNNING', 90_000);
}

async function useSettings(connection: string, invoices: Json) {
  const current = (await stack.call('GET', `${base(connection)}/settings`, { key })).body;
  const saved = await stack.call('PUT', `${base(connection)}/settings`, { key, body: { ...current, invoices } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

const incomeAccount = (realm = realmId) => objects('Account', realm).find((a) => a.Name === 'Services')!;
const qbInvoice = (quickbooksId: string, realm = realmId) => objects('Invoice', realm).find((i) => i.Id === quickbooksId)!;

beforeAll(async () => {
  stack = await startTestStack();
  key = (await createTenant(stack)).apiKey;
  ({ connectionId, realmId } = await connectQbo(stack, key));
  await useSettings(connectionId, { incomeAccount: incomeAccount().Id });
  sandbox().companies.insert(realmId, 'Item', { Name: 'Consulting', Type: 'Service', UnitPrice: 150, IncomeAccountRef: { value: incomeAccount().Id } });
});

afterAll(async () => {
  await stack?.stop();
});

describe('copying an invoice to QuickBooks Online', () => {
  it('matches the customer and service types by exact name, creates what is missing, and puts lines at quantity × rate', async () => {
    const body = invoice({ number: `HD-${id()}`, terms: 'Net 15', memo: 'Thank you!' });
    const existing = sandbox().companies.insert(realmId, 'Customer', { DisplayName: body.customer.name }) as Json;
    const itemsBefore = objects('Item').length;

    const accepted = await put('INV-1', body);
    expect(accepted).toMatchObject({ revision: 1, statusUrl: `${base()}/invoices/INV-1` });
    expect(accepted.workflowId).toMatch(new RegExp(`^copy-invoice/[^/]+/${connectionId}/INV-1$`));
    const view = await settled('INV-1');
    expect(view.outcome, JSON.stringify(view)).toBe('copied');
    expect(view.steps.map((s: Json) => [s.step, s.state])).toEqual([['customer', 'done'], ['items', 'done'], ['invoice', 'done']]);
    expect(view.steps[1].detail).toContain('created "Support"');

    const copy = qbInvoice(view.copied.quickbooksId);
    expect(copy.DocNumber).toBe(body.number);
    expect(copy.CustomerRef.value).toBe(existing.Id);
    expect(copy.TotalAmt).toBe(370);
    expect(copy.DueDate).toBe('2026-12-05'); // Net 15
    expect(copy.SalesTermRef.name).toBe('Net 15');
    expect(copy.CustomerMemo.value).toBe('Thank you!');
    expect(copy.BillEmail.Address).toBe(body.billingEmails[0]);
    expect(copy.PrivateNote).toBe('qbflow:invoice:INV-1');
    const lines = copy.Line.filter((l: Json) => l.DetailType === 'SalesItemLineDetail');
    expect(lines.map((l: Json) => [l.Description, l.Amount, l.SalesItemLineDetail.Qty, l.SalesItemLineDetail.UnitPrice, l.SalesItemLineDetail.ItemRef.name]))
      .toEqual([['Ticket #4711: login page broken', 190, 2, 95, 'Support'], ['Task: quarterly review', 180, 1.5, 120, 'Consulting']]);
    expect(lines[0].SalesItemLineDetail.TaxCodeRef).toEqual({ value: 'NON' }); // US: QuickBooks decides the tax

    const support = objects('Item').find((i) => i.Name === 'Support')!;
    expect(support).toMatchObject({ Type: 'Service', IncomeAccountRef: { value: incomeAccount().Id } });
    expect(objects('Item')).toHaveLength(itemsBefore + 1);
    expect(objects('Customer').filter((c) => c.DisplayName === body.customer.name)).toHaveLength(1);

    expect(view).toMatchObject({
      copied: { quickbooksId: copy.Id, number: body.number, revision: 1 }, sent: null, total: '370.00', balance: '370.00', paid: '0.00', status: 'open', payments: [],
    });

    // the same invoice again changes nothing
    await put('INV-1', body);
    const again = await settled('INV-1');
    expect(again.steps.find((s: Json) => s.step === 'invoice').action).toBe('unchanged');
    expect(objects('Invoice').filter((i) => i.PrivateNote === 'qbflow:invoice:INV-1')).toHaveLength(1);
  });

  it('creates a customer that does not exist yet, refuses a name that differs only in capitals, and a mapping overrides', async () => {
    const body = invoice();
    await put('INV-NEW', body);
    const view = await settled('INV-NEW');
    expect(view.outcome).toBe('copied');
    const created = objects('Customer').find((c) => c.Id === view.steps[0].quickbooksId)!;
    expect(created.DisplayName).toBe(body.customer.name);

    const near = invoice();
    sandbox().companies.insert(realmId, 'Customer', { DisplayName: near.customer.name.toUpperCase() });
    await put('INV-NEAR', near);
    const refused = await settled('INV-NEAR');
    expect(refused.outcome).toBe('failed');
    expect(refused.steps[0]).toMatchObject({ step: 'customer', state: 'failed' });
    expect(refused.steps[0].error).toContain(`not exactly "${near.customer.name}"`);
    expect(refused.steps[2]).toMatchObject({ step: 'invoice', state: 'skipped' });
    const errors = (await stack.call('GET', `${base()}/sync-errors?documentKind=invoice-copy`, { key })).body.errors as Json[];
    expect(errors.some((e) => e.externalId === 'INV-NEAR')).toBe(true);

    const mapped = await stack.call('PUT', `${base()}/mappings/customers/${near.customer.externalId}`, { key, body: { quickbooksId: created.Id } });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    await put('INV-NEAR', { ...near, revision: 2 });
    const fixed = await settled('INV-NEAR');
    expect(fixed.outcome).toBe('copied');
    expect(qbInvoice(fixed.copied.quickbooksId).CustomerRef.value).toBe(created.Id);
    expect(((await stack.call('GET', `${base()}/sync-errors?documentKind=invoice-copy`, { key })).body.errors as Json[]).some((e) => e.externalId === 'INV-NEAR')).toBe(false);
  });

  it('re-copies after edits into the same QuickBooks invoice (a stale SyncToken is read again), never an older revision', async () => {
    const body = invoice();
    await put('INV-2', body);
    const first = await settled('INV-2');
    const quickbooksId = first.copied.quickbooksId;

    // someone changed it in QuickBooks meanwhile: the first update attempt meets 5010
    sandbox().faults.failNext({ status: 400, code: '5010', message: 'Stale Object Error', detail: 'Stale Object Error : You and Sandbox User were working on this at the same time.', entity: 'invoice', operation: 'update', realmId });
    const edited = { ...body, revision: 2, lines: [{ ...body.lines[0], quantity: '3' }, { ...body.lines[1], rate: '100.00' }, { description: 'Ticket #4720', quantity: '0.25', rate: '95.00', serviceType: 'Support' }] };
    await put('INV-2', edited);
    const second = await settled('INV-2');
    expect(second.outcome, JSON.stringify(second)).toBe('copied');
    expect(second.steps.find((s: Json) => s.step === 'invoice').action).toBe('updated');
    expect(second.copied).toMatchObject({ quickbooksId, revision: 2 });
    const copy = qbInvoice(quickbooksId);
    expect(copy.TotalAmt).toBe(285 + 150 + 23.75);
    expect(copy.Line.filter((l: Json) => l.DetailType === 'SalesItemLineDetail')).toHaveLength(3);
    expect(objects('Invoice').filter((i) => i.PrivateNote === 'qbflow:invoice:INV-2')).toHaveLength(1);
    expect(second.total).toBe('458.75');

    const older = await stack.call('PUT', `${base()}/invoices/INV-2`, { key, body: { ...body, revision: 1 } });
    expect(older.status).toBe(409);
    expect(older.contentType).toContain('application/problem+json');
  });

  it('holds a re-copy that would go below what was paid as a sync error, and applies a later one that does not', async () => {
    const body = invoice();
    await put('INV-PAID', body);
    const view = await settled('INV-PAID');
    const quickbooksId = view.copied.quickbooksId;
    sandbox().bookkeeper.recordPayment(realmId, { Line: [{ Amount: 300, LinkedTxn: [{ TxnId: quickbooksId, TxnType: 'Invoice' }] }] });

    await put('INV-PAID', { ...body, revision: 2, lines: [body.lines[0]] }); // 190.00 < 300.00 paid
    const held = await settled('INV-PAID');
    expect(held.outcome).toBe('held');
    expect(held.steps.find((s: Json) => s.step === 'invoice')).toMatchObject({ state: 'held' });
    expect(held.steps.find((s: Json) => s.step === 'invoice').error).toContain('already paid 300.00');
    expect(qbInvoice(quickbooksId).TotalAmt).toBe(370);
    const errors = (await stack.call('GET', `${base()}/sync-errors?documentKind=invoice-copy`, { key })).body.errors as Json[];
    expect(errors.find((e) => e.externalId === 'INV-PAID')).toMatchObject({ code: 'BelowPaid' });

    await put('INV-PAID', { ...body, revision: 3, lines: [...body.lines, { description: 'Extra hour', quantity: '1', rate: '95.00', serviceType: 'Support' }] });
    const applied = await settled('INV-PAID');
    expect(applied.outcome).toBe('copied');
    expect(qbInvoice(quickbooksId).TotalAmt).toBe(465);
    expect(qbInvoice(quickbooksId).Balance).toBe(165);
    expect(((await stack.call('GET', `${base()}/sync-errors?documentKind=invoice-copy`, { key })).body.errors as Json[]).some((e) => e.externalId === 'INV-PAID')).toBe(false);
  });
});

describe('sending an invoice through QuickBooks', () => {
  const outbox = () => sandbox().companies.emails(realmId);

  it('copies then has QuickBooks e-mail it once, however often the request is retried (a lost answer included)', async () => {
    const body = invoice();
    // the first send reaches QuickBooks but its answer is lost: the retry must not e-mail again
    sandbox().faults.commitThenFail({ respond: 'drop', realmId, entity: 'invoice', operation: 'send' });
    const first = await stack.call('POST', `${base()}/invoices/INV-SEND/send`, { key, body: { invoice: body } });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toMatchObject({ revision: 1, requestId: 'revision-1', sending: true });
    for (let i = 0; i < 3; i++) {
      const retry = await stack.call('POST', `${base()}/invoices/INV-SEND/send`, { key, body: {} });
      expect(retry.status).toBe(202);
      expect(retry.body.requestId).toBe('revision-1');
    }
    const view = await eventually(async () => (await stack.call('GET', `${base()}/invoices/INV-SEND`, { key })).body as Json, (v) => v.sent !== null && v.run !== 'RUNNING', 90_000);
    expect(sandbox().faults.list()).toEqual([]); // the lost answer happened
    expect(view.steps.find((s: Json) => s.step === 'send:revision-1')).toMatchObject({ state: 'done', action: 'adopted' });
    const mine = outbox().filter((e) => e.invoiceId === view.copied.quickbooksId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toBe(body.billingEmails[0]);
    expect(view.sent.to).toBe(body.billingEmails[0]);
    expect(qbInvoice(view.copied.quickbooksId).EmailStatus).toBe('EmailSent');

    // a new request id is a new send (a reminder): exactly one more
    const again = await stack.call('POST', `${base()}/invoices/INV-SEND/send`, { key, body: { requestId: 'reminder-1' } });
    expect(again.status).toBe(202);
    await eventually(() => outbox().filter((e) => e.invoiceId === view.copied.quickbooksId).length, (n) => n >= 2, 90_000);
    await settled('INV-SEND');
    await stack.call('POST', `${base()}/invoices/INV-SEND/send`, { key, body: { requestId: 'reminder-1' } });
    await settled('INV-SEND');
    expect(outbox().filter((e) => e.invoiceId === view.copied.quickbooksId)).toHaveLength(2);
  });

  it('without a billing e-mail copies only, and says why', async () => {
    const body = invoice({ billingEmails: undefined });
    const customer = sandbox().companies.insert(realmId, 'Customer', { DisplayName: body.customer.name, PrimaryEmailAddr: { Address: 'known@example.com' } }) as Json;
    const answer = await stack.call('POST', `${base()}/invoices/INV-NOMAIL/send`, { key, body: { invoice: body } });
    expect(answer.status).toBe(202);
    expect(answer.body.sending).toBe(false);
    expect(answer.body.reason).toMatch(/no billing e-mail/);
    const view = await settled('INV-NOMAIL');
    expect(view.outcome).toBe('copied');
    expect(view.steps.find((s: Json) => s.step.startsWith('send:'))).toMatchObject({ state: 'skipped' });
    expect(qbInvoice(view.copied.quickbooksId).CustomerRef.value).toBe(customer.Id);
    expect(outbox().filter((e) => e.invoiceId === view.copied.quickbooksId)).toHaveLength(0);
    expect(view.sent).toBeNull();
  });
});

describe('tax', () => {
  it('outside the US puts the connection\'s tax code on every line, and says so when none is chosen', async () => {
    const { realmId: caRealm } = sandbox().companies.create({ name: 'Maple Help Desk', country: 'CA' });
    const { connectionId: ca } = await connectQbo(stack, key, { realmId: caRealm });
    await useSettings(ca, { incomeAccount: incomeAccount(caRealm).Id });
    const body = invoice();
    await put('INV-CA', body, ca);
    const refused = await settled('INV-CA', ca);
    expect(refused.outcome).toBe('failed');
    expect(refused.steps.find((s: Json) => s.step === 'invoice').error).toMatch(/in CA, where every invoice line needs a tax code/);

    await useSettings(ca, { incomeAccount: incomeAccount(caRealm).Id, taxCode: 'TAX' });
    await put('INV-CA', { ...body, revision: 2 }, ca);
    const view = await settled('INV-CA', ca);
    expect(view.outcome).toBe('copied');
    const copy = qbInvoice(view.copied.quickbooksId, caRealm);
    expect(copy.GlobalTaxCalculation).toBe('TaxExcluded');
    expect(copy.Line.filter((l: Json) => l.DetailType === 'SalesItemLineDetail').map((l: Json) => l.SalesItemLineDetail.TaxCodeRef.value)).toEqual(['TAX', 'TAX']);
  });
});
