// What every console page is rendered with: the session, the reader's language, the tenant and connection the URL
// names (checked against what the session may see), and where pages and assets live.
import type { FastifyRequest } from 'fastify';
import type { Connection } from '../../db/repositories/core/connections.js';
import type { Tenant } from '../../db/repositories/core/tenants.js';
import type { ConsoleSessionRow } from '../../db/repositories/console/sessions.js';
import type { ConsoleAssets } from './assets.js';
import type { Translator } from './i18n/index.js';

export const consolePages = ['connections', 'connect', 'settings', 'mappings', 'billing', 'activity', 'status', 'webhooks'] as const;
export type ConsolePage = (typeof consolePages)[number];

/** Pages about one connection (their URLs carry it). */
export const connectionPages: readonly ConsolePage[] = ['settings', 'mappings', 'billing', 'activity', 'status'];

export interface ConsoleContext {
  session: ConsoleSessionRow;
  t: Translator;
  assets: ConsoleAssets;
  /** The tenant the URL names (absent on the operator's tenant list). */
  tenant?: Tenant;
  /** The connection the URL names, when it names one. */
  connection?: Connection;
  csrf: string;
  canWrite: boolean;
  /** The page this route belongs to (for the navigation). */
  page: ConsolePage | 'operator' | undefined;
  idleMinutes: number;
}

/** Route options: which page a route belongs to (a link scoped to a page opens only its routes), or public. */
export interface ConsoleRouteConfig {
  page?: ConsolePage | ConsolePage[] | 'operator';
  public?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleContext: ConsoleContext | null;
    /** Origins allowed to frame this answer (the session tenant's), computed once the session is known. */
    consoleFrameOrigins: string[];
  }
  interface FastifyContextConfig {
    console?: ConsoleRouteConfig;
  }
}

export function contextOf(request: FastifyRequest): ConsoleContext {
  if (!request.consoleContext) throw new Error(`${request.routeOptions.url} has no console session`);
  return request.consoleContext;
}

export const tenantBase = (tenantId: string) => `/console/t/${tenantId}`;
export const connectionBase = (tenantId: string, connectionId: string) => `/console/t/${tenantId}/c/${connectionId}`;

/** The tenant the URL names; pages under /console/t/:tenantId always have one. */
export function tenantOf(ctx: ConsoleContext): Tenant {
  if (!ctx.tenant) throw new Error('no tenant on this console route');
  return ctx.tenant;
}

export function connectionOfContext(ctx: ConsoleContext): Connection {
  if (!ctx.connection) throw new Error('no connection on this console route');
  return ctx.connection;
}
