// Console links for a tenant's people: the upstream app asks for one (API key) and sends its admin there.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_LIFETIMES } from '../../console/index.js';
import { ConsoleLinkBody, ConsoleLinkView, issueTenantLink } from '../../console/links.js';
import { problems } from '../../schemas.js';

export default async function consoleLinkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, config } = app.deps;

  app.post('/v1/console/sessions', {
    config: { carriesSecret: true }, // the link is a credential until it is opened
    schema: {
      operationId: 'createConsoleSession',
      tags: ['console'],
      summary: 'A single-use link to the console (10 minutes), optionally for one connection and one page',
      description: 'Send the person to `url` (or open it in an iframe of an allowed origin with `embedded: true`). The first opening starts a session (cookie, 30 minutes idle, 8 hours at most); a second opening is refused.',
      body: ConsoleLinkBody,
      response: { 201: ConsoleLinkView, ...problems(400, 401, 404) },
    },
  }, async (request, reply) => {
    const link = await issueTenantLink({ repos, publicUrl: config.publicUrl, ttlSeconds: CONSOLE_LIFETIMES.linkSeconds }, request.tenant!.id, request.body);
    return reply.code(201).send(link);
  });
}
