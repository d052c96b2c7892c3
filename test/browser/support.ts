// Driving the console in a real browser: Debian's chromium through playwright-core (never a downloaded browser),
// console links through the API, screenshots at desktop and phone width, and an axe-core scan of a page.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestStack } from '../support/stack.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A console link for the tenant (POST /v1/console/sessions). */
export async function consoleLink(stack: TestStack, apiKey: string, body: object = {}): Promise<string> {
  const response = await stack.call('POST', '/v1/console/sessions', { key: apiKey, body });
  if (response.status !== 201) throw new Error(`console link refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.url as string;
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Saves the page at desktop and phone width (test/browser/screenshots/<name>-desktop.png, -phone.png). */
export async function capture(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

let axeSource: string | undefined;

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP, which forbids inline
 * scripts, stays as it is) and fails on any serious or critical violation.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: string, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run('html', { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking, `${name}: ${JSON.stringify(blocking, null, 1)}`).toEqual([]);
}

/** Screenshots and an axe scan of the page as it is now. */
export async function check(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await capture(page, name);
}

/** Waits for htmx to settle after a boosted navigation or swap (no request in flight). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.htmx-request'));
}
