// Invoice copy: customer, service items, the invoice created or updated in QuickBooks, then each send request
// (QuickBooks e-mails it, once per request id). A newer revision arriving meanwhile is copied next; steps are
// visible through the `invoiceStatus` query.
import { condition, defineQuery, defineSignal, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { LedgerStep } from '../quickbooks/ledger/index.js';
import { Outcome } from '../control/search-attributes.js';
import type { UpstreamInvoice } from '../domain/invoice.js';
import { heldMessage, whyNotSendable } from '../domain/invoice-words.js';
import { formatCents } from '../domain/money.js';
import { failureCode, plainMessage } from './failures.js';
import { ledgerSteps, type LedgerSteps } from './ledger-steps.js';
import { databaseStep, desktopStep, quickBooksCall } from './presets.js';

export interface CopyInvoiceArgs {
  tenantId: string;
  connectionId: string;
  invoiceId: string;
}

export interface InvoiceSubmission {
  revision: number;
  invoice: UpstreamInvoice;
  /** Also e-mail it through QuickBooks once copied (once per id, however often it is asked). */
  sendRequestId?: string;
}

export type InvoiceStepState = 'pending' | 'running' | 'waiting' | 'done' | 'held' | 'failed' | 'skipped';

export interface InvoiceStep {
  step: string;
  state: InvoiceStepState;
  quickbooksId?: string;
  action?: string;
  detail?: string;
  error?: string;
}

export type InvoiceOutcome = 'running' | 'copied' | 'sent' | 'held' | 'failed';

export interface InvoiceRunStatus {
  invoiceId: string;
  revision: number;
  outcome: InvoiceOutcome;
  steps: InvoiceStep[];
}

export const submitInvoice = defineSignal<[InvoiceSubmission]>('submitInvoice');
export const invoiceStatus = defineQuery<InvoiceRunStatus>('invoiceStatus');

const db = proxyActivities<Activities>(databaseStep);
const qbOnline = proxyActivities<Activities>(quickBooksCall);
const qbDesktop = proxyActivities<Activities>(desktopStep);

/** Copies an upstream invoice to QuickBooks (and any newer revision), then sends it when asked. */
export async function copyInvoice(args: CopyInvoiceArgs): Promise<InvoiceRunStatus> {
  let next: InvoiceSubmission | undefined;
  let highest = 0;
  const sendQueue: string[] = [];
  const sendsSeen = new Set<string>();
  let status: InvoiceRunStatus = { invoiceId: args.invoiceId, revision: 0, outcome: 'running', steps: [] };
  setHandler(submitInvoice, (submission) => {
    if (submission.sendRequestId && !sendsSeen.has(submission.sendRequestId)) {
      sendsSeen.add(submission.sendRequestId);
      sendQueue.push(submission.sendRequestId);
    }
    if (submission.revision < highest) return; // an older revision never overwrites a newer one
    highest = submission.revision;
    next = submission;
  });
  setHandler(invoiceStatus, () => status);
  const steps = ledgerSteps();

  await condition(() => next !== undefined || sendQueue.length > 0);
  const type = await db.invoiceConnectionType(args.connectionId);
  const qb = type === 'qbd' ? qbDesktop : qbOnline;
  let last: { submission: InvoiceSubmission; copied: boolean } | undefined;

  while (next || sendQueue.length > 0) {
    if (next) {
      const submission: InvoiceSubmission = next;
      next = undefined;
      const sends = status.steps.filter((s) => s.step.startsWith('send:'));
      status = { invoiceId: args.invoiceId, revision: submission.revision, outcome: 'running', steps: [...plannedSteps(), ...sends] };
      last = { submission, copied: await copyRevision(qb, steps, args, submission, status) };
    } else {
      const requestId = sendQueue.shift()!;
      // a request that could not be sent yet (no billing e-mail, not copied) may be asked again under the same id
      if (!(await send(qb, steps, args, requestId, last, status))) sendsSeen.delete(requestId);
    }
    status.outcome = outcomeOf(status.steps);
  }
  upsertSearchAttributes([{ key: Outcome, value: status.outcome }]);
  return status;
}

type Qb = typeof qbOnline;

/** Customer, items, invoice for one revision; true when QuickBooks holds this revision now. */
async function copyRevision(qb: Qb, steps: LedgerSteps, args: CopyInvoiceArgs, { invoice, revision }: InvoiceSubmission, status: InvoiceRunStatus): Promise<boolean> {
  const step = (name: string) => status.steps.find((s) => s.step === name)!;
  /** A step that talks to QuickBooks: waits (visibly, holding nothing) while its ledger answers later. */
  const run = async <T>(name: string, work: () => Promise<LedgerStep<T>>, describe: (result: T) => Partial<InvoiceStep>): Promise<T | undefined> => {
    const s = step(name);
    s.state = 'running';
    try {
      const result = await steps.untilDone(work, s);
      Object.assign(s, { state: 'done' }, describe(result));
      return result;
    } catch (error) {
      Object.assign(s, { state: 'failed', error: plainMessage(error) });
      await db.recordInvoiceSyncError(args.connectionId, args.invoiceId, failureCode(error), `${name}: ${plainMessage(error)}`);
      return undefined;
    }
  };
  const skip = (names: string[], reason: string) => {
    for (const name of names) if (step(name).state === 'pending') Object.assign(step(name), { state: 'skipped', detail: reason });
  };

  const [customer, items] = await Promise.all([
    run('customer', () => qb.resolveInvoiceCustomer(args.connectionId, invoice.customer),
      (r) => ({ quickbooksId: r.id, detail: r.source === 'mapping' ? `${r.name} (mapped)` : r.name })),
    run('items', () => qb.resolveServiceItems(args.connectionId, invoice.lines.map((l) => l.serviceType)),
      (r) => ({ detail: `${Object.keys(r.itemIds).length} service type(s)${r.created.length ? `, created ${r.created.map((n) => `"${n}"`).join(', ')}` : ''}` })),
  ]);
  if (!customer || !items) {
    skip(['invoice'], customer ? 'the service items could not be resolved' : 'the customer could not be resolved');
    return false;
  }
  const copied = await run('invoice', () => qb.copyInvoice(args.connectionId, args.invoiceId, revision, { invoice, customerId: customer.id, itemIds: items.itemIds }),
    (r) => ({ quickbooksId: r.quickbooksId, action: r.action, detail: `${r.number ? `#${r.number} ` : ''}total ${formatCents(r.totalCents)}, balance ${formatCents(r.balanceCents)}` }));
  if (copied?.held) {
    const message = heldMessage(copied.held);
    Object.assign(step('invoice'), { state: 'held', error: message });
    await db.recordInvoiceSyncError(args.connectionId, args.invoiceId, 'BelowPaid', message);
    return false;
  }
  return copied !== undefined && copied.action !== 'stale';
}

/**
 * One send request: after the copy of the newest revision, to its billing e-mail, once per request id. False when it
 * was not attempted (nothing went to QuickBooks).
 */
async function send(qb: Qb, steps: LedgerSteps, args: CopyInvoiceArgs, requestId: string, last: { submission: InvoiceSubmission; copied: boolean } | undefined, status: InvoiceRunStatus): Promise<boolean> {
  const shown: InvoiceStep = { step: `send:${requestId}`, state: 'running' };
  status.steps = [...status.steps.filter((s) => s.step !== shown.step), shown];
  if (!last?.copied) {
    Object.assign(shown, { state: 'skipped', detail: 'Not sent: the invoice is not in QuickBooks in its newest revision (see the invoice step)' });
    return false;
  }
  const reason = whyNotSendable(last.submission.invoice);
  if (reason) {
    Object.assign(shown, { state: 'skipped', detail: reason });
    return false;
  }
  const to = last.submission.invoice.billingEmails![0]!;
  try {
    const sent = await steps.untilDone(() => qb.sendInvoiceCopy(args.connectionId, args.invoiceId, requestId, to), shown);
    Object.assign(shown, { state: 'done', action: sent.action, detail: `sent by QuickBooks to ${sent.to} at ${sent.at}` });
  } catch (error) {
    Object.assign(shown, { state: 'failed', error: plainMessage(error) });
    await db.recordInvoiceSyncError(args.connectionId, args.invoiceId, failureCode(error), `send: ${plainMessage(error)}`);
  }
  return true;
}

const plannedSteps = (): InvoiceStep[] => ['customer', 'items', 'invoice'].map((step) => ({ step, state: 'pending' }));

function outcomeOf(steps: InvoiceStep[]): InvoiceOutcome {
  const invoice = steps.find((s) => s.step === 'invoice');
  if (invoice?.state === 'held') return 'held';
  if (invoice?.state !== 'done') return 'failed';
  const sends = steps.filter((s) => s.step.startsWith('send:'));
  return sends.length > 0 && sends[sends.length - 1]!.state === 'done' ? 'sent' : 'copied';
}
