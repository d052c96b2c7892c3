// The console's defences in a real browser: a link opens once, another site cannot frame the console (and an
// allowed one can, with its own partitioned session), a change without the CSRF token changes nothing (nor does a
// form posted from another site), an operator's console is read-only; the operator's list and French pages pass axe.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';
import { check, consoleLink, launchBrowser, settled } from './support.js';

let stack: TestStack;
let browser: Browser;
let tenant: { id: string; apiKey: string };
let connectionId: string;
/** Another site (another origin: 127.0.0.1 instead of localhost) that tries to frame the console or post to it. */
let foreign: Server;
let foreignOrigin: string;
let foreignPage = '';

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  tenant = await createTenant(stack, 'Framing test');
  ({ connectionId } = await connectQbo(stack, tenant.apiKey));
  foreign = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(foreignPage));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => foreign?.close(resolve));
  await stack?.stop();
});

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

const connectionName = async () => (await stack.call('GET', `/v1/connections/${connectionId}`, { key: tenant.apiKey })).body.name as string;

describe('the console\'s defences', () => {
  it('opens a link once; the second opening is refused', async () => {
    const url = await consoleLink(stack, tenant.apiKey);
    const page = await freshPage();
    expect((await page.goto(url))!.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('QuickBooks connections');
    const other = await freshPage();
    const second = await other.goto(url);
    expect(second!.status()).toBe(410);
    expect(await other.textContent('main')).toContain('the link was already used or has expired');
    await page.context().close();
    await other.context().close();
  });

  it('cannot be framed by another site; a site the tenant allows frames it with its own session', async () => {
    const page = await freshPage();
    const blocked: string[] = [];
    page.on('console', (message) => blocked.push(message.text()));
    const link = await consoleLink(stack, tenant.apiKey, { embedded: true });
    foreignPage = `<!doctype html><html lang="en"><title>Another site</title><h1>Another site</h1><iframe title="console" src="${link}" width="900" height="500"></iframe>`;
    const landing = page.waitForResponse((r) => r.url().includes('/connections'));
    await page.goto(foreignOrigin);
    const response = await landing;
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).toBe('chrome-error://chromewebdata/'); // Chromium's page for a refused frame
    expect(await frame.content().catch(() => '')).not.toContain('QuickBooks connections');
    expect(blocked.join('\n')).toMatch(/frame-ancestors 'none'/);

    await stack.call('PATCH', '/v1/tenant', { key: tenant.apiKey, body: { consoleFrameOrigins: [foreignOrigin] } });
    foreignPage = `<!doctype html><html lang="en"><title>The upstream app</title><h1>The upstream app</h1><iframe title="console" src="${await consoleLink(stack, tenant.apiKey, { embedded: true })}" width="900" height="500"></iframe>`;
    const allowed = await freshPage();
    await allowed.goto(foreignOrigin);
    const console = allowed.frameLocator('iframe[title="console"]');
    await console.getByRole('heading', { name: 'QuickBooks connections' }).waitFor();
    // the framed session works: a change made inside the frame is saved
    await console.getByLabel('New name').fill('Renamed inside the frame');
    await console.getByRole('button', { name: 'Rename' }).click();
    await console.getByText('Renamed.').waitFor();
    expect(await connectionName()).toBe('Renamed inside the frame');
    await stack.call('PATCH', '/v1/tenant', { key: tenant.apiKey, body: { consoleFrameOrigins: [] } });
    await page.context().close();
    await allowed.context().close();
  });

  it('refuses a change without the session\'s CSRF token, and a form another site posts', async () => {
    const page = await freshPage();
    await page.goto(await consoleLink(stack, tenant.apiKey));
    await settled(page);
    const before = await connectionName();
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { remove(): void }[]; body: { removeAttribute(n: string): void } } }).document;
      for (const field of doc.querySelectorAll('input[name="_csrf"]')) field.remove();
      doc.body.removeAttribute('hx-headers');
    });
    await page.getByLabel('New name').fill('Changed without a token');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByText('This form has expired. Reload the page and try again.').waitFor();
    expect(await connectionName()).toBe(before);

    // another site posting the form (with any token it could guess) gets no session: the cookie is SameSite=Lax
    foreignPage = `<!doctype html><html lang="en"><title>Another site</title><form method="post" action="${stack.apiUrl}/console/t/${tenant.id}/c/${connectionId}/rename"><input name="name" value="Changed by another site"><input name="_csrf" value="guess"><button>Go</button></form>`;
    await page.goto(foreignOrigin);
    const posted = page.waitForResponse((r) => r.url().endsWith('/rename'));
    await page.getByRole('button', { name: 'Go' }).click();
    expect((await posted).status()).toBe(401);
    expect(await connectionName()).toBe(before);
    await page.context().close();
  });

  it('gives operators every tenant, read-only unless they asked for write', async () => {
    const created = await stack.call('POST', '/v1/operator/console/sessions', { key: stack.operatorToken, body: {} });
    const page = await freshPage();
    await page.goto(created.body.url);
    expect(await page.textContent('h1')).toBe('Tenants');
    await page.getByRole('link', { name: 'Framing test' }).waitFor();
    await check(page, 'operator');
    await page.getByRole('link', { name: 'Framing test' }).click();
    await page.getByText('Read-only: an operator\'s view. Nothing can be changed from it.').waitFor();
    expect(await page.getByRole('button', { name: 'Rename' }).isDisabled()).toBe(true);
    await check(page, 'connections-operator');
    await page.context().close();
  });

  it('speaks French when the link says so, with every page still accessible', async () => {
    const page = await freshPage();
    await page.goto(await consoleLink(stack, tenant.apiKey, { locale: 'fr' }));
    expect(await page.textContent('h1')).toBe('Connexions QuickBooks');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await check(page, 'connections-fr');
    await page.goto(`${stack.apiUrl}/console/t/${tenant.id}/c/${connectionId}/settings`);
    expect(await page.textContent('h1')).toBe('Paramètres');
    await page.getByLabel('Factures fournisseurs').waitFor();
    await check(page, 'settings-fr');
    await page.goto(`${stack.apiUrl}/console/t/${tenant.id}/c/${connectionId}/status`);
    await page.getByText('Rien n\'est bloqué.').waitFor();
    await check(page, 'status-fr');
    await page.context().close();
  });
});
