// The sandbox's own control surface (not Intuit's): inspect companies, arm faults, move the clock, expire or
// revoke tokens, act as the bookkeeper, configure webhooks. Used programmatically by tests and over HTTP.
import { createEntity } from '../api/operations.js';
import { ENTITY_NAMES, type Company, type EntityName } from '../company/company.js';
import { normalizeRate, type CompanyOptions } from '../company/registry.js';
import { changePreferences, PREFERENCES_ID, WEEKDAYS, type Weekday } from '../entities/preferences.js';
import type { CommitFailureSpec, FailureSpec } from '../fault-injection.js';
import { clone, isObject, type JsonObject } from '../json.js';
import type { TokenSet } from '../oauth/store.js';
import type { SandboxState } from '../state.js';
import { intuitTime } from '../time.js';
import { createBookkeeper, defFromPath } from './bookkeeper.js';
import { ControlError } from './errors.js';
import { createWebhookControl } from './webhooks.js';

export { ControlError } from './errors.js';

export interface CompanySummary {
  realmId: string;
  name: string;
  createdAt: string;
  settings: { purchaseOrders: boolean; salesTaxRate: string | null; country: string; duplicateDocNumbers: boolean; timeTracking: boolean; workWeekStart: string };
  customerTaxRates: Record<string, string>;
  counts: Record<string, number>;
  stats: Company['stats'];
  connections: { grants: number; activeGrants: number; liveAccessTokens: number };
}

export interface CompanySettingsPatch {
  name?: string;
  purchaseOrders?: boolean;
  /** Whether two documents of one type may share a DocNumber (else 6140). */
  duplicateDocNumbers?: boolean;
  salesTaxRate?: string | number | null;
  /** Time tracking on or off (Preferences TimeTrackingPrefs.UseServices). */
  timeTracking?: boolean;
  /** First day of the work week (TimeTrackingPrefs.WorkWeekStartDate), e.g. "Monday". */
  workWeekStart?: Weekday;
}

/** An e-mail QuickBooks sent for an invoice, as the inspection route lists it. */
export interface SentEmailView {
  realmId: string;
  invoiceId: string;
  docNumber: string | null;
  to: string;
  time: string;
}

function timeTrackingPrefs(company: Company): JsonObject {
  const block = company.get('Preferences', PREFERENCES_ID)?.TimeTrackingPrefs;
  return isObject(block) ? block : {};
}

function summarize(state: SandboxState, company: Company): CompanySummary {
  return {
    realmId: company.realmId,
    name: company.settings.name,
    createdAt: intuitTime(company.createdAt),
    settings: {
      purchaseOrders: company.settings.purchaseOrders,
      salesTaxRate: company.settings.salesTaxRate,
      country: company.settings.country,
      duplicateDocNumbers: company.settings.duplicateDocNumbers,
      timeTracking: timeTrackingPrefs(company).UseServices !== false,
      workWeekStart: String(timeTrackingPrefs(company).WorkWeekStartDate ?? 'Monday'),
    },
    customerTaxRates: Object.fromEntries(company.customerTaxRates),
    counts: Object.fromEntries(ENTITY_NAMES.map((name) => [name, company.count(name)])),
    stats: structuredClone(company.stats),
    connections: state.oauth.summary(company.realmId),
  };
}

function entityFromPath(path: string): EntityName | undefined {
  return defFromPath(path)?.name;
}

/** Settings that live in Preferences change as the bookkeeper would change them: a new SyncToken and a webhook. */
function preferenceChanges(company: Company, patch: CompanySettingsPatch): Record<string, JsonObject> {
  const changes: Record<string, JsonObject> = {};
  const time: JsonObject = {};
  if (patch.timeTracking !== undefined) {
    if (typeof patch.timeTracking !== 'boolean') throw new Error('timeTracking must be true or false');
    time.UseServices = patch.timeTracking;
  }
  if (patch.workWeekStart !== undefined) {
    if (!(WEEKDAYS as readonly string[]).includes(patch.workWeekStart)) throw new Error(`workWeekStart must be one of ${WEEKDAYS.join(', ')}`);
    time.WorkWeekStartDate = patch.workWeekStart;
  }
  if (Object.keys(time).length > 0) changes.TimeTrackingPrefs = time;
  const usingSalesTax = company.settings.salesTaxRate !== null;
  const taxPrefs = company.get('Preferences', PREFERENCES_ID)?.TaxPrefs;
  if (isObject(taxPrefs) && taxPrefs.UsingSalesTax !== usingSalesTax) changes.TaxPrefs = { UsingSalesTax: usingSalesTax };
  return changes;
}

export function createControl(state: SandboxState) {
  const company = (realmId: string): Company => {
    const found = state.companies.get(realmId);
    if (!found) throw new ControlError(`no company with realm ${realmId}`);
    return found;
  };
  return {
    companies: {
      create: (options: CompanyOptions = {}): CompanySummary => summarize(state, state.companies.create(options)),
      list: (): CompanySummary[] => state.companies.list().map((c) => summarize(state, c)),
      get: (realmId: string): CompanySummary | undefined => {
        const found = state.companies.get(realmId);
        return found ? summarize(state, found) : undefined;
      },
      /** All objects of one entity (inactive ones too), e.g. invoices with lines, TotalAmt and Balance. */
      objects: (realmId: string, entity: string): JsonObject[] => {
        const name = entityFromPath(entity);
        if (!name) throw new ControlError(`unknown entity ${entity}`);
        return company(realmId).all(name).map((o) => clone(o));
      },
      configure: (realmId: string, patch: CompanySettingsPatch): CompanySummary => {
        const found = company(realmId);
        const previous = found.settings;
        found.settings = {
          name: patch.name ?? found.settings.name,
          purchaseOrders: patch.purchaseOrders ?? found.settings.purchaseOrders,
          salesTaxRate: patch.salesTaxRate === undefined ? found.settings.salesTaxRate : normalizeRate(patch.salesTaxRate),
          country: found.settings.country,
          duplicateDocNumbers: patch.duplicateDocNumbers ?? found.settings.duplicateDocNumbers,
        };
        try {
          const changes = preferenceChanges(found, patch);
          if (Object.keys(changes).length > 0) changePreferences({ company: found, now: state.clock.now() }, changes);
        } catch (error) {
          found.settings = previous;
          throw error;
        }
        return summarize(state, found);
      },
      /** Invoice e-mails QuickBooks sent for the realm, oldest first. */
      emails: (realmId: string): SentEmailView[] =>
        company(realmId).outbox.map((e) => ({ realmId, invoiceId: e.invoiceId, docNumber: e.docNumber, to: e.to, time: intuitTime(e.at) })),
      /** A customer's own sales tax rate in percent (null: back to the company default). */
      setCustomerTaxRate: (realmId: string, customerId: string, rate: string | number | null): void => {
        const found = company(realmId);
        if (!found.get('Customer', customerId)) throw new ControlError(`no customer ${customerId} in realm ${realmId}`);
        const normalized = normalizeRate(rate);
        if (normalized === null) found.customerTaxRates.delete(customerId);
        else found.customerTaxRates.set(customerId, normalized);
      },
      /**
       * Creates an object by the same rules as `POST /{entity}` (validation, ids, balances) but without a request:
       * no token, no throttle, no statistics. For seeding large companies in tests and benchmarks.
       */
      insert: (realmId: string, entity: string, body: JsonObject): JsonObject => {
        const def = defFromPath(entity);
        if (!def) throw new ControlError(`unknown entity ${entity}`);
        return createEntity({ company: company(realmId), now: state.clock.now() }, def, body);
      },
      /** The live company object (direct access for tests). */
      raw: (realmId: string): Company | undefined => state.companies.get(realmId),
    },
    tokens: {
      /** Starts a grant for the realm without the consent flow, as a connected app would hold. */
      issue: (realmId: string, options: { includeHardExpiry?: boolean } = {}): TokenSet => {
        company(realmId);
        return state.oauth.newGrant(state.options.clientId, realmId, options.includeHardExpiry ?? false);
      },
      expireAccessTokens: (realmId: string): number => state.oauth.expireAccessTokens(realmId),
      /** As if the user disconnected the app in QuickBooks: refresh tokens get invalid_grant, calls 401. */
      revokeRealm: (realmId: string): number => state.oauth.revokeRealm(realmId),
      /** What the token endpoint did for the realm: code exchanges, refreshes, grace replays, invalid_grant. */
      stats: (realmId: string) => state.oauth.summary(realmId).tokenEndpoint,
      /** Answer token requests this much later (the refresh still happens at once): a slow or lost answer. */
      delayResponses: (ms: number): void => {
        state.oauth.responseDelayMs = ms;
      },
    },
    faults: {
      failNext: (spec: FailureSpec): string => state.faults.failNext(spec),
      commitThenFail: (spec: CommitFailureSpec): string => state.faults.commitThenFail(spec),
      list: () => state.faults.list(),
      clear: (id?: string): void => state.faults.clear(id),
    },
    bookkeeper: createBookkeeper(state),
    webhooks: createWebhookControl(state.webhooks),
    clock: state.clock,
    reset(): void {
      state.webhooks.reset();
      state.companies.clear();
      state.oauth.clear();
      state.faults.clear();
      state.limiter.reset();
      state.clock.advance(-state.clock.offsetMs);
    },
  };
}

export type SandboxControl = ReturnType<typeof createControl>;
