// Order send: customer, vendor, items, invoice, bill and/or purchase order, payments, each an idempotent step.
import {
  condition,
  defineQuery,
  defineSignal,
  patched,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { LedgerRef, LedgerStep } from '../quickbooks/ledger/index.js';
import { buildInvoiceDraft, buildPaymentDrafts, buildPurchaseDraft, type ResolvedParties } from '../domain/drafts.js';
import { formatCents } from '../domain/money.js';
import type { Order, Party } from '../domain/order.js';
import { ledgerSteps, type LedgerSteps } from './ledger-steps.js';
import { localDatabaseStep, localDesktopStep, localNotificationStep, localQuickBooksCall } from './presets.js';
import { failureCode, failureType, plainMessage } from './failures.js';
import { Outcome } from '../control/search-attributes.js';
import { connectionRestored } from './signals.js';

export interface SendOrderArgs {
  tenantId: string;
  connectionId: string;
  orderId: string;
  /** While QuickBooks needs re-authorisation, re-check this often (besides being woken on reconnection). */
  pausedWorkCheckSeconds?: number;
}

export interface OrderSubmission {
  revision: number;
  order: Order;
}

export type StepState = 'pending' | 'running' | 'waiting' | 'paused' | 'done' | 'failed' | 'skipped';

export interface StepStatus {
  step: string;
  state: StepState;
  quickbooksId?: string;
  /** created, updated, unchanged, adopted: what the step did in QuickBooks. */
  action?: string;
  detail?: string;
  /** Posted, but something a bookkeeper should check (e.g. QuickBooks' tax differs from the order's). */
  warning?: string;
  error?: string;
}

export type OrderOutcome = 'running' | 'posted' | 'partially_posted' | 'failed';

export interface OrderStatus {
  orderId: string;
  revision: number;
  outcome: OrderOutcome;
  steps: StepStatus[];
}

export const submitOrder = defineSignal<[OrderSubmission]>('submitOrder');
export const orderStatus = defineQuery<OrderStatus>('orderStatus');

// local activities: the steps run in this worker, without a round trip through the Temporal server each (presets.ts)
const db = proxyLocalActivities<Activities>(localDatabaseStep);
const qbOnline = proxyLocalActivities<Activities>(localQuickBooksCall);
const qbDesktop = proxyLocalActivities<Activities>(localDesktopStep);
const notify = proxyLocalActivities<Activities>(localNotificationStep);
/** Patch id: the order's mappings come with its context (histories from before run a step for each). */
const MAPPINGS_WITH_CONTEXT = 'order-mappings-with-context';

/** Sends an order to QuickBooks, then any newer revision that arrived meanwhile; returns what each step did. */
export async function sendOrder(args: SendOrderArgs): Promise<OrderStatus> {
  let next: OrderSubmission | undefined;
  let highest = 0;
  let status: OrderStatus = { orderId: args.orderId, revision: 0, outcome: 'running', steps: [] };
  let restored = false;
  /**
   * Waits until the connection is authorised again (woken by the lifecycle workflow, or by re-checking); false if
   * it was disconnected or removed meanwhile, when there is nothing left to wait for.
   */
  const untilReconnected = async (): Promise<boolean> => {
    for (;;) {
      await condition(() => restored, `${args.pausedWorkCheckSeconds ?? 300} seconds`);
      restored = false;
      const connection = await db.connectionStatus(args.connectionId);
      if (connection === 'connected' || connection === 'expiring') return true;
      if (connection === 'disconnected' || connection === 'removed') return false;
    }
  };
  setHandler(submitOrder, (submission) => {
    if (submission.revision < highest) return; // an older revision never overwrites a newer one
    highest = submission.revision;
    next = submission;
  });
  setHandler(orderStatus, () => status);
  const steps = ledgerSteps();
  setHandler(connectionRestored, () => {
    restored = true;
  });

  await condition(() => next !== undefined);
  while (next) {
    const current: OrderSubmission = next;
    next = undefined;
    status = { orderId: args.orderId, revision: current.revision, outcome: 'running', steps: plannedSteps(current.order) };
    const notifies = await sendRevision(args.connectionId, current, status, untilReconnected, steps);
    status.outcome = outcomeOf(status.steps);
    if (notifies) await notify.publishEvents(args.tenantId, documentEvents(args, status));
  }
  upsertSearchAttributes([{ key: Outcome, value: status.outcome }]);
  return status;
}

/** Posts one revision, updating `status` as it goes; returns whether the tenant wants document events. */
async function sendRevision(connectionId: string, { order, revision }: OrderSubmission, status: OrderStatus, untilReconnected: () => Promise<boolean>, steps: LedgerSteps): Promise<boolean> {
  const step = (name: string) => status.steps.find((s) => s.step === name)!;
  /** Re-runs work that failed only because QuickBooks needs re-authorisation, once someone has reconnected it. */
  const pausable = async <T>(work: () => Promise<T>, shown: StepStatus): Promise<T> => {
    for (;;) {
      try {
        const result = await work();
        delete shown.error;
        return result;
      } catch (error) {
        if (failureType(error) !== 'NeedsReauthorization') throw error;
        Object.assign(shown, { state: 'paused', error: `${plainMessage(error)}. The order continues once QuickBooks is reconnected.` });
        if (!(await untilReconnected())) throw error;
        shown.state = 'running';
      }
    }
  };
  /** A step that talks to QuickBooks: waits (visibly, holding nothing) while its ledger answers later. */
  const run = async <T>(name: string, work: () => Promise<LedgerStep<T>>, describe: (result: T) => Partial<StepStatus>): Promise<T | undefined> => {
    const s = step(name);
    s.state = 'running';
    try {
      const result = await pausable(() => steps.untilDone(work, s), s);
      Object.assign(s, { state: 'done' }, describe(result));
      return result;
    } catch (error) {
      s.state = 'failed';
      s.error = plainMessage(error);
      await db.recordSyncError(connectionId, name, order.orderId, failureCode(error), s.error);
      return undefined;
    }
  };
  const skipAfter = (names: string[], reason: string) => {
    for (const name of names) if (step(name)?.state === 'pending') Object.assign(step(name), { state: 'skipped', detail: reason });
  };

  const first = status.steps[0]!;
  // a party given by its QuickBooks id needs no mapping (resolveParty takes the id as it is)
  const unmapped = (party?: Party) => (party && !party.quickbooksId ? party : undefined);
  const parties = { customer: unmapped(order.customer), vendor: unmapped(order.vendor), lines: order.lines };
  const { settings, accounts, connectionType, notifies, openErrorKinds, mapped: mappedAlready } =
    await pausable(() => db.loadOrderContext(connectionId, order.orderId, parties), first);
  // parties and items mapped already need no step of their own (runs begun before this still take their steps)
  const mapped = patched(MAPPINGS_WITH_CONTEXT) ? mappedAlready ?? {} : {};
  // an order with no open sync error has none for its posts to clear (a history from before this was read: unknown)
  const post = { errorsOpen: openErrorKinds === undefined || openErrorKinds.length > 0 };
  if (first.state === 'running') first.state = 'pending';
  // same steps for both ledgers; QuickBooks Desktop answers when its Web Connector runs (the steps wait for it)
  const qb = connectionType === 'qbd' ? qbDesktop : qbOnline;
  const wants = (document: 'invoice' | 'bill' | 'purchaseOrder') => order.documents.includes(document);
  const ids: ResolvedParties = { itemIds: {} };

  const known = <T>(name: string, value: T, describe: (result: T) => Partial<StepStatus>): T => {
    Object.assign(step(name), { state: 'done' }, describe(value));
    return value;
  };
  const party = (r: LedgerRef) => ({ quickbooksId: r.id, detail: r.name });
  const items = (r: Record<string, string>) => ({ detail: `${Object.keys(r).length} item(s)` });

  // Customer, vendor and items do not depend on one another: resolve them together.
  const [customer, vendor, itemIds] = await Promise.all([
    !wants('invoice') ? undefined
      : mapped.customer ? known('customer', mapped.customer, party)
        : run('customer', () => qb.resolveCustomer(connectionId, order.customer), party),
    !(order.vendor && (wants('bill') || wants('purchaseOrder'))) ? undefined
      : mapped.vendor ? known('vendor', mapped.vendor, party)
        : run('vendor', () => qb.resolveVendor(connectionId, order.vendor!), party),
    mapped.items ? known('items', mapped.items, items)
      : run('items', () => qb.resolveItems(connectionId, order.lines, settings.itemField, accounts), items),
  ]);
  if (!itemIds) {
    skipAfter(status.steps.map((s) => s.step), 'the items could not be resolved');
    return notifies;
  }
  Object.assign(ids, { itemIds, customerId: customer?.id, vendorId: vendor?.id });

  const posted = (r: { id: string; action: string; totalCents: number; number: string | null; lookAlikes?: string[]; warning?: string }) =>
    ({ quickbooksId: r.id, action: r.action, detail: `${r.number ? `#${r.number} ` : ''}total ${formatCents(r.totalCents)}${sharedNumber(r)}`, ...(r.warning ? { warning: r.warning } : {}) });

  const invoiceWork = wants('invoice') && customer
    ? run('invoice', () => qb.postInvoice(connectionId, revision, buildInvoiceDraft(order, settings, ids, accounts), post), posted)
    : Promise.resolve(undefined);
  const purchaseWork = vendor ? Promise.all([
    wants('bill') ? run('bill', () => qb.postPurchase(connectionId, 'bill', revision, buildPurchaseDraft(order, settings, ids, accounts), post), posted) : undefined,
    wants('purchaseOrder') ? run('purchaseOrder', () => qb.postPurchase(connectionId, 'purchase_order', revision, buildPurchaseDraft(order, settings, ids, accounts), post), posted) : undefined,
  ]) : Promise.resolve([]);
  const [invoice] = await Promise.all([invoiceWork, purchaseWork]);
  if (!customer) skipAfter(['invoice'], 'the customer could not be resolved');
  if (!vendor) skipAfter(['bill', 'purchaseOrder'], 'the vendor could not be resolved');

  if (!invoice || !customer) {
    skipAfter(status.steps.filter((s) => s.step.startsWith('payment:')).map((s) => s.step), 'the invoice was not posted');
    return notifies;
  }
  for (const payment of buildPaymentDrafts(order, customer.id, invoice.id)) {
    await run(`payment:${payment.externalId}`, () => qb.postPayment(connectionId, revision, payment, post),
      (r) => ({ quickbooksId: r.id, action: r.action, detail: `applied ${formatCents(payment.amountCents)} to invoice ${invoice.id}` }));
  }
  return notifies;
}

function plannedSteps(order: Order): StepStatus[] {
  const purchase = order.documents.includes('bill') || order.documents.includes('purchaseOrder');
  const names = [
    ...(order.documents.includes('invoice') ? ['customer'] : []),
    ...(purchase ? ['vendor'] : []),
    'items',
    ...order.documents,
    ...(order.payments ?? []).map((p) => `payment:${p.externalId}`),
  ];
  return names.map((step) => ({ step, state: 'pending' }));
}

function outcomeOf(steps: StepStatus[]): OrderOutcome {
  const failed = steps.some((s) => s.state === 'failed' || s.state === 'skipped');
  const documentsPosted = steps.some((s) => ['invoice', 'bill', 'purchaseOrder'].includes(s.step) && s.state === 'done');
  if (!failed) return 'posted';
  return documentsPosted ? 'partially_posted' : 'failed';
}

const documentSteps = ['invoice', 'bill', 'purchaseOrder'];

/** document.posted / document.failed for each document of this revision, for the tenant's webhooks. */
function documentEvents(args: SendOrderArgs, status: OrderStatus) {
  return status.steps
    .filter((s) => documentSteps.includes(s.step) && (s.state === 'failed' || (s.state === 'done' && s.action !== 'unchanged' && s.action !== 'stale')))
    .map((s) => ({
      type: s.state === 'done' ? 'document.posted' as const : 'document.failed' as const,
      id: `${args.connectionId}:${args.orderId}:${status.revision}:${s.step}:${s.state}:${s.action ?? ''}`,
      data: {
        connectionId: args.connectionId,
        orderId: args.orderId,
        revision: status.revision,
        document: s.step,
        ...(s.quickbooksId ? { quickbooksId: s.quickbooksId } : {}),
        ...(s.action ? { action: s.action } : {}),
        ...(s.error ? { error: s.error } : {}),
      },
    }));
}

/** A number this order's document shares with others in QuickBooks (not this order's: left alone), said so. */
function sharedNumber(r: { number: string | null; lookAlikes?: string[] }): string {
  if (!r.lookAlikes?.length) return '';
  return `; number ${r.number ?? ''} is also used in QuickBooks by ${r.lookAlikes.map((id) => `id ${id}`).join(', ')} (not this order's, left unchanged)`;
}
