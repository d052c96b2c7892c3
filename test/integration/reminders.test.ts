// Re-authorisation reminders: Intuit's hard expiry is reported, and admins hear of it at the lead time and
// again near the end, by signed webhook and by e-mail; the connection shows `expiring` with the date.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifySignature } from '../../outbound/signing.js';
import { eventually, startSmtpCatcher, startWebhookReceiver } from '../support/receivers.js';
import { connectQbo, createTenant, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  hooks = await startWebhookReceiver();
  // Intuit's five-year hard expiry, shrunk to 40 seconds; reminders 30 s and 20 s before it.
  stack = await startTestStack({
    sandbox: { hardExpirySeconds: 40 },
    env: {
      SMTP_URL: smtp.url,
      INTUIT_REFRESH_MARGIN_SECONDS: '5',
      CONNECTION_REMINDER_LEAD_SECONDS: '30',
      CONNECTION_FINAL_REMINDER_SECONDS: '20',
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await hooks?.close();
  await smtp?.close();
});

it('reminds admins before the re-authorisation deadline, twice, by webhook and e-mail', async () => {
  const { apiKey: key } = await createTenant(stack);
  const registered = await stack.call('POST', '/v1/webhooks', { key, body: { url: hooks.url, events: ['connection.expiring'] } });
  const secret = registered.body.secret as string;
  const connectedAt = Date.now();
  const { connectionId } = await connectQbo(stack, key);

  const connection = await stack.call('GET', `/v1/connections/${connectionId}`, { key });
  const deadline = Date.parse(connection.body.reauthorizeBy);
  expect(Math.abs(deadline - (connectedAt + 40_000))).toBeLessThan(3_000); // the hard expiry Intuit reported

  const reminders = await eventually(() => hooks.received.map((r) => ({ ...r, event: JSON.parse(r.body) })), (r) => r.length >= 2, 45_000);
  expect(reminders.map((r) => r.event.data.reminder)).toEqual(['first', 'final']);
  for (const reminder of reminders) {
    expect(reminder.event.type).toBe('connection.expiring');
    expect(reminder.event.data.reauthorizeBy).toBe(connection.body.reauthorizeBy);
    expect(verifySignature(secret, reminder.body, String(reminder.headers['qbflow-signature']), Math.floor(Date.now() / 1000))).toBe(true);
  }
  // On time: the first 30 s before the deadline, the final 20 s before (a few seconds of slack for delivery).
  expect(reminders[0]!.at).toBeGreaterThanOrEqual(deadline - 30_000);
  expect(reminders[0]!.at).toBeLessThan(deadline - 25_000);
  expect(reminders[1]!.at).toBeGreaterThanOrEqual(deadline - 20_000);
  expect(reminders[1]!.at).toBeLessThan(deadline - 15_000);

  const mails = await eventually(() => smtp.messages.filter((m) => m.text.includes(connectionId)), (m) => m.length >= 2);
  expect(mails.every((m) => m.to.includes('admin@example.com') && /reconnected before/.test(m.subject))).toBe(true);

  const expiring = await stack.call('GET', `/v1/connections/${connectionId}`, { key });
  expect(expiring.body.status).toBe('expiring');
  expect(expiring.body.statusDetail).toContain(connection.body.reauthorizeBy);
}, 90_000);
