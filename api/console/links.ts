// Console links, asked for through the API: a tenant's (API key; optionally one connection and one page, a return
// URL on an origin the tenant allows, a language, embedded in an iframe) and an operator's (operator token; every
// tenant, read-only unless asked). Each link is single use and short-lived; opening it starts the session.
import { Type } from 'typebox';
import type { Repositories } from '../../db/repositories/index.js';
import { returnUrlProblem } from '../../domain/console-origins.js';
import { Refusal } from '../../domain/refusals.js';
import { connectionPages, consolePages, type ConsolePage } from './context.js';
import { locales } from './i18n/index.js';

const Page = Type.Union(consolePages.map((p) => Type.Literal(p)), { description: 'Open this page (and only it)' });
const Locale = Type.Union(locales.map((l) => Type.Literal(l)), { description: 'The console\'s language (default: the browser\'s)' });

export const ConsoleLinkBody = Type.Object({
  connectionId: Type.Optional(Type.String({ format: 'uuid', description: 'Show only this connection' })),
  page: Type.Optional(Page),
  returnUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Where "Back to the app" leads: http(s), on one of the tenant\'s consoleFrameOrigins' })),
  locale: Type.Optional(Locale),
  embedded: Type.Optional(Type.Boolean({ description: 'The link will be opened inside an iframe of one of the tenant\'s consoleFrameOrigins' })),
}, { additionalProperties: false });

export const OperatorConsoleLinkBody = Type.Object({
  write: Type.Optional(Type.Boolean({ description: 'Allow changes (default: read-only)' })),
  tenantId: Type.Optional(Type.String({ format: 'uuid', description: 'Open this tenant only' })),
  locale: Type.Optional(Locale),
}, { additionalProperties: false });

export const ConsoleLinkView = Type.Object({
  url: Type.String({ description: 'Single use; open it in a browser (or an iframe) before it expires' }),
  expiresAt: Type.String(),
});

export interface LinkDeps {
  repos: Pick<Repositories, 'connections' | 'consoleSettings' | 'consoleSessions' | 'tenants'>;
  publicUrl: string;
  ttlSeconds: number;
}

const url = (deps: LinkDeps, token: string) => `${deps.publicUrl.replace(/\/$/, '')}/console/open/${token}`;

/** Links and sessions dead for a week are deleted as new links are made (housekeeping needs no schedule of its own). */
const PURGE_AFTER_DAYS = 7;
const purge = (deps: LinkDeps) => void deps.repos.consoleSessions.purge(PURGE_AFTER_DAYS).catch(() => {});

export async function issueTenantLink(deps: LinkDeps, tenantId: string, body: {
  connectionId?: string; page?: ConsolePage; returnUrl?: string; locale?: string; embedded?: boolean;
}): Promise<{ url: string; expiresAt: string }> {
  if (body.connectionId && !(await deps.repos.connections.findForTenant(tenantId, body.connectionId))) {
    throw new Refusal('not_found', `No connection ${body.connectionId} for this tenant`, [{ field: 'body/connectionId', message: 'is not a connection of this tenant' }]);
  }
  if (body.page && connectionPages.includes(body.page) && !body.connectionId) {
    throw new Refusal('invalid', `The ${body.page} page is about one connection: give its connectionId`, [{ field: 'body/connectionId', message: `is needed for the ${body.page} page` }]);
  }
  if (body.returnUrl) {
    const problem = returnUrlProblem(body.returnUrl, await deps.repos.consoleSettings.frameOrigins(tenantId));
    if (problem) throw new Refusal('invalid', `The returnUrl ${problem}`, [{ field: 'body/returnUrl', message: problem }]);
  }
  const { token, expiresAt } = await deps.repos.consoleSessions.issueLink({
    tenantId, connectionId: body.connectionId ?? null, page: body.page ?? null, operator: false, canWrite: true,
    locale: body.locale ?? null, returnUrl: body.returnUrl ?? null, embedded: body.embedded ?? false,
  }, deps.ttlSeconds);
  purge(deps);
  return { url: url(deps, token), expiresAt: expiresAt.toISOString() };
}

export async function issueOperatorLink(deps: LinkDeps, body: { write?: boolean; tenantId?: string; locale?: string }): Promise<{ url: string; expiresAt: string }> {
  if (body.tenantId && !(await deps.repos.tenants.findById(body.tenantId))) {
    throw new Refusal('not_found', `No tenant ${body.tenantId}`, [{ field: 'body/tenantId', message: 'is not a tenant' }]);
  }
  const { token, expiresAt } = await deps.repos.consoleSessions.issueLink({
    tenantId: body.tenantId ?? null, connectionId: null, page: null, operator: true, canWrite: body.write ?? false,
    locale: body.locale ?? null, returnUrl: null, embedded: false,
  }, deps.ttlSeconds);
  return { url: url(deps, token), expiresAt: expiresAt.toISOString() };
}
