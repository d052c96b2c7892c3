// Monthly billing on QuickBooks Online over the real stack: HTTP API → Temporal Schedules and workflows → sandbox
// QBO. Schedules are triggered and backfilled (never waited for); every scenario owns its connection.
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { billingInvoiceNumber, instantAt, periodsForScheduledTime } from '../../domain/billing/index.js';
import { connectQbo, createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';
import { billingScheduleId, billingSyncScheduleId } from '../../control/ids.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let temporal: Client;
let temporalConnection: Connection;

beforeAll(async () => {
  stack = await startTestStack();
  key = (await createTenant(stack)).apiKey;
  temporalConnection = await Connection.connect({ address: inject('temporalAddress') });
  temporal = new Client({ connection: temporalConnection });
});

afterAll(async () => {
  await temporalConnection?.close();
  await stack?.stop();
});

const NY = 'America/New_York';

async function call(method: string, path: string, body?: unknown, expected?: number): Promise<Json> {
  const response = await stack.call(method, path, { key, body });
  if (expected !== undefined) expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(expected);
  return response;
}

/** A QuickBooks Online company of its own: a connection, a priced service item, customers. */
async function company(billing: Json) {
  const { connectionId, realmId } = await connectQbo(stack, key);
  const sandbox = stack.sandbox!.server;
  const income = sandbox.companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
  const cogs = sandbox.companies.objects(realmId, 'Account').find((a) => a.Name === 'Cost of Goods Sold')!;
  const item = (name: string, price: number): Json => sandbox.companies.insert(realmId, 'Item', {
    Name: name, Type: 'Service', UnitPrice: price, PurchaseCost: 8, IncomeAccountRef: { value: income.Id }, ExpenseAccountRef: { value: cogs.Id },
  });
  const customer = (name: string): Json => sandbox.companies.insert(realmId, 'Customer', { DisplayName: name });
  const configured = await call('PUT', `/v1/connections/${connectionId}/billing`, billing, 200);
  const base = `/v1/connections/${connectionId}`;
  return {
    connectionId, realmId, item, customer, base, configured: configured.body,
    objects: (entity: string): Json[] => sandbox.companies.objects(realmId, entity) as Json[],
    invoicesOf: (customerId: string): Json[] => (sandbox.companies.objects(realmId, 'Invoice') as Json[]).filter((i) => i.CustomerRef.value === customerId),
  };
}

/** Waits until a run matching `match` has finished, and returns it with its results. */
async function finishedRun(base: string, match: (run: Json) => boolean, timeoutMs = 60_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = (await call('GET', `${base}/billing/runs`, undefined, 200)).body.runs as Json[];
    const run = runs.find((r) => match(r) && r.status !== 'running');
    if (run) return run;
    if (Date.now() > deadline) throw new Error(`no finished run after ${timeoutMs} ms: ${JSON.stringify(runs.map((r) => [r.period, r.status, r.trigger]))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const itemLines = (invoice: Json) => (invoice.Line as Json[]).filter((l) => l.DetailType === 'SalesItemLineDetail');

// The worked example moved to a past 30-day month: 10 seats since August; +4 on 16 September, −2 on 21 September.
async function workedExample(base: string, organizationId: string, subscriptionId: string) {
  for (const [effectiveDate, quantity] of [['2026-08-01', 10], ['2026-09-16', 14], ['2026-09-21', 12]] as const) {
    await call('PUT', `${base}/subscriptions/${subscriptionId}`, { organizationId, offerId: 'M365-BP', term: 'monthly', quantity, unitCost: '9.75', effectiveDate }, 200);
  }
}

describe('monthly billing on QuickBooks Online', () => {
  it('catches up a missed billing day for the period it was due: the worked example, 166.67; a re-run adds nothing; proration changes update the same invoice', async () => {
    const c = await company({ mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    expect(c.configured).toMatchObject({ mode: 'advance', dayOfMonth: 1, timeZone: NY, hour: '05:00', prorate: { increases: true, decreases: true } });
    expect(c.configured.schedule.nextRuns[0]).toBe(new Date(instantAt('2026-12-01', 5, 0, NY)).toISOString());

    // the schedule Temporal holds: day 1 at 05:00 New York, overlap skip, an explicit catch-up window
    const described = await temporal.schedule.getHandle(billingScheduleId(c.connectionId)).describe();
    expect(described.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 5, end: 5, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });
    expect(described.spec.timezone).toBe(NY);
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(described.policies.catchupWindow).toBe(7 * 86_400_000);

    const item = c.item('Microsoft 365 Business Premium', 12.5);
    const contoso = c.customer('Contoso Ltd');
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: item.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-CONTOSO`, { name: 'Contoso', customerId: contoso.Id, invoice: 'create', sync: true }, 200);
    await workedExample(c.base, 'ORG-CONTOSO', 'SUB-1');

    // the billing morning of 1 October 2026 passed without a run: backfill it (as after an outage)
    const due = instantAt('2026-10-01', 5, 0, NY);
    await temporal.schedule.getHandle(billingScheduleId(c.connectionId)).backfill([{ start: new Date(due - 60_000), end: new Date(due + 60_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL }]);
    const run = await finishedRun(c.base, (r) => r.period.start === '2026-10-01');
    expect(run).toMatchObject({ trigger: 'schedule', status: 'completed', period: { start: '2026-10-01', end: '2026-10-31' }, scheduledFor: new Date(due).toISOString(), organizations: 1 });
    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    expect(run.results[0]).toMatchObject({ organizationId: 'ORG-CONTOSO', outcome: 'created', billed: '166.67', lines: 3, invoiceNumber: billingInvoiceNumber('2026-10-01', 'ORG-CONTOSO') });

    const [invoice] = c.invoicesOf(contoso.Id);
    expect(c.invoicesOf(contoso.Id)).toHaveLength(1);
    expect(invoice).toMatchObject({ DocNumber: billingInvoiceNumber('2026-10-01', 'ORG-CONTOSO'), TxnDate: '2026-10-01', TotalAmt: 166.67 });
    expect(itemLines(invoice!).map((l) => [l.SalesItemLineDetail.Qty, l.SalesItemLineDetail.UnitPrice, l.Amount, l.Description])).toEqual([
      [12, 12.5, 150, 'Microsoft 365 Business Premium: 12 seats, 2026-10-01 to 2026-10-31'],
      [2, 12.5, 25, 'Microsoft 365 Business Premium: +4 seats from 2026-09-16, prorated 15/30 days (2026-09-16 to 2026-09-30)'],
      [-0.6667, 12.5, -8.33, 'Microsoft 365 Business Premium: -2 seats from 2026-09-21, prorated 10/30 days (2026-09-21 to 2026-09-30), credit'],
    ]);
    // the item's price is QuickBooks' own: never written
    expect(c.objects('Item').find((i) => i.Id === item.Id)).toMatchObject({ UnitPrice: 12.5, SyncToken: item.SyncToken });

    // a re-run of the same period finds its invoice and writes nothing
    const again = await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    expect(again.body).toMatchObject({ workflowId: `billing/${c.connectionId}/2026-10-01`, period: { start: '2026-10-01', end: '2026-10-31' } });
    const rerun = await finishedRun(c.base, (r) => r.trigger === 'manual');
    expect(rerun.results[0]).toMatchObject({ outcome: 'unchanged', invoiceId: invoice!.Id, billed: '166.67' });
    expect(c.invoicesOf(contoso.Id)).toHaveLength(1);
    expect(c.invoicesOf(contoso.Id)[0]!.SyncToken).toBe(invoice!.SyncToken);

    // only increases prorated (the mode stays): the same invoice now says 175.00
    await call('PUT', `${c.base}/billing`, { mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: false } }, 200);
    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const third = await finishedRun(c.base, (r) => r.trigger === 'manual' && r.id !== rerun.id);
    expect(third.results[0]).toMatchObject({ outcome: 'updated', invoiceId: invoice!.Id, billed: '175.00', lines: 2 });
    expect(c.invoicesOf(contoso.Id)).toHaveLength(1);
    expect(c.invoicesOf(contoso.Id)[0]!.TotalAmt).toBe(175);

    // the mode cannot change; nothing else changes with the refusal
    const refused = await call('PUT', `${c.base}/billing`, { mode: 'arrears', dayOfMonth: 5 }, 409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/cannot change once saved/);
    expect((await call('GET', `${c.base}/billing`, undefined, 200)).body).toMatchObject({ mode: 'advance', dayOfMonth: 1 });
  });

  it('a triggered schedule bills the period of its scheduled time, with exact amounts', async () => {
    const c = await company({ mode: 'arrears', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const item = c.item('Azure Plan', 20);
    const fabrikam = c.customer('Fabrikam Inc');
    await call('PUT', `${c.base}/offers/AZURE`, { name: 'Azure Plan', itemId: item.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-FAB`, { customerId: fabrikam.Id, invoice: 'create', sync: true }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-FAB`, { organizationId: 'ORG-FAB', offerId: 'AZURE', term: 'monthly', quantity: 3, unitCost: '15.00', effectiveDate: '2025-01-01' }, 200);

    await temporal.schedule.getHandle(billingScheduleId(c.connectionId)).trigger();
    const run = await finishedRun(c.base, (r) => r.trigger === 'schedule');
    const expected = periodsForScheduledTime(new Date(run.scheduledFor), { mode: 'arrears', dayOfMonth: 1, timeZone: NY }).billed;
    expect(run.period).toEqual({ start: expected.start, end: expected.end });
    expect(run.results[0]).toMatchObject({ outcome: 'created', billed: '60.00', lines: 1 });
    const [invoice] = c.invoicesOf(fabrikam.Id);
    expect(invoice).toMatchObject({ TotalAmt: 60, TxnDate: expected.end, DocNumber: billingInvoiceNumber(expected.start, 'ORG-FAB') });
    expect(itemLines(invoice!)[0].Description).toBe(`Azure Plan: 3 seats, ${expected.start} to ${expected.end}`);
  });

  it('update mode merges into the newest unsent invoice of the period and keeps hand-written lines; none unsent → creates one and says so', async () => {
    const c = await company({ mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const seats = c.item('Microsoft 365 Business Premium', 12.5);
    const setup = c.item('Onboarding', 300);
    const support = c.item('Support plan', 45);
    const northwind = c.customer('Northwind Traders');
    const tailspin = c.customer('Tailspin Toys');
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: seats.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-NW`, { customerId: northwind.Id, invoice: 'update', sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-TT`, { customerId: tailspin.Id, invoice: 'update', sync: true }, 200);
    await workedExample(c.base, 'ORG-NW', 'SUB-NW');
    await call('PUT', `${c.base}/subscriptions/SUB-TT`, { organizationId: 'ORG-TT', offerId: 'M365-BP', term: 'monthly', quantity: 2, unitCost: '9.75', effectiveDate: '2026-01-01' }, 200);

    const line = (item: Json, qty: number, price: number, amount: number, description: string) => ({
      DetailType: 'SalesItemLineDetail', Amount: amount, Description: description,
      SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: qty, UnitPrice: price },
    });
    const invoice = (date: string, lines: Json[], extra: Json = {}): Json => stack.sandbox!.server.companies.insert(c.realmId, 'Invoice', { CustomerRef: { value: northwind.Id }, TxnDate: date, Line: lines, ...extra });
    const older = invoice('2026-10-03', [line(support, 1, 45, 45, 'Support plan, October')]);
    // generated by a recurring template: an ordinary invoice once it exists
    const newer = invoice('2026-10-20', [
      line(setup, 1, 280, 280, 'Onboarding (discounted by hand)'),
      line(seats, 5, 12.5, 62.5, 'Seats typed by hand last month'),
      { DetailType: 'DescriptionOnly', Description: 'Thank you for your business' },
      line(support, 2, 45, 90, 'Support plan, two sites'),
    ], { RecurDataRef: { value: '3' } });
    const outside = invoice('2026-09-30', [line(support, 1, 45, 45, 'September support')]);
    const sent = invoice('2026-10-25', [line(support, 1, 45, 45, 'Sent already')], { EmailStatus: 'EmailSent' });
    const before = Object.fromEntries([older, newer, outside, sent].map((i) => [i.Id, i.SyncToken]));

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await finishedRun(c.base, () => true);
    const byOrg = Object.fromEntries(run.results.map((r: Json) => [r.organizationId, r]));
    expect(byOrg['ORG-NW']).toMatchObject({ outcome: 'updated', invoiceId: newer.Id, billed: '166.67', lines: 3 });
    expect(byOrg['ORG-NW'].detail).toMatch(/newest of 2 unsent invoices/);
    expect(byOrg['ORG-TT']).toMatchObject({ outcome: 'created', billed: '25.00' });
    expect(byOrg['ORG-TT'].detail).toMatch(/No unsent invoice dated 2026-10-01 to 2026-10-31 for this customer: created invoice/);

    const after = c.invoicesOf(northwind.Id);
    expect(after).toHaveLength(4);
    for (const untouched of [older, outside, sent]) expect(after.find((i) => i.Id === untouched.Id)!.SyncToken).toBe(before[untouched.Id]);
    const merged = after.find((i) => i.Id === newer.Id)!;
    const original = newer.Line as Json[];
    // hand-written lines: same Id, amount, description and order; the synced offer's line replaced in place
    expect(merged.Line.filter((l: Json) => l.DetailType !== 'SubTotalLineDetail').map((l: Json) => [l.Id, l.Amount ?? null, l.Description])).toEqual([
      [original[0].Id, 280, 'Onboarding (discounted by hand)'],
      [expect.any(String), 150, 'Microsoft 365 Business Premium: 12 seats, 2026-10-01 to 2026-10-31'],
      [expect.any(String), 25, 'Microsoft 365 Business Premium: +4 seats from 2026-09-16, prorated 15/30 days (2026-09-16 to 2026-09-30)'],
      [expect.any(String), -8.33, 'Microsoft 365 Business Premium: -2 seats from 2026-09-21, prorated 10/30 days (2026-09-21 to 2026-09-30), credit'],
      [original[2].Id, null, 'Thank you for your business'],
      [original[3].Id, 90, 'Support plan, two sites'],
    ]);
    expect(merged.TotalAmt).toBe(536.67);
    expect(merged.RecurDataRef).toEqual({ value: '3' });
    expect(c.invoicesOf(tailspin.Id)).toHaveLength(1);

    // a re-run: nothing written, nothing added
    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const rerun = await finishedRun(c.base, (r) => r.id !== run.id);
    expect(rerun.counts).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
    expect(c.invoicesOf(northwind.Id).find((i) => i.Id === newer.Id)!.SyncToken).toBe(merged.SyncToken);
    expect(c.invoicesOf(tailspin.Id)).toHaveLength(1);
  });

  it('update mode never merges into an invoice an order made: the order\'s next revision and the billing run each keep their own lines', async () => {
    const c = await company({ mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const seats = c.item('Microsoft 365 Business Premium', 12.5);
    const adventure = c.customer('Adventure Works');
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: seats.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-AW`, { customerId: adventure.Id, invoice: 'update', sync: true }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-AW`, { organizationId: 'ORG-AW', offerId: 'M365-BP', term: 'monthly', quantity: 2, unitCost: '9.75', effectiveDate: '2026-01-01' }, 200);

    // an order for the same customer, dated in the period: its invoice is unsent, and it is the order's
    const order = seedOrder({ date: '2026-10-10', documents: ['invoice'], customer: { externalId: 'C-AW', name: 'Adventure Works' }, payments: [] });
    await call('POST', `${c.base}/orders`, order, 202);
    expect((await waitForOrder(stack, key, c.connectionId, order.orderId)).outcome).toBe('posted');
    const [ordered] = c.invoicesOf(adventure.Id);
    expect(ordered).toMatchObject({ DocNumber: order.number, TotalAmt: 218.5 });

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await finishedRun(c.base, () => true);
    expect(run.results[0]).toMatchObject({ organizationId: 'ORG-AW', outcome: 'created', billed: '25.00' });
    const billing = c.invoicesOf(adventure.Id).find((i) => i.Id !== ordered!.Id)!;
    expect(billing.TotalAmt).toBe(25);
    expect(c.invoicesOf(adventure.Id).find((i) => i.Id === ordered!.Id)!.SyncToken).toBe(ordered!.SyncToken);

    // the order's next revision replaces its own lines only: the billing line is still billed, on its own invoice
    await call('POST', `${c.base}/orders`, { ...order, revision: 2, lines: [{ ...order.lines[0]!, quantity: '120' }] }, 202);
    expect((await waitForOrder(stack, key, c.connectionId, order.orderId)).revision).toBe(2);
    const after = c.invoicesOf(adventure.Id);
    expect(after).toHaveLength(2);
    expect(after.find((i) => i.Id === ordered!.Id)!.TotalAmt).toBe(264.5);
    expect(after.find((i) => i.Id === billing.Id)!.TotalAmt).toBe(25);
    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const rerun = await finishedRun(c.base, (r) => r.id !== run.id);
    expect(rerun.results[0]).toMatchObject({ outcome: 'unchanged', invoiceId: billing.Id });
  });

  it('a period that credits the customer (seats removed, prorated) becomes a credit memo; a re-run adds no second one', async () => {
    const c = await company({ mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const seats = c.item('Microsoft 365 Business Premium', 12.5);
    const litware = c.customer('Litware');
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: seats.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-LW`, { customerId: litware.Id, invoice: 'create', sync: true }, 200);
    for (const [effectiveDate, quantity] of [['2026-08-01', 2], ['2026-09-21', 0]] as const) {
      await call('PUT', `${c.base}/subscriptions/SUB-LW`, { organizationId: 'ORG-LW', offerId: 'M365-BP', term: 'monthly', quantity, unitCost: '9.75', effectiveDate }, 200);
    }

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await finishedRun(c.base, () => true);
    expect(run.results[0]).toMatchObject({ organizationId: 'ORG-LW', outcome: 'created', billed: '-8.33' });
    expect(run.results[0].detail).toMatch(/credits the customer 8.33: created credit memo/);
    expect(c.invoicesOf(litware.Id)).toHaveLength(0);
    const memos = c.objects('CreditMemo').filter((m) => m.CustomerRef.value === litware.Id);
    expect(memos).toHaveLength(1);
    expect(memos[0]).toMatchObject({ DocNumber: billingInvoiceNumber('2026-10-01', 'ORG-LW'), TotalAmt: 8.33, TxnDate: '2026-10-01' });
    expect(itemLines(memos[0]!).map((l) => [l.SalesItemLineDetail.Qty, l.SalesItemLineDetail.UnitPrice, l.Amount])).toEqual([[0.6667, 12.5, 8.33]]);
    expect(c.objects('Customer').find((x) => x.Id === litware.Id)!.Balance).toBe(-8.33);

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const rerun = await finishedRun(c.base, (r) => r.id !== run.id);
    expect(rerun.results[0]).toMatchObject({ outcome: 'unchanged', invoiceId: memos[0]!.Id });
    expect(c.objects('CreditMemo').filter((m) => m.CustomerRef.value === litware.Id)).toHaveLength(1);
    expect(c.objects('CreditMemo').find((m) => m.Id === memos[0]!.Id)!.SyncToken).toBe(memos[0]!.SyncToken);
  });

  it('an invoice whose answer was lost after QuickBooks saved it is found by its number, never created twice', async () => {
    const c = await company({ mode: 'arrears', dayOfMonth: 1 });
    const item = c.item('Defender for Business', 3);
    const litware = c.customer('Litware Inc');
    await call('PUT', `${c.base}/offers/DEF`, { itemId: item.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-L`, { customerId: litware.Id, sync: true }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-L`, { organizationId: 'ORG-L', offerId: 'DEF', term: 'monthly', quantity: 25, unitCost: '2.00', effectiveDate: '2026-01-01' }, 200);

    // the next write in this company is saved, then the connection drops before any answer
    stack.sandbox!.server.faults.commitThenFail({ respond: 'drop', realmId: c.realmId });
    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await finishedRun(c.base, () => true);
    expect(run.results[0]).toMatchObject({ outcome: 'created', billed: '75.00' });
    expect(run.results[0].detail).toMatch(/found after an interrupted attempt/);
    expect(c.invoicesOf(litware.Id)).toHaveLength(1);
    expect(c.invoicesOf(litware.Id)[0]!.TotalAmt).toBe(75);
  });

  it('an unmapped offer is a sync error; mapping it and retrying bills it; the daily sync pushes unit costs and retries failed work', async () => {
    const c = await company({ mode: 'advance', dayOfMonth: 1 });
    const teams = c.item('Teams Phone', 8);
    const contoso = c.customer('Contoso Pharmaceuticals');
    const adatum = c.customer('Adatum Corporation');
    await call('PUT', `${c.base}/organizations/ORG-C`, { customerId: contoso.Id, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-A`, { customerId: adatum.Id, sync: true }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-C`, { organizationId: 'ORG-C', offerId: 'TEAMS', term: 'monthly', quantity: 4, unitCost: '6.10', effectiveDate: '2026-01-01' }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-A`, { organizationId: 'ORG-A', offerId: 'TEAMS', term: 'monthly', quantity: 1, unitCost: '6.10', effectiveDate: '2026-01-01' }, 200);

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await finishedRun(c.base, () => true);
    expect(run.counts).toMatchObject({ failed: 2 });
    expect(run.results[0].detail).toMatch(/Offer "TEAMS" is not mapped to a QuickBooks item/);
    const errors = (await call('GET', `/v1/connections/${c.connectionId}/sync-errors?documentKind=billing`, undefined, 200)).body.errors as Json[];
    expect(errors.map((e) => [e.externalId, e.code]).sort()).toEqual([['ORG-A@2026-10-01', 'offer_not_mapped'], ['ORG-C@2026-10-01', 'offer_not_mapped']]);
    expect(errors[0]!.message).toMatch(/map it to one, or turn its sync off/);
    expect(c.invoicesOf(contoso.Id)).toHaveLength(0);

    // fixed: the offer is mapped; retrying one error bills that organization
    await call('PUT', `${c.base}/offers/TEAMS`, { name: 'Teams Phone', itemId: teams.Id, sync: true }, 200);
    const contosoError = errors.find((e) => e.externalId === 'ORG-C@2026-10-01')!;
    const retry = await stack.call('POST', contosoError.retryUrl, { key });
    expect(retry.status, JSON.stringify(retry.body)).toBe(202);
    const retried = await finishedRun(c.base, (r) => r.trigger === 'retry');
    expect(retried.results).toEqual([expect.objectContaining({ organizationId: 'ORG-C', outcome: 'created', billed: '32.00' })]);
    expect(c.invoicesOf(contoso.Id).map((i) => i.TotalAmt)).toEqual([32]);
    const open = (await call('GET', `/v1/connections/${c.connectionId}/sync-errors?documentKind=billing`, undefined, 200)).body.errors as Json[];
    expect(open.map((e) => e.externalId)).toEqual(['ORG-A@2026-10-01']);

    // the daily sync: the unit cost goes to the item's purchase cost (never its price), and the failed one is retried
    await temporal.schedule.getHandle(billingSyncScheduleId(c.connectionId)).trigger();
    await until(() => c.invoicesOf(adatum.Id).length === 1, 'the sync to bill Adatum');
    await until(() => c.objects('Item').find((i) => i.Id === teams.Id)!.PurchaseCost === 6.1, 'the purchase cost');
    expect(c.objects('Item').find((i) => i.Id === teams.Id)).toMatchObject({ PurchaseCost: 6.1, UnitPrice: 8 });
    expect(c.invoicesOf(adatum.Id)[0]!.TotalAmt).toBe(8);
    await until(async () => ((await call('GET', `/v1/connections/${c.connectionId}/sync-errors?documentKind=billing`, undefined, 200)).body.errors as Json[]).length === 0, 'the errors to resolve');
    const offer = ((await call('GET', `${c.base}/offers`, undefined, 200)).body.offers as Json[])[0];
    expect(offer).toMatchObject({ offerId: 'TEAMS', pushedUnitCost: '6.10' });
  });
});
