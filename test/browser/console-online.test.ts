// The console in a real browser, with QuickBooks Online: connect a company through the sandbox consent page,
// settings that then refuse an order, an offer mapped with the picker among 2,000 items, an order that fails on an
// unmapped product fixed on the Mappings page and retried from the Status page until it is posted, billing and
// webhooks; every page scanned by axe-core and saved at desktop and phone width.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, seedOrder, startTestStack, waitForOrder, type TestStack } from '../support/stack.js';
import { check, consoleLink, launchBrowser, settled } from './support.js';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let tenant: { id: string; apiKey: string };
let connectionId: string;
let realmId: string;

const sandbox = () => stack.sandbox!.server;
const base = () => `/console/t/${tenant.id}/c/${connectionId}`;

beforeAll(async () => {
  stack = await startTestStack({ sandbox: { autoApprove: false }, env: { TEMPORAL_UI_URL: 'http://localhost:8233' } });
  tenant = await createTenant(stack, 'Esprit Ceramics');
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  await page.goto(await consoleLink(stack, tenant.apiKey));
  await settled(page);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the console with QuickBooks Online', () => {
  it('connects a company through the sandbox consent page and follows it live until connected', async () => {
    expect(await page.textContent('h1')).toBe('QuickBooks connections');
    await check(page, 'connections-empty');
    await page.getByRole('link', { name: 'Connect a QuickBooks company' }).first().click();
    await settled(page);
    expect(await page.textContent('h1')).toBe('Connect QuickBooks');
    await check(page, 'connect');

    const online = page.locator('section', { has: page.getByRole('heading', { name: 'QuickBooks Online' }) });
    await online.getByLabel('Name of this connection').fill('Esprit Online');
    await online.getByRole('button', { name: 'Connect QuickBooks Online' }).click();
    await page.getByText('Waiting for you to authorise in QuickBooks').waitFor();
    await check(page, 'connect-online-waiting');

    const [consent] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Open QuickBooks to authorise/ }).click()]);
    await consent.waitForLoadState();
    expect(await consent.textContent('h1')).toBe('Connect an app to your QuickBooks company');
    await consent.getByRole('button', { name: 'Connect' }).click();
    await consent.getByText('QuickBooks is connected').waitFor();
    await consent.close();

    await page.getByText(/Connected to QuickBooks Online company \d+/).waitFor({ timeout: 15_000 });
    const connections = (await stack.call('GET', '/v1/connections', { key: tenant.apiKey })).body.connections;
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ name: 'Esprit Online', status: 'connected' });
    connectionId = connections[0].id;
    realmId = connections[0].realmId;
    expect(await page.textContent('#live-status')).toContain(realmId);

    await page.goto(`${stack.apiUrl}/console/t/${tenant.id}/connections`);
    await page.getByText(/Connected; QuickBooks asks for a new authorisation by/).waitFor();
    await check(page, 'connections');
  });
});

describe('settings', () => {
  it('shows a business rule beside its field, saves nothing then, and once saved refuses an order for a document no longer allowed', async () => {
    await page.goto(`${stack.apiUrl}${base()}/settings`);
    expect(await page.textContent('h1')).toBe('Settings');
    await check(page, 'settings');

    await page.getByLabel('Only these teams or people').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('List at least one team or user who may send, or allow everyone').first().waitFor();
    expect(await page.locator('#f-senders').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'settings-errors');
    expect((await stack.call('GET', `/v1/connections/${connectionId}/settings`, { key: tenant.apiKey })).body.senders).toEqual({ mode: 'everyone' });

    await page.getByLabel('Everyone').check();
    await page.getByLabel('Bills').uncheck();
    const receivable = page.getByLabel('Accounts receivable');
    await receivable.selectOption((await receivable.locator('option', { hasText: 'Receivable' }).first().getAttribute('value'))!);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = (await stack.call('GET', `/v1/connections/${connectionId}/settings`, { key: tenant.apiKey })).body;
    expect(saved.documents).toEqual({ invoice: true, bill: false, purchaseOrder: true });
    expect(saved.accounts.receivable).toMatch(/^\d+$/);

    const refused = await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key: tenant.apiKey, body: seedOrder() });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Bills may not be sent on this connection (see its settings)');
  });
});

describe('mappings, orders and status', () => {
  it('maps an offer with the picker, searching among 2,000 QuickBooks items as you type', async () => {
    const income = sandbox().companies.objects(realmId, 'Account').find((a) => a.AccountType === 'Income')!;
    for (let i = 1; i <= 2000; i++) {
      sandbox().companies.insert(realmId, 'Item', { Name: `Widget ${String(i).padStart(4, '0')}`, Type: 'Service', UnitPrice: 10, IncomeAccountRef: { value: String(income.Id) } });
    }
    expect((await stack.call('PUT', `/v1/connections/${connectionId}/offers/OFFER-365`, { key: tenant.apiKey, body: { name: 'Office 365 Business', sync: false } })).status).toBe(200);

    await page.goto(`${stack.apiUrl}${base()}/mappings?kind=offers`);
    const row = page.getByRole('row', { name: /OFFER-365/ });
    await row.getByText('Not mapped').waitFor();
    await check(page, 'mappings-offers');
    await row.getByRole('link', { name: 'Change the mapping of OFFER-365' }).click();
    await page.getByRole('heading', { name: 'Change the mapping of OFFER-365 (Office 365 Business)' }).waitFor();
    expect(await page.locator('#pick-quickbooksId-results .count').textContent()).toBe('100 matches');

    await page.getByLabel('Search products and services').pressSequentially('Widget 1742', { delay: 20 });
    await page.locator('#pick-quickbooksId-results .count', { hasText: '1 match' }).waitFor();
    await page.getByLabel(/Widget 1742/).check();
    await page.getByLabel('Bill this').check();
    await check(page, 'mappings-picker');
    await page.getByRole('button', { name: 'Map' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.getByRole('row', { name: /OFFER-365/ }).textContent()).toContain('Widget 1742');
    const offers = (await stack.call('GET', `/v1/connections/${connectionId}/offers`, { key: tenant.apiKey })).body.offers;
    expect(offers).toEqual([expect.objectContaining({ offerId: 'OFFER-365', itemName: 'Widget 1742', sync: true })]);
  });

  it('an order that fails on an unmapped product is mapped on the Mappings page, retried from the Status page, and posted', async () => {
    const fault = sandbox().faults.failNext({
      realmId, entity: 'item', operation: 'create', status: 400, count: 1000, code: '6000',
      message: 'A business validation error has occurred while processing your request', detail: 'Business Validation Error: Select an income account for this product.',
    });
    const order = seedOrder({ documents: ['invoice'], vendor: undefined, discount: undefined, payments: [], lines: [{ productNumber: 'GADGET-9', productName: 'Gadget nine', quantity: '3', unitPrice: '12.00' }] });
    expect((await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key: tenant.apiKey, body: order })).status).toBe(202);
    const failed = await waitForOrder(stack, tenant.apiKey, connectionId, order.orderId);
    expect(failed.outcome).toBe('failed');
    expect(failed.steps.find((s) => s.step === 'items')!.state).toBe('failed');

    await page.goto(`${stack.apiUrl}${base()}/status`);
    const group = page.locator('section.error-group', { has: page.getByRole('heading', { name: 'Products could not be found or created (1)' }) });
    await group.getByText('Select an income account for this product').waitFor();
    await check(page, 'status-errors');
    await group.getByRole('link', { name: 'Map GADGET-9' }).click();
    await page.getByRole('heading', { name: 'Change the mapping of GADGET-9 (Gadget nine)' }).waitFor();
    await page.getByLabel('Search products and services').pressSequentially('Widget 0042', { delay: 20 });
    await page.locator('#pick-quickbooksId-results .count', { hasText: '1 match' }).waitFor();
    await page.getByLabel(/Widget 0042/).check();
    await page.getByRole('button', { name: 'Map' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await check(page, 'mappings');

    await page.getByRole('link', { name: 'Status' }).click();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent again.' }).waitFor();
    await page.getByText('Nothing is blocked.').waitFor({ timeout: 60_000 });
    await check(page, 'status-empty');

    const posted = await waitForOrder(stack, tenant.apiKey, connectionId, order.orderId);
    expect(posted.outcome).toBe('posted');
    const widget = sandbox().companies.objects(realmId, 'Item').find((i) => i.Name === 'Widget 0042')!;
    const [invoice] = sandbox().companies.objects(realmId, 'Invoice').filter((i) => i.DocNumber === order.number);
    const lines = invoice!.Line as { DetailType: string; SalesItemLineDetail?: { ItemRef: { value: string } } }[];
    expect(lines.find((l) => l.DetailType === 'SalesItemLineDetail')!.SalesItemLineDetail!.ItemRef.value).toBe(widget.Id);
    expect(sandbox().companies.objects(realmId, 'Item').some((i) => i.Name === 'GADGET-9')).toBe(false);
    sandbox().faults.clear(fault);
  });

  it('lists orders by state and date, and shows an order\'s steps with its QuickBooks ids and its run', async () => {
    await page.goto(`${stack.apiUrl}${base()}/activity`);
    await page.getByRole('img', { name: /Documents per day, last 14 days/ }).waitFor();
    const orders = page.getByRole('table', { name: 'Orders' });
    await orders.getByRole('row', { name: /Posted/ }).first().waitFor();
    await check(page, 'activity');

    await page.getByLabel('State').selectOption('failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('Nothing matches these filters.').waitFor();
    await page.getByLabel('State').selectOption('posted');
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    const link = page.getByRole('link', { name: /^Order ORD-/ }).first();
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: /^Order ORD-/ }).waitFor();
    const invoice = page.getByRole('row', { name: /Invoice/ });
    expect(await invoice.textContent()).toMatch(/Done\s*\d+/);
    expect(await page.getByRole('link', { name: 'Open the run in Temporal UI' }).getAttribute('href')).toMatch(/\/namespaces\/default\/workflows\/send-order%2F/);
    await check(page, 'order');
  });
});

describe('invoices', () => {
  it('lists the invoices copied to QuickBooks with their number, total, balance and whether they are paid', async () => {
    const connection = `/v1/connections/${connectionId}`;
    const settings = (await stack.call('GET', `${connection}/settings`, { key: tenant.apiKey })).body;
    const services = sandbox().companies.objects(realmId, 'Account').find((a) => a.Name === 'Services')!;
    await stack.call('PUT', `${connection}/settings`, { key: tenant.apiKey, body: { ...settings, invoices: { incomeAccount: services.Id } } });
    const accepted = await stack.call('PUT', `${connection}/invoices/HD-7`, { key: tenant.apiKey, body: {
      customer: { externalId: 'ORG-7', name: 'Help desk customer' },
      date: '2026-11-20',
      lines: [{ description: 'Ticket #7: printer jam', quantity: '2', rate: '95.00', serviceType: 'Support' }],
    } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    for (let tries = 0; ; tries++) {
      const view = (await stack.call('GET', `${connection}/invoices/HD-7`, { key: tenant.apiKey })).body;
      if (view.copied) break;
      if (tries > 120) throw new Error(`invoice HD-7 was not copied: ${JSON.stringify(view)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    await page.goto(`${stack.apiUrl}${base()}/activity?kind=invoices`);
    const row = page.getByRole('table', { name: 'Invoices' }).getByRole('row', { name: /Invoice HD-7/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/190\.00.*190\.00.*Open/s);
    await check(page, 'activity-invoices');

    await page.getByLabel('State').selectOption('paid');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('Nothing matches these filters.').waitFor();
  });
});

describe('billing and webhooks', () => {
  it('configures billing: the mode is said to be fixed once saved, errors show beside their field', async () => {
    await page.goto(`${stack.apiUrl}${base()}/billing`);
    await page.getByText('Monthly billing is not set up on this connection yet.').waitFor();
    await page.getByLabel('In advance: each run bills the coming period').check();
    await page.getByLabel('Billing day of the month (1 to 28)').fill('31');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('At most 28.').waitFor();
    expect(await page.getByLabel('Billing day of the month (1 to 28)').getAttribute('aria-invalid')).toBe('true');
    expect((await stack.call('GET', `/v1/connections/${connectionId}/billing`, { key: tenant.apiKey })).status).toBe(404);

    await page.getByLabel('Billing day of the month (1 to 28)').fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByText('The mode is fixed: it cannot change once saved.').waitFor();
    expect(await page.getByLabel('In arrears: each run bills the period that just ended').count()).toBe(0);
    await page.getByRole('heading', { name: 'Next runs' }).waitFor();
    await check(page, 'billing');
    expect((await stack.call('GET', `/v1/connections/${connectionId}/billing`, { key: tenant.apiKey })).body).toMatchObject({ mode: 'advance', dayOfMonth: 5 });
  });

  it('adds a webhook endpoint, shows the signing secret once with a copy button, and rotates it', async () => {
    await page.goto(`${stack.apiUrl}/console/t/${tenant.id}/webhooks`);
    await page.getByLabel('Address (https)').fill('ftp://example.com/hook');
    await page.getByLabel(/A document was posted/).check();
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    await page.getByText('The webhook URL must use https').first().waitFor();

    await page.getByLabel('Address (https)').fill('http://localhost:9/hooks');
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    const secret = await page.locator('#webhook-secret').textContent();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Copy the secret' }).waitFor();
    await check(page, 'webhooks');
    await page.getByRole('button', { name: 'Rotate the signing secret' }).click();
    await page.waitForFunction((previous) => {
      const shown = (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } | null } }).document.getElementById('webhook-secret');
      return shown && shown.textContent !== previous;
    }, secret);
    await page.reload();
    expect(await page.locator('#webhook-secret').count()).toBe(0);
    expect((await stack.call('GET', '/v1/webhooks', { key: tenant.apiKey })).body.endpoints).toEqual([expect.objectContaining({ url: 'http://localhost:9/hooks', events: ['document.posted'] })]);
  });
});

describe('disconnecting', () => {
  it('asks first on a page of its own, then revokes the authorisation and removes the connection', async () => {
    await page.goto(`${stack.apiUrl}/console/t/${tenant.id}/connections`);
    await page.getByRole('link', { name: 'Disconnect' }).click();
    await page.getByRole('heading', { name: 'Disconnect Esprit Online?' }).waitFor();
    await check(page, 'disconnect');
    await page.getByRole('button', { name: 'Yes, disconnect' }).click();
    await page.getByText('The connection Esprit Online was removed.').waitFor({ timeout: 30_000 });
    expect((await stack.call('GET', '/v1/connections', { key: tenant.apiKey })).body.connections).toEqual([]);
    expect(sandbox().companies.get(realmId)!.connections.activeGrants).toBe(0); // revoked at "Intuit"
  });
});
