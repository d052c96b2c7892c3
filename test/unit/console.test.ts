// The console's pure parts: escaping by default, the message catalogue (same keys and placeholders in both
// languages, no page text outside it), language negotiation, the health badge in words, form errors beside fields,
// and the rules for allowed origins and return URLs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../api/console/forms.js';
import { connectionHealth } from '../../api/console/health.js';
import { html, raw } from '../../api/console/html.js';
import { en } from '../../api/console/i18n/en.js';
import { fr } from '../../api/console/i18n/fr.js';
import { negotiate, translator } from '../../api/console/i18n/index.js';
import { BillingConfigBody } from '../../api/routes/tenant/billing/schemas.js';
import { originProblem, returnUrlProblem } from '../../domain/console-origins.js';
import { SettingsSchema } from '../../domain/settings.js';

const t = translator('en');
const NOW = new Date('2026-11-20T12:00:00Z');

describe('HTML templates', () => {
  it('escape every value unless it is markup made by the template itself', () => {
    const name = '<script>alert("x")</script> & \'co\' `tick`';
    expect(html`<p title="${name}">${name}</p>`.text).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; &#96;tick&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; &#96;tick&#96;</p>');
    expect(html`<ul>${['a<b', 'c'].map((v) => html`<li>${v}</li>`)}</ul>`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`${false}${null}${undefined}${0}${raw('<br>')}`.text).toBe('0<br>');
  });
});

describe('the message catalogue', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(text.trim(), key).not.toBe('');
      expect(fr[key as keyof typeof en].trim(), key).not.toBe('');
      expect(placeholders(fr[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('fills values and picks plural forms by the language\'s rules', () => {
    expect(t.t('order.title', { id: 'ORD-1' })).toBe('Order ORD-1');
    expect(t.plural('health.qbd.queued', 1)).toBe('1 request waiting for the Web Connector');
    expect(t.plural('health.qbd.queued', 1200)).toBe('1,200 requests waiting for the Web Connector');
    expect(translator('fr').plural('status.count', 0)).toBe('0 problème'); // French counts 0 as singular
    expect(translator('fr').plural('status.count', 2)).toBe('2 problèmes');
  });

  it('is the only source of page text: pages and views write no words of their own between tags', () => {
    const root = fileURLToPath(new URL('../../api/console/', import.meta.url));
    const files = ['pages', 'views'].flatMap((dir) => readdirSync(join(root, dir)).map((f) => join(root, dir, f)));
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // text between two tags on one line, outside any ${…}: code (generics, arrows) has ;(){} or spans lines
      for (const match of source.matchAll(/>([^<>`\n;(){}]*?)</g)) {
        const text = match[1]!.trim();
        if (/[A-Za-zÀ-ÿ]{2,}/.test(text) && !text.includes('${') && !/[=&|]/.test(text)) offenders.push(`${file}: ${text}`);
      }
      for (const match of source.matchAll(/(?:aria-label|title|placeholder|alt)="([^"$]*[A-Za-z][^"$]*)"/g)) offenders.push(`${file}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('the language of a page', () => {
  it('is the first supported language of Accept-Language, by quality; English otherwise', () => {
    expect(negotiate('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiate('de-CH, en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(negotiate('de, es')).toBe('en');
    expect(negotiate('fr;q=0, en')).toBe('en');
    expect(negotiate(undefined)).toBe('en');
  });
});

describe('the health badge', () => {
  const day = 86_400_000;
  it('says where an Online connection stands, and when it must be re-authorised', () => {
    expect(connectionHealth({ type: 'qbo', status: 'pending', reauthorizeBy: null }, t, NOW)).toMatchObject({ tone: 'pending', label: 'Waiting for someone to authorise it in QuickBooks' });
    expect(connectionHealth({ type: 'qbo', status: 'connected', reauthorizeBy: new Date(NOW.getTime() + 90 * day) }, t, NOW))
      .toMatchObject({ tone: 'ok', label: 'Connected; QuickBooks asks for a new authorisation by Feb 18, 2027' });
    expect(connectionHealth({ type: 'qbo', status: 'connected', reauthorizeBy: new Date(NOW.getTime() + 5 * day) }, t, NOW))
      .toMatchObject({ tone: 'warn', label: 'Expires on Nov 25, 2026: reconnect before then' });
    expect(connectionHealth({ type: 'qbo', status: 'needs_reauth', reauthorizeBy: null }, t, NOW).tone).toBe('bad');
    expect(connectionHealth({ type: 'qbo', status: 'disconnected', reauthorizeBy: null }, t, NOW).label).toBe('Disconnected');
  });

  it('says when the Web Connector last came, what waits for it, and what fixes its last error', () => {
    const desktop = { lastContactAt: new Date(NOW.getTime() - 60_000), queued: 0, runEveryMinutes: 5, companyFile: 'C:\\Books\\Acme.qbw' };
    expect(connectionHealth({ type: 'qbd', status: 'pending', reauthorizeBy: null, desktop: { ...desktop, lastContactAt: null, companyFile: null } }, t, NOW).label).toBe('Waiting for the first Web Connector run');
    expect(connectionHealth({ type: 'qbd', status: 'connected', reauthorizeBy: null, desktop }, t, NOW)).toEqual({ tone: 'ok', label: 'Connected; last Web Connector contact Nov 20, 2026, 11:59 AM UTC', details: [] });
    const silent = connectionHealth({ type: 'qbd', status: 'connected', reauthorizeBy: null, desktop: { ...desktop, lastContactAt: new Date(NOW.getTime() - 2 * day), queued: 3 } }, t, NOW);
    expect(silent.tone).toBe('warn');
    expect(silent.label).toMatch(/^No Web Connector contact since Nov 18, 2026/);
    expect(silent.details).toEqual(['3 requests waiting for the Web Connector']);
    // the fields the richer connection view will bring
    const failing = connectionHealth({ type: 'qbd', status: 'connected', reauthorizeBy: null, desktop: { ...desktop, queued: 1, oldestWaitingSince: new Date(NOW.getTime() - 3_600_000), lastError: 'Could not start QuickBooks.' } }, t, NOW);
    expect(failing.tone).toBe('warn');
    expect(failing.details).toEqual([
      '1 request waiting for the Web Connector, the oldest since Nov 20, 2026, 11:00 AM UTC',
      'Last error: Could not start QuickBooks.',
      'Open QuickBooks with this company file on that computer, then click Update Selected in the Web Connector.',
    ]);
  });
});

describe('form errors', () => {
  it('land beside their fields, in the reader\'s language, from the API\'s own schemas', () => {
    const billing = check(t, BillingConfigBody, { mode: 'monthly', dayOfMonth: 31, hour: '25:00' });
    expect(billing).toEqual({ ok: false, errors: { fields: { mode: 'Not one of the choices.', dayOfMonth: 'At most 28.', hour: 'Not in the expected form.' } } });
    const settings = check(translator('fr'), SettingsSchema, {
      senders: { mode: 'listed', teams: ['x'.repeat(101)], users: [] }, documents: { invoice: true, bill: true, purchaseOrder: true }, itemField: 'productNumber', accounts: {}, tax: { mode: 'quickbooks' },
    });
    expect(settings.ok).toBe(false);
    expect(!settings.ok && settings.errors.fields['senders/teams/0']).toBe('Trop long : au plus 100 caractères.');
  });
});

describe('allowed origins and return URLs', () => {
  it('allow https origins in their plain form, http only on this machine', () => {
    expect(originProblem('https://app.example.com')).toBeUndefined();
    expect(originProblem('http://localhost:5173')).toBeUndefined();
    expect(originProblem('http://app.example.com')).toMatch(/https/);
    expect(originProblem('https://app.example.com/')).toMatch(/plain form/);
    expect(originProblem('*')).toMatch(/not an origin/);
  });

  it('send people back only to http(s) addresses on those origins', () => {
    const allowed = ['https://app.example.com'];
    expect(returnUrlProblem('https://app.example.com/settings?x=1', allowed)).toBeUndefined();
    expect(returnUrlProblem('https://app.example.com.evil.io/', allowed)).toMatch(/not on an origin/);
    expect(returnUrlProblem('javascript:alert(1)//https://app.example.com', allowed)).toMatch(/http\(s\)/);
    expect(returnUrlProblem('https://user:pw@app.example.com/', allowed)).toMatch(/credentials/);
  });
});
