// Routes company changes to the apps that hear of them: one endpoint per app (client id), and only for realms the
// app is connected to, as Intuit notifies only companies authorized through OAuth. Keeps deliveries for inspection.
import { randomUUID } from 'node:crypto';
import type { ChangeListener } from '../company/changes.js';
import { EndpointDispatcher } from './dispatcher.js';
import { WebhookFaultMode } from './faults.js';
import type { OpenRequests } from './post.js';
import { WEBHOOK_FORMATS, type Delivery, type EndpointConfig, type WebhookFormat } from './types.js';

/** An endpoint as the control surface and the options take it; absent fields take the defaults. */
export interface EndpointInput {
  /** The app (OAuth client) the endpoint belongs to; default the sandbox's client. */
  clientId?: string;
  url: string;
  verifierToken: string;
  /** Default `cloudevents`: Intuit made the CloudEvents format mandatory from 15 May 2026. */
  format?: WebhookFormat;
  entities?: string[] | null;
  batchWindowMs?: number;
}

export interface WebhookTiming {
  batchWindowMs: number;
  retryScale: number;
  timeoutMs: number;
}

export interface HubDeps {
  defaultClientId: string;
  isConnected(clientId: string, realmId: string): boolean;
}

const MAX_KEPT_DELIVERIES = 10_000;

export class WebhookHub {
  readonly faults = new WebhookFaultMode();
  private readonly dispatchers = new Map<string, EndpointDispatcher>();
  private readonly kept: Delivery[] = [];
  private readonly open: OpenRequests = new Set();

  constructor(
    private readonly timing: WebhookTiming,
    private readonly deps: HubDeps,
    private readonly initial?: EndpointInput,
  ) {
    if (initial) this.configure(initial);
  }

  /** Sets (or replaces) an app's endpoint; deliveries already waiting go to the new URL. */
  configure(input: EndpointInput): EndpointConfig {
    const config = this.validated(input);
    const existing = this.dispatchers.get(config.clientId);
    if (existing) existing.config = config;
    else {
      this.dispatchers.set(
        config.clientId,
        new EndpointDispatcher(config, { faults: this.faults, record: (d) => this.keep(d), retryScale: this.timing.retryScale, timeoutMs: this.timing.timeoutMs, open: this.open }),
      );
    }
    return { ...config };
  }

  /** Removes one app's endpoint (or all); what was waiting is abandoned. */
  remove(clientId?: string): number {
    const ids = clientId === undefined ? [...this.dispatchers.keys()] : [clientId];
    let removed = 0;
    for (const id of ids) {
      const dispatcher = this.dispatchers.get(id);
      if (!dispatcher) continue;
      dispatcher.stop();
      this.dispatchers.delete(id);
      removed += 1;
    }
    return removed;
  }

  endpoints(): EndpointConfig[] {
    return [...this.dispatchers.values()].map((d) => ({ ...d.config }));
  }

  /** The company change listener. */
  readonly onChange: ChangeListener = (change) => {
    for (const dispatcher of this.dispatchers.values()) {
      const { clientId, entities } = dispatcher.config;
      if (entities && !entities.includes(change.entity.toLowerCase())) continue;
      if (!this.deps.isConnected(clientId, change.realmId)) continue;
      dispatcher.add({ eventId: randomUUID(), realmId: change.realmId, entity: change.entity, id: change.id, operation: change.operation, at: change.at });
    }
  };

  /** Deliveries, oldest first; optionally of one app or touching one realm. */
  deliveries(filter: { clientId?: string; realmId?: string } = {}): Delivery[] {
    return this.kept
      .filter((d) => (filter.clientId === undefined || d.clientId === filter.clientId) && (filter.realmId === undefined || d.events.some((e) => e.realmId === filter.realmId)))
      .map((d) => structuredClone(d));
  }

  /** Sends every gathering batch now and runs waiting retries now. */
  flush(): void {
    for (const dispatcher of this.dispatchers.values()) dispatcher.flush();
  }

  idle(): boolean {
    return [...this.dispatchers.values()].every((d) => d.idle());
  }

  /** Back to the options' endpoint, nothing kept, no faults. */
  reset(): void {
    this.remove();
    this.kept.length = 0;
    this.faults.clear();
    if (this.initial) this.configure(this.initial);
  }

  close(): void {
    this.remove();
    for (const request of this.open) request.destroy();
    this.open.clear();
  }

  private keep(delivery: Delivery): void {
    this.kept.push(delivery);
    if (this.kept.length > MAX_KEPT_DELIVERIES) this.kept.shift();
  }

  private validated(input: EndpointInput): EndpointConfig {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new Error(`webhook url ${JSON.stringify(input.url)} is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('webhook url must be http or https');
    if (typeof input.verifierToken !== 'string' || input.verifierToken === '') throw new Error('verifierToken is required');
    const format = input.format ?? 'cloudevents';
    if (!WEBHOOK_FORMATS.includes(format)) throw new Error(`format must be one of ${WEBHOOK_FORMATS.join(', ')}`);
    if (input.entities !== undefined && input.entities !== null && !(Array.isArray(input.entities) && input.entities.every((e) => typeof e === 'string'))) {
      throw new Error('entities must be a list of entity names');
    }
    const batchWindowMs = input.batchWindowMs ?? this.timing.batchWindowMs;
    if (!Number.isFinite(batchWindowMs) || batchWindowMs < 0) throw new Error('batchWindowMs must be a number of milliseconds');
    return {
      clientId: input.clientId ?? this.deps.defaultClientId,
      url: url.toString(),
      verifierToken: input.verifierToken,
      format,
      entities: input.entities ? input.entities.map((e) => e.toLowerCase()) : null,
      batchWindowMs,
    };
  }
}
