// One app's delivery line: events gather for a batch window, leave as one signed POST, one delivery at a time
// and in order; a failed delivery is retried on Intuit's schedule and holds every later one until it succeeds.
import { randomUUID } from 'node:crypto';
import type { WebhookFaultMode } from './faults.js';
import { renderPayload } from './payload.js';
import { postOnce, type OpenRequests } from './post.js';
import { retryDelayMs } from './schedule.js';
import { intuitSignature } from './signature.js';
import type { Delivery, EndpointConfig, WebhookEvent } from './types.js';

export interface DispatcherDeps {
  faults: WebhookFaultMode;
  /** Every delivery is recorded here when it is created (inspection). */
  record(delivery: Delivery): void;
  retryScale: number;
  timeoutMs: number;
  open: OpenRequests;
}

function headers(delivery: Delivery): Record<string, string> {
  const common: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    accept: 'application/json',
    'user-agent': 'intuit_notification_server/0.1',
    'intuit-signature': delivery.signature,
    'intuit-t-id': randomUUID(),
    'intuit-created-time': delivery.createdAt,
  };
  // The schema-version header is in Intuit's sample of a legacy notification.
  return delivery.format === 'legacy' ? { ...common, 'intuit-notification-schema-version': '0.1' } : common;
}

export class EndpointDispatcher {
  private gathering: WebhookEvent[] = [];
  private windowTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly line: Delivery[] = [];
  private inFlight = false;
  private stopped = false;

  constructor(
    public config: EndpointConfig,
    private readonly deps: DispatcherDeps,
  ) {}

  add(event: WebhookEvent): void {
    if (this.stopped) return;
    this.gathering.push(event);
    this.windowTimer ??= setTimeout(() => this.cut(), this.config.batchWindowMs);
  }

  /** Sends what is gathering now and runs a waiting retry at once (tests with long schedules). */
  flush(): void {
    this.cut();
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.pump();
    }
  }

  /** Nothing gathering, waiting or in flight. */
  idle(): boolean {
    return this.gathering.length === 0 && this.line.length === 0 && !this.inFlight;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.windowTimer);
    clearTimeout(this.retryTimer);
    for (const delivery of this.line) delivery.state = 'abandoned';
    this.line.length = 0;
    this.gathering = [];
  }

  private cut(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    if (this.gathering.length === 0) return;
    const events = this.deps.faults.reorder ? [...this.gathering].reverse() : this.gathering;
    this.gathering = [];
    const body = renderPayload(this.config.format, events, this.config.clientId);
    const delivery: Delivery = {
      id: randomUUID(),
      clientId: this.config.clientId,
      url: this.config.url,
      format: this.config.format,
      state: 'queued',
      events,
      body,
      signature: intuitSignature(body, this.config.verifierToken),
      attempts: [],
      duplicateOf: null,
      createdAt: new Date().toISOString(),
      nextAttemptAt: null,
    };
    this.deps.record(delivery);
    this.line.push(delivery);
    this.pump();
  }

  private pump(): void {
    if (this.stopped || this.inFlight || this.retryTimer) return;
    const [first, second] = this.line;
    if (first && second && first.attempts.length === 0 && second.attempts.length === 0 && this.deps.faults.reorder) {
      this.line[0] = second;
      this.line[1] = first;
    }
    const head = this.line[0];
    if (!head) return;
    if (head.attempts.length === 0 && head.duplicateOf === null && this.deps.faults.takeDrop()) {
      head.state = 'dropped';
      this.line.shift();
      this.pump();
      return;
    }
    this.inFlight = true;
    head.state = 'sending';
    head.nextAttemptAt = null;
    void this.attempt(head).then((ok) => {
      this.inFlight = false;
      if (this.stopped) return;
      if (ok) this.delivered(head);
      else this.scheduleRetry(head);
      this.pump();
    });
  }

  private async attempt(delivery: Delivery): Promise<boolean> {
    const at = new Date().toISOString();
    // The endpoint may have been changed on the portal since the delivery was made: Intuit sends to the current one.
    delivery.url = this.config.url;
    const result = await postOnce(this.config.url, delivery.body, headers(delivery), this.deps.timeoutMs, this.deps.open);
    delivery.attempts.push({ at, status: result.status, error: result.error, durationMs: result.durationMs });
    // Intuit asks for a 200; any 2xx is taken as the acknowledgement.
    return result.status !== null && result.status >= 200 && result.status < 300;
  }

  private delivered(delivery: Delivery): void {
    delivery.state = 'delivered';
    this.line.shift();
    if (delivery.duplicateOf === null && this.deps.faults.takeDuplicate()) {
      const copy: Delivery = { ...delivery, id: randomUUID(), state: 'queued', attempts: [], duplicateOf: delivery.id, createdAt: new Date().toISOString() };
      this.deps.record(copy);
      this.line.unshift(copy);
    }
  }

  private scheduleRetry(delivery: Delivery): void {
    const wait = retryDelayMs(delivery.attempts.length, this.deps.retryScale);
    delivery.state = 'retrying';
    delivery.nextAttemptAt = new Date(Date.now() + wait).toISOString();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.pump();
    }, wait);
  }
}
