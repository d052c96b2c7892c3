// The OAuth 2.0 callback Intuit redirects to. The state is single-use and bound to one tenant and connection,
// so a forged or replayed callback changes nothing.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { badRequest, conflict } from '../../errors.js';
import { problems } from '../../schemas.js';
import { InvalidGrantError } from '../../../quickbooks/errors.js';

const CallbackQuery = Type.Object({
  state: Type.String({ minLength: 1, maxLength: 200 }),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  realmId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 1000 })),
});

export default async function oauthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, oauth, config } = app.deps;

  app.get('/v1/oauth/callback', {
    schema: {
      operationId: 'completeAuthorization',
      security: [], // the signed single-use state is the credential
      tags: ['connections'], summary: 'Where Intuit sends the user back after they authorise (not called by apps)',
      querystring: CallbackQuery,
      response: { 200: Type.String({ description: 'A page telling the person the company is connected' }), ...problems(400, 409, 502) },
    },
  }, async (request, reply) => {
    const { state, code, realmId, error } = request.query;
    const bound = await repos.oauthStates.consume(state);
    if (!bound) throw badRequest('This authorisation link is unknown, expired or already used; start connecting again');
    if (error || !code || !realmId) throw badRequest(`QuickBooks did not authorise the connection (${error ?? 'no code was returned'})`);

    const connection = await repos.connections.findForTenant(bound.tenantId, bound.connectionId);
    if (!connection) throw badRequest('The connection this authorisation was for no longer exists');
    if (connection.realmId && connection.realmId !== realmId) {
      throw conflict(`This connection belongs to QuickBooks company ${connection.realmId}; company ${realmId} cannot replace it. Create a new connection for that company.`);
    }
    const callbackUrl = `${config.publicUrl}${request.url}`;
    let exchanged;
    try {
      exchanged = await oauth.exchangeCode(callbackUrl);
    } catch (cause) {
      if (cause instanceof InvalidGrantError) throw badRequest('Intuit refused this authorisation code (it may have been used already); start connecting again');
      throw cause;
    }
    await repos.transaction(async (tx) => {
      await repos.tokens.save(connection.id, exchanged.tokens, tx);
      await repos.connections.markConnected(connection.id, exchanged.realmId, tx);
    });
    // From here on the connection's lifecycle workflow keeps the tokens fresh (a reconnection wakes it).
    await app.deps.control.lifecycle.tokensStored(connection);
    request.log.info({ connectionId: connection.id, realmId: exchanged.realmId }, 'QuickBooks Online connected');
    return reply.type('text/html; charset=utf-8').send(
      `<!doctype html><title>Connected</title><h1>QuickBooks is connected</h1><p>Company ${escapeHtml(exchanged.realmId)} is now linked to "${escapeHtml(connection.name)}". You can close this window.</p>`,
    );
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
