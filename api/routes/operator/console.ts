// Console links for operators: every tenant and connection with its health, read-only unless asked otherwise.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_LIFETIMES } from '../../console/index.js';
import { ConsoleLinkView, issueOperatorLink, OperatorConsoleLinkBody } from '../../console/links.js';
import { problems } from '../../schemas.js';

export default async function operatorConsoleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos, config } = app.deps;

  app.post('/v1/operator/console/sessions', {
    config: { carriesSecret: true }, // the link is a credential until it is opened
    schema: {
      operationId: 'createOperatorConsoleSession',
      tags: ['console'], summary: 'A single-use link to the console over all tenants (operator token); read-only unless write is true',
      body: OperatorConsoleLinkBody, response: { 201: ConsoleLinkView, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const link = await issueOperatorLink({ repos, publicUrl: config.publicUrl, ttlSeconds: CONSOLE_LIFETIMES.linkSeconds }, request.body);
    return reply.code(201).send(link);
  });
}
