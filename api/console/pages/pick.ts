// The picker's look-ups: the same search the API's /quickbooks/:kind route answers (first 100 matches by name),
// with the reason in words when QuickBooks cannot be asked. Also the route htmx calls as people type. `people`
// searches the employees, vendors and other names of the last lists import instead (a time tracker's people).
import type { FastifyInstance } from 'fastify';
import type { Control } from '../../../control/index.js';
import type { Connection } from '../../../db/repositories/core/connections.js';
import type { TimePersonKind } from '../../../db/schema/index.js';
import { Refusal } from '../../../domain/refusals.js';
import type { LookupEntry } from '../../../quickbooks/ledger/index.js';
import { LookupKindSchema, LookupSearch } from '../../routes/tenant/quickbooks/index.js';
import { contextOf } from '../context.js';
import type { Translator } from '../i18n/index.js';
import { checkBody } from '../../validation.js';
import { pickerResults, type PickList } from '../views/picker.js';
import { sendHtml } from './respond.js';

/** A person's picker value: which list and the id in it (the API's person body says both). */
export const personValue = (kind: TimePersonKind, quickbooksId: string) => `${kind}:${quickbooksId}`;

/** Matches, or why there are none: QuickBooks unreachable, Online not authorised, a search that is not valid. */
export async function lookup(t: Translator, control: Control, connection: Connection, list: PickList, search: string): Promise<LookupEntry[] | { error: string }> {
  const q = search.trim();
  if (q && checkBody(LookupSearch, q).length > 0) return { error: t.t('validation.maxLength', { limit: 100 }) };
  try {
    if (list === 'people') {
      return (await control.timesheets.findPeople(connection, q || undefined)).map(({ kind, record }) => ({
        id: personValue(kind, record.quickbooksId), name: record.fullName, type: t.t(`people.kind.${kind}`), active: record.active,
      }));
    }
    return await control.mappings.lookup(connection, list, q || undefined);
  } catch (error) {
    if (error instanceof Refusal || error instanceof Error) return { error: error.message };
    throw error;
  }
}

export default async function pickRoutes(app: FastifyInstance) {
  app.get<{ Params: { tenantId: string; connectionId: string; list: string }; Querystring: { q?: string; field?: string; current?: string } }>(
    '/console/t/:tenantId/c/:connectionId/pick/:list',
    { config: { console: { page: ['settings', 'mappings'] } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const list = request.params.list as PickList;
      if (list !== 'people' && checkBody(LookupKindSchema, list).length > 0) return reply.code(404).send('');
      const field = /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(request.query.field ?? '') ? request.query.field! : 'quickbooksId';
      const results = await lookup(ctx.t, app.deps.control, ctx.connection!, list, request.query.q ?? '');
      return sendHtml(reply, pickerResults(ctx, field, results, request.query.current));
    },
  );
}
