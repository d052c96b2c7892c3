// Intuit's webhook notifications (outside the tenant scope: Intuit signs them, it holds no API key). The signature
// is checked over the raw body before anything else; then both payload shapes are read, the events recorded
// durably (deduplicated by event key) and the answer given at once — Intuit allows 3 seconds — while each
// connection's payments sync processes them. Refusals say nothing beyond their status; the log says why.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { INTUIT_SIGNATURE_HEADER, parseIntuitNotifications, verifyIntuitSignature, WebhookPayloadError } from '../../../quickbooks/online/index.js';
import { problems } from '../../schemas.js';

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' };

/** A refusal that tells the caller nothing it could use to probe us. */
const refuse = (reply: FastifyReply, status: 400 | 401 | 403) =>
  reply.code(status).type('application/problem+json').send({ type: `https://qbflow.dev/problems/${status}`, title: TITLES[status], status });

export default async function intuitWebhookRoutes(app: FastifyInstance) {
  const { control, config } = app.deps;
  // The signature covers the exact bytes Intuit sent: keep them, parse only after the check.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/v1/intuit/webhooks', {
    schema: {
      operationId: 'receiveIntuitWebhook',
      tags: ['intuit'],
      summary: 'Where Intuit sends QuickBooks Online change notifications (configure it on the app\'s Webhooks page; not called by apps)',
      description: 'Header `intuit-signature`: base64 HMAC-SHA256 of the raw body with the app\'s verifier token. Legacy (`eventNotifications`) and CloudEvents payloads, several realms per delivery. 401 for a bad signature, 403 when no connection has any of the realms, both without detail.',
      response: { 200: Type.Object({ received: Type.Integer(), recorded: Type.Integer() }), ...problems(400, 401, 403, 413) },
    },
  }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = request.headers[INTUIT_SIGNATURE_HEADER];
    if (!verifyIntuitSignature(raw, Array.isArray(header) ? header[0] : header, config.intuit.webhookVerifierTokens)) {
      request.log.warn({ bytes: raw.length, signed: header !== undefined, configured: config.intuit.webhookVerifierTokens.length > 0 }, 'Intuit webhook refused: the signature does not match');
      return refuse(reply, 401);
    }
    let notifications;
    try {
      notifications = parseIntuitNotifications(JSON.parse(raw.toString('utf8')));
    } catch (error) {
      if (!(error instanceof SyntaxError || error instanceof WebhookPayloadError)) throw error;
      request.log.error({ reason: error.message }, 'Intuit webhook refused: a signed body that is not an Intuit notification');
      return refuse(reply, 400);
    }
    const realms = new Set(notifications.map((n) => n.realmId));
    const result = await control.payments.receive(notifications, (error) => request.log.warn({ err: error }, 'could not wake a payments sync; the change feed will'));
    if (result.unknownRealms.length > 0) request.log.warn({ realms: result.unknownRealms }, 'Intuit notifications for realms no connection has');
    if (realms.size > 0 && result.unknownRealms.length === realms.size) return refuse(reply, 403);
    return { received: notifications.length, recorded: result.recorded };
  });
}
