// One QuickBooks company (realm): its objects by entity, id sequences, settings and request statistics.
import type { JsonObject } from '../json.js';
import type { ChangeListener, ChangeOperation } from './changes.js';

export { ENTITY_NAMES, type EntityName } from './entity-names.js';
import type { EntityName } from './entity-names.js';

export interface CompanySettings {
  name: string;
  /** False models a plan without purchase orders (Intuit answers 5020). */
  purchaseOrders: boolean;
  /** Default sales tax rate in percent ("8.25"), or null when the company has no sales tax set up. */
  salesTaxRate: string | null;
  /** CompanyInfo.Country: "US", or another country (Intuit's non-US tax model: a tax code on every line). */
  country: string;
  /** Whether two documents of one type may share a DocNumber (default false: QuickBooks refuses with 6140). */
  duplicateDocNumbers: boolean;
}

export interface RealmStats {
  requests: number;
  writes: number;
  throttled: number;
  injectedFaults: number;
  replays: number;
  byEndpoint: Record<string, number>;
  lastMinorVersion: { requested: string | null; served: number } | null;
}

export interface StoredResponse {
  status: number;
  body: string;
}

/** An invoice e-mail QuickBooks "sent" (POST /invoice/{id}/send): what a customer would have received. */
export interface SentEmail {
  invoiceId: string;
  docNumber: string | null;
  to: string;
  /** Sandbox clock, ms. */
  at: number;
}

const MAX_STORED_REQUEST_IDS = 20_000;

export class Company {
  readonly stats: RealmStats = { requests: 0, writes: 0, throttled: 0, injectedFaults: 0, replays: 0, byEndpoint: {}, lastMinorVersion: null };
  /** Per-customer sales tax rate overrides (percent text), set through the control surface. */
  readonly customerTaxRates = new Map<string, string>();
  /** Invoice e-mails sent, oldest first. */
  readonly outbox: SentEmail[] = [];
  /** Told of every Create/Update/Delete/Void/Emailed (webhooks); side effects report as Update. */
  onChange: ChangeListener | undefined;
  private readonly tables = new Map<EntityName, Map<string, JsonObject>>();
  /** Deleted ids with the time of deletion: 610 on reads, `status: "Deleted"` in CDC. */
  private readonly tombstones = new Map<EntityName, Map<string, number>>();
  private readonly listSequences = new Map<EntityName, number>();
  private transactionSequence = 0;
  private readonly docSequences = new Map<EntityName, number>();
  private readonly responses = new Map<string, StoredResponse>();

  constructor(
    readonly realmId: string,
    readonly createdAt: number,
    public settings: CompanySettings,
    private readonly now: () => number = Date.now,
  ) {}

  get(entity: EntityName, id: string): JsonObject | undefined {
    return this.tables.get(entity)?.get(id);
  }

  all(entity: EntityName): JsonObject[] {
    return [...(this.tables.get(entity)?.values() ?? [])];
  }

  count(entity: EntityName): number {
    return this.tables.get(entity)?.size ?? 0;
  }

  /**
   * Stores an object. A new Id is a Create and a new SyncToken an Update, unless the caller names the
   * operation (Void, Emailed); a store without a new SyncToken (a customer's Balance) is no change at all.
   */
  put(entity: EntityName, object: JsonObject, operation?: ChangeOperation): void {
    let table = this.tables.get(entity);
    if (!table) {
      table = new Map();
      this.tables.set(entity, table);
    }
    const id = String(object.Id);
    const previous = table.get(id);
    table.set(id, object);
    const changed = operation ?? (previous === undefined ? 'Create' : previous.SyncToken !== object.SyncToken ? 'Update' : undefined);
    if (changed) this.report(entity, id, changed);
  }

  remove(entity: EntityName, id: string): void {
    this.tables.get(entity)?.delete(id);
    let dead = this.tombstones.get(entity);
    if (!dead) {
      dead = new Map();
      this.tombstones.set(entity, dead);
    }
    dead.set(id, this.now());
    this.report(entity, id, 'Delete');
  }

  wasDeleted(entity: EntityName, id: string): boolean {
    return this.tombstones.get(entity)?.has(id) ?? false;
  }

  /** Ids deleted at or after `since` (ms), oldest first. */
  deletedSince(entity: EntityName, since: number): Array<{ id: string; at: number }> {
    const dead = this.tombstones.get(entity);
    if (!dead) return [];
    return [...dead].filter(([, at]) => at >= since).map(([id, at]) => ({ id, at })).sort((a, b) => a.at - b.at);
  }

  private report(entity: EntityName, id: string, operation: ChangeOperation): void {
    this.onChange?.({ realmId: this.realmId, entity, id, operation, at: this.now() });
  }

  /** Name lists number each entity on its own; transactions share one sequence, as in QuickBooks. */
  nextId(entity: EntityName, shared: boolean): string {
    if (shared) return String(++this.transactionSequence);
    const next = (this.listSequences.get(entity) ?? 0) + 1;
    this.listSequences.set(entity, next);
    return String(next);
  }

  /** Automatic document numbers (when the caller sends no DocNumber) start at 1001. */
  nextDocNumber(entity: EntityName): string {
    const next = (this.docSequences.get(entity) ?? 1000) + 1;
    this.docSequences.set(entity, next);
    return String(next);
  }

  storedResponse(requestId: string): StoredResponse | undefined {
    return this.responses.get(requestId);
  }

  storeResponse(requestId: string, response: StoredResponse): void {
    if (this.responses.size >= MAX_STORED_REQUEST_IDS) {
      const oldest = this.responses.keys().next().value;
      if (oldest !== undefined) this.responses.delete(oldest);
    }
    this.responses.set(requestId, response);
  }
}
