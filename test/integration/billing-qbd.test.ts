// Monthly billing on QuickBooks Desktop over the real stack: HTTP API → Temporal Schedules and workflows →
// durable queue → our SOAP endpoint → the emulated Web Connector → the emulated company file, and back.
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { billingInvoiceNumber, instantAt } from '../../domain/billing/index.js';
import { buildQbxmlMessage, buildRequest, parseQbxmlResponse, type InvoiceLineInput, type InvoiceRecord, type ItemRecord, type QbxmlRequest } from '../../quickbooks/desktop/qbxml/index.js';
import { connectDesktop, createCompanyFile, QUICK_QBD_ENV, runUntil, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';
import { billingScheduleId, billingSyncScheduleId } from '../../control/ids.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let temporal: Client;
let temporalConnection: Connection;

beforeAll(async () => {
  stack = await startTestStack({ env: QUICK_QBD_ENV });
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

/** A company file with priced items and customers, connected through its Web Connector (lists imported). */
async function desktopCompany(name: string, customers: string[], billing: Json) {
  const company = createCompanyFile({ companyName: name });
  const send = (requests: QbxmlRequest[]) => parseQbxmlResponse(company.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version: '13.0' }))).results;
  const added = send([
    { kind: 'ItemServiceAdd', requestId: 'seats', input: { name: 'M365 Business Premium', salesAndPurchase: { salesDesc: 'Microsoft 365 Business Premium', salesPrice: '12.50', incomeAccount: { fullName: 'Service Income' }, purchaseCost: '8.00', expenseAccount: { fullName: 'Cost of Goods Sold' } } } },
    { kind: 'ItemServiceAdd', requestId: 'setup', input: { name: 'Onboarding', salesOrPurchase: { desc: 'Onboarding', price: '300.00', account: { fullName: 'Service Income' } } } },
    ...customers.map((customer, i): QbxmlRequest => ({ kind: 'CustomerAdd', requestId: `c${i}`, input: { name: customer } })),
  ]);
  expect(added.map((r) => r.statusCode)).toEqual(added.map(() => 0));
  const [seats, setup] = added.slice(0, 2).map((r) => r.records[0] as ItemRecord);
  const customerIds = added.slice(2).map((r) => (r.records[0] as { listId: string }).listId);
  const desktop = await connectDesktop(stack.apiUrl, key, { company, name });
  const base = `/v1/connections/${desktop.connectionId}`;
  const configured = await call('PUT', `${base}/billing`, billing, 200);
  return { desktop, company, send, base, seats: seats!, setup: setup!, customerIds, configured: configured.body };
}

async function runs(base: string): Promise<Json[]> {
  return (await call('GET', `${base}/billing/runs`, undefined, 200)).body.runs as Json[];
}

/** Runs the Web Connector until a run matching `match` has finished. */
async function deliver(desktop: DesktopConnection, base: string, match: (run: Json) => boolean): Promise<Json> {
  let found: Json | undefined;
  await runUntil(desktop.wc, async () => {
    found = (await runs(base)).find((r) => match(r) && r.status !== 'running');
    return !!found;
  });
  return found!;
}

const invoicesOf = (desktop: DesktopConnection, customerId: string) => desktop.company.list('Invoice').filter((i) => i.customerRef.listId === customerId);
const lineView = (invoice: InvoiceRecord) => invoice.lines.map((l) => [l.desc, l.quantity ?? null, l.rate ?? null, l.amountCents ?? null]);

async function workedExample(base: string, organizationId: string) {
  for (const [effectiveDate, quantity] of [['2026-08-01', 10], ['2026-09-16', 14], ['2026-09-21', 12]] as const) {
    await call('PUT', `${base}/subscriptions/SUB-${organizationId}`, { organizationId, offerId: 'M365-BP', term: 'monthly', quantity, unitCost: '9.75', effectiveDate }, 200);
  }
}

describe('monthly billing on QuickBooks Desktop', () => {
  it('catches up a missed billing day for its period through the Web Connector: 166.67 at the item’s own price; a re-run adds nothing; the mode is fixed', async () => {
    const c = await desktopCompany('Reseller One', ['Contoso Ltd'], { mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const [contoso] = c.customerIds;
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: c.seats.listId, sync: true }, 200);
    const org = await call('PUT', `${c.base}/organizations/ORG-1`, { customerId: contoso, sync: true }, 200);
    expect(org.body).toMatchObject({ customerName: 'Contoso Ltd', invoice: 'create' });
    await workedExample(c.base, 'ORG-1');

    const due = instantAt('2026-10-01', 5, 0, NY);
    await temporal.schedule.getHandle(billingScheduleId(c.desktop.connectionId)).backfill([{ start: new Date(due - 60_000), end: new Date(due + 60_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL }]);
    const run = await deliver(c.desktop, c.base, (r) => r.period.start === '2026-10-01');
    expect(run).toMatchObject({ trigger: 'schedule', status: 'completed', scheduledFor: new Date(due).toISOString() });
    expect(run.results[0]).toMatchObject({ organizationId: 'ORG-1', outcome: 'created', billed: '166.67', lines: 3 });

    const invoices = invoicesOf(c.desktop, contoso!);
    expect(invoices).toHaveLength(1);
    const invoice = invoices[0]!;
    expect(invoice).toMatchObject({ refNumber: billingInvoiceNumber('2026-10-01', 'ORG-1'), txnDate: '2026-10-01', subtotalCents: 16667 });
    expect(lineView(invoice)).toEqual([
      ['Microsoft 365 Business Premium: 12 seats, 2026-10-01 to 2026-10-31', '12', '12.50', 15000],
      ['Microsoft 365 Business Premium: +4 seats from 2026-09-16, prorated 15/30 days (2026-09-16 to 2026-09-30)', '2.0000', '12.50', 2500],
      ['Microsoft 365 Business Premium: -2 seats from 2026-09-21, prorated 10/30 days (2026-09-21 to 2026-09-30), credit', '-0.6667', '12.50', -833],
    ]);
    expect(invoice.externalGuid).toBeDefined();
    expect(invoice.isToBePrinted).toBe(true); // in QuickBooks' send queue: unsent until the bookkeeper prints or e-mails it

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const rerun = await deliver(c.desktop, c.base, (r) => r.trigger === 'manual');
    expect(rerun.results[0]).toMatchObject({ outcome: 'unchanged', invoiceId: invoice.txnId });
    expect(invoicesOf(c.desktop, contoso!)).toHaveLength(1);
    expect(invoicesOf(c.desktop, contoso!)[0]!.editSequence).toBe(invoice.editSequence);

    const refused = await call('PUT', `${c.base}/billing`, { mode: 'arrears', dayOfMonth: 1 }, 409);
    expect(refused.contentType).toContain('application/problem+json');
  });

  it('a period that credits the customer becomes a credit memo (CreditMemoAdd); a re-run finds it and adds no second one', async () => {
    const c = await desktopCompany('Reseller Credit', ['Litware'], { mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const [litware] = c.customerIds;
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: c.seats.listId, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-LW`, { customerId: litware, sync: true }, 200);
    for (const [effectiveDate, quantity] of [['2026-08-01', 2], ['2026-09-21', 0]] as const) {
      await call('PUT', `${c.base}/subscriptions/SUB-LW`, { organizationId: 'ORG-LW', offerId: 'M365-BP', term: 'monthly', quantity, unitCost: '9.75', effectiveDate }, 200);
    }
    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await deliver(c.desktop, c.base, (r) => r.period.start === '2026-10-01');
    expect(run.results[0]).toMatchObject({ organizationId: 'ORG-LW', outcome: 'created', billed: '-8.33' });
    expect(invoicesOf(c.desktop, litware!)).toHaveLength(0);
    const memos = c.desktop.company.list('CreditMemo').filter((m) => m.customerRef.listId === litware);
    expect(memos).toHaveLength(1);
    expect(memos[0]).toMatchObject({ refNumber: billingInvoiceNumber('2026-10-01', 'ORG-LW'), txnDate: '2026-10-01', totalAmountCents: 833, creditRemainingCents: 833 });
    expect(memos[0]!.lines.map((l) => [l.quantity, l.rate, l.amountCents])).toEqual([['0.6667', '12.50', 833]]);

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const rerun = await deliver(c.desktop, c.base, (r) => r.trigger === 'manual' && r.id !== run.id);
    expect(rerun.results[0]).toMatchObject({ outcome: 'unchanged', invoiceId: memos[0]!.txnId });
    expect(c.desktop.company.list('CreditMemo').filter((m) => m.customerRef.listId === litware)).toHaveLength(1);
  });

  it('update mode: the newest invoice QuickBooks still marks to be printed or e-mailed gets the lines; hand-written lines keep their TxnLineID, text, amount and order', async () => {
    const c = await desktopCompany('Reseller Two', ['Northwind Traders'], { mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: true } });
    const [northwind] = c.customerIds;
    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: c.seats.listId, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-NW`, { customerId: northwind, invoice: 'update', sync: true }, 200);
    await workedExample(c.base, 'ORG-NW');

    const add = (date: string, flags: { isToBePrinted?: boolean; isToBeEmailed?: boolean }, lines: InvoiceLineInput[]) => {
      const [result] = c.send([{ kind: 'InvoiceAdd', requestId: date, input: { customer: { listId: northwind! }, txnDate: date, ...flags, lines } }]);
      expect(result!.statusCode).toBe(0);
      return result!.records[0] as InvoiceRecord;
    };
    const older = add('2026-10-02', { isToBeEmailed: true }, [{ item: { listId: c.setup.listId }, desc: 'Onboarding, part 1', quantity: '1' }]);
    // as a memorized (recurring) invoice generates it: an ordinary invoice, marked to be printed
    const newer = add('2026-10-20', { isToBePrinted: true }, [
      { item: { listId: c.setup.listId }, desc: 'Onboarding (discounted by hand)', quantity: '1', rate: '280.00' },
      { item: { listId: c.seats.listId }, desc: 'Seats typed by hand', quantity: '5' },
      { kind: 'description', desc: 'Thank you for your business' },
    ]);
    const sent = add('2026-10-28', {}, [{ item: { listId: c.setup.listId }, desc: 'Printed and mailed already', quantity: '1' }]);
    const outside = add('2026-09-30', { isToBePrinted: true }, [{ item: { listId: c.setup.listId }, desc: 'September', quantity: '1' }]);

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await deliver(c.desktop, c.base, () => true);
    expect(run.results[0]).toMatchObject({ outcome: 'updated', invoiceId: newer.txnId, billed: '166.67' });
    expect(run.results[0].detail).toMatch(/newest of 2 unsent invoices/);

    const after = new Map(invoicesOf(c.desktop, northwind!).map((i) => [i.txnId, i]));
    expect(after.size).toBe(4);
    for (const untouched of [older, sent, outside]) expect(after.get(untouched.txnId)!.editSequence).toBe(untouched.editSequence);
    const merged = after.get(newer.txnId)!;
    expect(lineView(merged)).toEqual([
      ['Onboarding (discounted by hand)', '1', '280.00', 28000],
      ['Microsoft 365 Business Premium: 12 seats, 2026-10-01 to 2026-10-31', '12', '12.50', 15000],
      ['Microsoft 365 Business Premium: +4 seats from 2026-09-16, prorated 15/30 days (2026-09-16 to 2026-09-30)', '2.0000', '12.50', 2500],
      ['Microsoft 365 Business Premium: -2 seats from 2026-09-21, prorated 10/30 days (2026-09-21 to 2026-09-30), credit', '-0.6667', '12.50', -833],
      ['Thank you for your business', null, null, null],
    ]);
    expect(merged.lines[0]!.txnLineId).toBe(newer.lines[0]!.txnLineId);
    expect(merged.lines[4]!.txnLineId).toBe(newer.lines[2]!.txnLineId);
    expect(merged.isToBePrinted).toBe(true);

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const rerun = await deliver(c.desktop, c.base, (r) => r.id !== run.id);
    expect(rerun.results[0]).toMatchObject({ outcome: 'unchanged', invoiceId: newer.txnId });
    expect(invoicesOf(c.desktop, northwind!).find((i) => i.txnId === newer.txnId)!.editSequence).toBe(merged.editSequence);
  });

  it('an InvoiceAdd whose answer was lost when the connection dropped is found by its number, never added twice', async () => {
    const c = await desktopCompany('Reseller Four', ['Litware Inc'], { mode: 'arrears', dayOfMonth: 1 });
    const [litware] = c.customerIds;
    await call('PUT', `${c.base}/offers/M365-BP`, { itemId: c.seats.listId, sync: true }, 200);
    await call('PUT', `${c.base}/organizations/ORG-L`, { customerId: litware, sync: true }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-L`, { organizationId: 'ORG-L', offerId: 'M365-BP', term: 'monthly', quantity: 4, unitCost: '9.75', effectiveDate: '2026-01-01' }, 200);

    c.desktop.wc.faults.dropConnectionAfterSendRequest(1, (request) => request.includes('<InvoiceAddRq'));
    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await deliver(c.desktop, c.base, () => true);
    expect(run.results[0]).toMatchObject({ outcome: 'created', billed: '50.00' });
    expect(run.results[0].detail).toMatch(/found after an interrupted attempt/);
    expect(invoicesOf(c.desktop, litware!)).toHaveLength(1);
    expect(invoicesOf(c.desktop, litware!)[0]!.subtotalCents).toBe(5000);
  });

  it('an unmapped offer is a sync error until mapped and retried; the daily sync writes the unit cost as the item’s purchase cost', async () => {
    const c = await desktopCompany('Reseller Three', ['Adatum Corporation'], { mode: 'arrears', dayOfMonth: 1 });
    const [adatum] = c.customerIds;
    await call('PUT', `${c.base}/organizations/ORG-AD`, { customerId: adatum, sync: true }, 200);
    await call('PUT', `${c.base}/subscriptions/SUB-AD`, { organizationId: 'ORG-AD', offerId: 'M365-BP', term: 'monthly', quantity: 3, unitCost: '9.75', effectiveDate: '2026-01-01' }, 200);

    await call('POST', `${c.base}/billing/runs`, { period: '2026-10-01' }, 202);
    const run = await deliver(c.desktop, c.base, () => true);
    expect(run.results[0]).toMatchObject({ outcome: 'failed' });
    const [error] = (await call('GET', `/v1/connections/${c.desktop.connectionId}/sync-errors`, undefined, 200)).body.errors as Json[];
    expect(error).toMatchObject({ documentKind: 'billing', externalId: 'ORG-AD@2026-10-01', code: 'offer_not_mapped', retryUrl: `/v1/connections/${c.desktop.connectionId}/sync-errors/${error!.id}/retry` });

    await call('PUT', `${c.base}/offers/M365-BP`, { name: 'Microsoft 365 Business Premium', itemId: c.seats.listId, sync: true }, 200);
    expect((await stack.call('POST', error!.retryUrl, { key })).status).toBe(202);
    const retried = await deliver(c.desktop, c.base, (r) => r.trigger === 'retry');
    expect(retried.results[0]).toMatchObject({ outcome: 'created', billed: '37.50' });
    const [invoice] = invoicesOf(c.desktop, adatum!);
    expect(invoice).toMatchObject({ txnDate: '2026-10-31', subtotalCents: 3750 });
    expect((await call('GET', `/v1/connections/${c.desktop.connectionId}/sync-errors`, undefined, 200)).body.errors).toEqual([]);

    await temporal.schedule.getHandle(billingSyncScheduleId(c.desktop.connectionId)).trigger();
    await runUntil(c.desktop.wc, () => c.desktop.company.list('Item').find((i) => i.listId === c.seats.listId)!.purchaseCost === '9.75');
    expect(c.desktop.company.list('Item').find((i) => i.listId === c.seats.listId)).toMatchObject({ purchaseCost: '9.75', salesPrice: '12.50' });
  });
});
