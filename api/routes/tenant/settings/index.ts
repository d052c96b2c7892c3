// Connection settings: who may send, which documents, item matching, default accounts, tax.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SettingsSchema } from '../../../../domain/settings.js';
import { ConnectionParams, problems } from '../../../schemas.js';
import { connectionOf } from '../connection.js';

export default async function settingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { settings } = app.deps.control;

  app.get('/v1/connections/:id/settings', {
    schema: { operationId: 'getSettings', tags: ['settings'], summary: 'Read the settings (defaults until saved)', params: ConnectionParams, response: { 200: SettingsSchema, ...problems(401, 404) } },
  }, async (request) => settings.read(connectionOf(request).id));

  app.put('/v1/connections/:id/settings', {
    schema: { operationId: 'replaceSettings', tags: ['settings'], summary: 'Replace the settings', params: ConnectionParams, body: SettingsSchema, response: { 200: SettingsSchema, ...problems(400, 401, 404, 422) } },
  }, async (request) => settings.save(connectionOf(request).id, request.body));
}
