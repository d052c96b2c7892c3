// The console in a real browser, with QuickBooks Desktop: create a Web Connector connection, copy the password
// shown once, download the QWC, let the emulated Web Connector run and watch the page turn connected; then the
// health badge and the queue waiting for the Web Connector, drawn over time.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompanyFile, createWebConnector, QUICK_QBD_ENV, runUntil, type CompanyFile, type WebConnector } from '../../sandbox/qbd/index.js';
import { createTenant, seedOrder, startTestStack, type TestStack } from '../support/stack.js';
import { check, consoleLink, launchBrowser, settled } from './support.js';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let tenant: { id: string; apiKey: string };
let connectionId: string;
let company: CompanyFile;
let wc: WebConnector;

const textOf = (selector: string) => page.locator(selector).textContent().then((t) => (t ?? '').trim());

beforeAll(async () => {
  stack = await startTestStack({ env: { ...QUICK_QBD_ENV, TEMPORAL_UI_URL: 'http://localhost:8233' } });
  tenant = await createTenant(stack, 'Sherweb partner');
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.apiUrl });
  page = await context.newPage();
  await page.goto(await consoleLink(stack, tenant.apiKey, { page: 'connect' }));
  await settled(page);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the console with QuickBooks Desktop', () => {
  it('shows the password once with a copy button, serves the QWC, and turns connected when the Web Connector first runs', async () => {
    expect(await textOf('h1')).toBe('Connect QuickBooks');
    const desktop = page.locator('section', { has: page.getByRole('heading', { name: 'QuickBooks Desktop' }) });
    await desktop.getByLabel('How often the Web Connector runs (minutes)').fill('0');
    await desktop.getByRole('button', { name: 'Create the Web Connector connection' }).click();
    await desktop.getByText('At least 1.').waitFor();
    expect((await stack.call('GET', '/v1/connections', { key: tenant.apiKey })).body.connections).toEqual([]);

    await desktop.getByLabel('Name of this connection').fill('Main office');
    await desktop.getByLabel('How often the Web Connector runs (minutes)').fill('5');
    await desktop.getByRole('button', { name: 'Create the Web Connector connection' }).click();
    await page.getByRole('heading', { name: 'Web Connector for Main office' }).waitFor();
    const password = await textOf('#wc-password');
    const userName = await textOf('#wc-user');
    expect(password.length).toBeGreaterThanOrEqual(16);
    connectionId = (await stack.call('GET', '/v1/connections', { key: tenant.apiKey })).body.connections[0].id;

    await page.getByRole('button', { name: 'Copy the password' }).click();
    await page.locator('#live', { hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(password);
    await page.getByText('Waiting for the first Web Connector run.').waitFor();
    await check(page, 'connect-qbd');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the QWC file' }).click()]);
    expect(download.suggestedFilename()).toBe('qbflow-Main-office.qwc');
    const qwc = await readFile((await download.path())!, 'utf8');
    expect(qwc).toContain(`<UserName>${userName}</UserName>`);
    expect(qwc).toContain(`<AppURL>${stack.apiUrl}/qbwc</AppURL>`);
    expect(qwc).not.toContain(password);

    company = createCompanyFile({ companyName: 'Sherweb Partner Books' });
    wc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName, password, company, noOpDelayMs: 100, maxNoOps: 600 });
    expect((await wc.runOnce()).outcome).toBe('completed');
    await page.getByText(/Connected: the Web Connector reached qbflow with the company file/).waitFor({ timeout: 20_000 });
    expect(await page.locator('ol.checklist .done').count()).toBe(7);
    await check(page, 'connect-qbd-connected');

    await page.reload();
    await page.getByText('The password was shown when it was created. If it is lost, generate a new one.').waitFor();
    expect(await page.locator('#wc-password').count()).toBe(0);

    await page.getByRole('button', { name: 'Generate a new password' }).click();
    await page.locator('#wc-password').waitFor();
    const replaced = await textOf('#wc-password');
    expect(replaced).not.toBe(password);
    expect((await wc.runOnce()).outcome).toBe('nvu');
    wc = createWebConnector({ url: `${stack.apiUrl}/qbwc`, userName, password: replaced, company, noOpDelayMs: 100, maxNoOps: 600 });
    expect(['completed', 'none']).toContain((await wc.runOnce()).outcome);
  });

  it('shows the Web Connector\'s health and the queue waiting for it over time, and the order once delivered', async () => {
    const order = seedOrder();
    expect((await stack.call('POST', `/v1/connections/${connectionId}/orders`, { key: tenant.apiKey, body: order })).status).toBe(202);
    const waiting = async () => (await stack.call('GET', `/v1/connections/${connectionId}/web-connector`, { key: tenant.apiKey })).body.queue.queued as number;
    for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await waiting()).toBeGreaterThan(0);

    // a link for every page this time (the first one opened the Connect page only)
    await page.goto(await consoleLink(stack, tenant.apiKey, { locale: 'en' }));
    await page.getByText(/Connected; last Web Connector contact/).waitFor();
    await page.getByText(/requests? waiting for the Web Connector/).waitFor();
    await check(page, 'connections-qbd');

    await page.goto(`${stack.apiUrl}/console/t/${tenant.id}/c/${connectionId}/activity`);
    const queue = page.getByRole('img', { name: /Requests waiting for the Web Connector, last 48 hours/ });
    expect(await queue.getAttribute('aria-label')).toMatch(/At most [1-9]\d* waiting; [1-9]\d* now\./);
    await check(page, 'activity-qbd');

    await runUntil(wc, async () => (await stack.call('GET', `/v1/connections/${connectionId}/orders/${order.orderId}`, { key: tenant.apiKey })).body.run !== 'RUNNING');
    await page.reload();
    await page.getByRole('table', { name: 'Orders' }).getByRole('row', { name: /Posted/ }).waitFor();
    expect(company.list('Invoice').filter((i) => i.refNumber === order.number)).toHaveLength(1);
  });
});
