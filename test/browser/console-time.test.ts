// The console in a real browser, for a time tracker on QuickBooks Online: import the lists from the Settings page
// and read their checks, map an upstream user to an employee with the picker over the imported lists (the user
// listed unmapped first, once their hours arrived), and follow entries on the Activity page: one in QuickBooks, one
// failed with the reason in words and sent again once fixed; each page state scanned by axe-core and saved at desktop
// and phone width.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';
import { check, consoleLink, launchBrowser, settled } from './support.js';

let stack: TestStack;
let browser: Browser;
let page: Page;
let tenant: { id: string; apiKey: string };
let connectionId: string;
let realmId: string;

const sandbox = () => stack.sandbox!.server;
const base = () => `/console/t/${tenant.id}/c/${connectionId}`;
const api = (method: string, path: string, body?: unknown) => stack.call(method, `/v1/connections/${connectionId}${path}`, { key: tenant.apiKey, body });

async function until(probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('not done in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  stack = await startTestStack({ env: { TEMPORAL_UI_URL: 'http://localhost:8233' } });
  tenant = await createTenant(stack, 'Atelier Horaires');
  ({ connectionId, realmId } = await connectQbo(stack, tenant.apiKey));
  sandbox().companies.insert(realmId, 'Customer', { DisplayName: 'Boulangerie Martin' });
  for (let i = 1; i <= 3; i++) sandbox().companies.insert(realmId, 'Employee', { DisplayName: `Employee ${i}`, GivenName: 'Employee', FamilyName: String(i) });
  sandbox().companies.insert(realmId, 'Employee', { DisplayName: 'Camille Durand', GivenName: 'Camille', FamilyName: 'Durand' });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
  await page.goto(await consoleLink(stack, tenant.apiKey, { locale: 'en' }));
  await settled(page);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the console for a time tracker', () => {
  it('imports the lists from the Settings page and shows their checks in words', async () => {
    await page.goto(`${stack.apiUrl}${base()}/settings`);
    const time = page.locator('section', { has: page.getByRole('heading', { name: 'Time tracking' }) });
    await time.getByText(/have not been imported from QuickBooks yet/).waitFor();
    await time.getByRole('button', { name: 'Import the lists now' }).click();
    await page.getByText('The lists are being imported.', { exact: false }).waitFor();
    await until(async () => {
      const status = (await api('GET', '/lists/import')).body;
      return !status.running && status.last !== null;
    });
    await page.reload();
    await time.getByText(/Lists last imported from QuickBooks on/).waitFor();
    expect(await time.locator('li', { hasText: 'Time tracking' }).textContent()).toContain('Time tracking is on in QuickBooks.');
    await time.locator('li', { hasText: 'First day of the week' }).waitFor();
    await check(page, 'settings-time');
  });

  it('maps a user whose hours arrived to an employee with the picker, and shows the entries on the Activity page', async () => {
    const customerId = (await api('GET', '/lists/customers')).body.records.find((r: { name: string }) => r.name === 'Boulangerie Martin').quickbooksId as string;
    const entry = { revision: 1, userId: 'camille', date: '2026-11-23', minutes: 90, customerId, billable: 'not_billable', notes: 'Oven repair' };
    expect((await api('PUT', '/timesheets/T-1', entry)).status).toBe(202);
    await until(async () => (await api('GET', '/timesheets/T-1')).body.state === 'failed');

    await page.goto(`${stack.apiUrl}${base()}/mappings?kind=people`);
    const unmapped = page.getByRole('table', { name: 'People' }).getByRole('row', { name: /camille/ });
    await unmapped.getByText('Not mapped').waitFor();
    await check(page, 'mappings-people');
    await unmapped.getByRole('link', { name: 'Change the mapping of camille' }).click();
    await settled(page);
    // nothing chosen: refused beside the picker, nothing saved
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('.picker .field-error').waitFor();
    expect((await api('GET', '/timesheets/people')).body.people).toEqual([]);
    await page.getByLabel(/Search employees, vendors and other names/).fill('Durand');
    // the search answers as one types: only the match is left
    await until(async () => (await page.getByRole('radio').count()) === 1, 20_000);
    await page.getByRole('radio', { name: /Camille Durand/ }).waitFor();
    await check(page, 'mappings-people-picker');
    await page.getByRole('radio', { name: /Camille Durand/ }).check();
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByRole('table', { name: 'People' }).getByRole('row', { name: /camille.*Camille Durand.*employee/ }).waitFor();
    expect((await api('GET', '/timesheets/people')).body.people).toEqual([expect.objectContaining({ userId: 'camille', kind: 'employees', name: 'Camille Durand' })]);

    expect((await api('PUT', '/timesheets/T-2', { ...entry, date: '2026-11-24', minutes: 45 })).status).toBe(202);
    expect((await api('POST', '/timesheets/retry', {})).status).toBe(202);
    await until(async () => (await api('GET', '/timesheets/T-1')).body.state === 'exported' && (await api('GET', '/timesheets/T-2')).body.state === 'exported');

    await page.goto(`${stack.apiUrl}${base()}/activity?kind=timesheets`);
    const table = page.getByRole('table', { name: 'Timesheets' });
    const first = table.getByRole('row', { name: /Entry T-1/ });
    expect(await first.textContent()).toMatch(/Camille Durand.*2026-11-23.*1 h 30.*Boulangerie Martin.*In QuickBooks/s);
    expect(await first.getByRole('link', { name: /Temporal/ }).getAttribute('href')).toContain(encodeURIComponent(`export-timesheets/${connectionId}`));
    await check(page, 'activity-timesheets');

    await page.getByLabel('From').fill('2026-11-24');
    await page.getByRole('button', { name: 'Filter' }).click();
    await settled(page);
    await table.getByRole('row', { name: /Entry T-2/ }).waitFor();
    expect(await table.getByRole('row', { name: /Entry T-1/ }).count()).toBe(0);
  });

  it('shows a failed entry with the reason in words, filtered by state, and sends it again once fixed', async () => {
    expect((await api('PUT', '/timesheets/T-3', { revision: 1, userId: 'nobody', date: '2026-11-25', minutes: 30, billable: 'not_billable' })).status).toBe(202);
    await until(async () => (await api('GET', '/timesheets/T-3')).body.state === 'failed');
    const reason = (await api('GET', '/timesheets/T-3')).body.error as string;
    await page.goto(`${stack.apiUrl}${base()}/activity?kind=timesheets&state=failed`);
    const rows = page.getByRole('table', { name: 'Timesheets' }).getByRole('row');
    await rows.filter({ hasText: 'Entry T-3' }).getByText(reason).waitFor();
    expect(await rows.filter({ hasText: 'In QuickBooks' }).count()).toBe(0);
    await check(page, 'activity-timesheets-failed');

    // fixed (the user mapped), then sent again from the page
    const employee = (await api('GET', '/lists/employees')).body.records.find((r: { name: string }) => r.name === 'Employee 1').quickbooksId as string;
    expect((await api('PUT', '/timesheets/people/nobody', { kind: 'employees', quickbooksId: employee })).status).toBe(200);
    await page.getByRole('button', { name: 'Send the failed entries again' }).click();
    await page.getByText('The failed entries are being sent to QuickBooks again.').waitFor();
    await until(async () => (await api('GET', '/timesheets/T-3')).body.state === 'exported');
    await page.reload();
    await page.getByRole('table', { name: 'Timesheets' }).getByRole('row', { name: /Employee 1.*Entry T-3.*In QuickBooks/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Send the failed entries again' }).count()).toBe(0);
  });

  it('says the same in French', async () => {
    await page.goto(await consoleLink(stack, tenant.apiKey, { locale: 'fr' }));
    await settled(page);
    await page.goto(`${stack.apiUrl}${base()}/activity?kind=timesheets`);
    await page.getByRole('table', { name: 'Feuilles de temps' }).getByRole('row', { name: /Saisie T-1.*Dans QuickBooks/ }).waitFor();
    await check(page, 'activity-timesheets-fr');
    await page.goto(`${stack.apiUrl}${base()}/mappings?kind=people`);
    await page.getByRole('table', { name: 'Personnes' }).getByRole('row', { name: /camille.*Camille Durand.*employé/ }).waitFor();
    await page.goto(`${stack.apiUrl}${base()}/settings`);
    await page.getByRole('heading', { name: 'Suivi du temps' }).waitFor();
    await page.getByRole('button', { name: 'Importer les listes maintenant' }).waitFor();
    await check(page, 'settings-time-fr');
  });
});
