// Invoices from outside their workflow: accept one (the business rule, the submission kept, then signal-with-start,
// so a retried request or a new revision never starts a second run), ask for it to be sent (copied or re-copied
// first; once per send request id), and read where it stands (steps, QuickBooks id and number, sent, balance,
// payments).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Repositories } from '../db/repositories/index.js';
import type { PaymentApplicationRow } from '../db/repositories/invoices/applications.js';
import type { UpstreamInvoiceRow } from '../db/repositories/invoices/copies.js';
import type { ConnectionStatus, ConnectionType } from '../domain/connections.js';
import { acceptInvoice, type UpstreamInvoice } from '../domain/invoice.js';
import { whyNotSendable } from '../domain/invoice-words.js';
import { formatCents } from '../domain/money.js';
import { Refusal } from '../domain/refusals.js';
import { DESKTOP_CANNOT_SEND } from '../quickbooks/desktop/index.js';
import { copyInvoice, invoiceStatus, submitInvoice, type InvoiceRunStatus, type InvoiceSubmission } from '../workflows/copy-invoice.js';
import { copyInvoiceWorkflowId } from './ids.js';
import type { PaymentsControl } from './payments.js';
import { invoiceSearchAttributes } from './search-attributes.js';

export interface InvoiceConnection {
  id: string;
  tenantId: string;
  type: ConnectionType;
  status: ConnectionStatus;
}

export interface AcceptedInvoice {
  workflowId: string;
  revision: number;
}

export interface SendAccepted extends AcceptedInvoice {
  requestId: string;
  /** false when the invoice is only copied, with the reason. */
  sending: boolean;
  reason?: string;
}

export interface InvoiceView {
  invoiceId: string;
  workflowId: string;
  run: string | null;
  revision: number;
  outcome: string;
  steps: InvoiceRunStatus['steps'];
  error?: string;
  copied: { quickbooksId: string; number: string | null; revision: number; at: string } | null;
  sent: { at: string; to: string } | null;
  total: string | null;
  balance: string | null;
  paid: string | null;
  status: 'not_copied' | 'open' | 'partially_paid' | 'paid';
  payments: { paymentId: string; quickbooksInvoiceId: string; amount: string; date: string | null; state: string }[];
}

export function createInvoiceControl(deps: {
  client: Client;
  taskQueue: string;
  repos: Pick<Repositories, 'invoiceCopies' | 'paymentApplications'>;
  payments: PaymentsControl;
}) {
  const { client, repos } = deps;

  const start = async (connection: InvoiceConnection, invoiceId: string, submission: InvoiceSubmission): Promise<string> => {
    const ids = { tenantId: connection.tenantId, connectionId: connection.id, invoiceId };
    const workflowId = copyInvoiceWorkflowId(ids);
    await client.workflow.signalWithStart(copyInvoice, {
      workflowId, taskQueue: deps.taskQueue, args: [ids], signal: submitInvoice, signalArgs: [submission], typedSearchAttributes: invoiceSearchAttributes(ids),
    });
    return workflowId;
  };

  /** Checks the invoice (throws a Refusal), keeps it as the newest submission, starts the change feed. */
  const admit = async (connection: InvoiceConnection, invoiceId: string, invoice: UpstreamInvoice): Promise<number> => {
    const key = { connectionId: connection.id, invoiceId };
    const row = await repos.invoiceCopies.find(key);
    const revision = acceptInvoice(invoice, { connection, newestCopiedRevision: row?.state === 'copied' ? row.revision ?? 0 : 0 });
    if (connection.type === 'qbo') await deps.payments.ensureFeed(connection);
    else await deps.payments.ensureDesktopFeed(connection);
    await repos.invoiceCopies.recordSubmission(key, revision, invoice);
    return revision;
  };

  return {
    async accept(connection: InvoiceConnection, invoiceId: string, invoice: UpstreamInvoice): Promise<AcceptedInvoice> {
      const revision = await admit(connection, invoiceId, invoice);
      return { workflowId: await start(connection, invoiceId, { revision, invoice }), revision };
    },

    /** Copies (the given invoice, or the newest one submitted) and sends it, once per request id. */
    async send(connection: InvoiceConnection, invoiceId: string, request: { requestId?: string; invoice?: UpstreamInvoice }): Promise<SendAccepted> {
      // Desktop that cannot even copy yet: the lasting reason first (it will never e-mail)
      if (connection.type === 'qbd' && (connection.status === 'pending' || connection.status === 'disconnected')) throw new Refusal('unprocessable', DESKTOP_CANNOT_SEND);
      let submission: InvoiceSubmission;
      if (request.invoice) {
        submission = { revision: await admit(connection, invoiceId, request.invoice), invoice: request.invoice };
      } else {
        const row = await repos.invoiceCopies.find({ connectionId: connection.id, invoiceId });
        if (!row) throw new Refusal('not_found', `No invoice ${invoiceId} was submitted on this connection: PUT it first, or include it in this request`);
        submission = { revision: row.submittedRevision, invoice: row.submitted as UpstreamInvoice };
      }
      const requestId = request.requestId ?? `revision-${submission.revision}`;
      if (connection.type === 'qbd') {
        // Desktop cannot e-mail: the invoice is copied (the Web Connector takes it), and the answer says so plainly
        const workflowId = await start(connection, invoiceId, submission);
        return { workflowId, revision: submission.revision, requestId, sending: false, reason: DESKTOP_CANNOT_SEND };
      }
      const reason = whyNotSendable(submission.invoice);
      const workflowId = await start(connection, invoiceId, { ...submission, sendRequestId: requestId });
      return { workflowId, revision: submission.revision, requestId, sending: !reason, ...(reason ? { reason } : {}) };
    },

    async read(connection: InvoiceConnection, invoiceId: string): Promise<InvoiceView> {
      const workflowId = copyInvoiceWorkflowId({ tenantId: connection.tenantId, connectionId: connection.id, invoiceId });
      const row = await repos.invoiceCopies.find({ connectionId: connection.id, invoiceId });
      const handle = client.workflow.getHandle(workflowId);
      let run: string | null = null;
      let status: InvoiceRunStatus = { invoiceId, revision: row?.submittedRevision ?? 0, outcome: 'running', steps: [] };
      let error: string | undefined;
      try {
        run = (await handle.describe()).status.name;
        status = run === 'RUNNING' ? await handle.query(invoiceStatus) : await handle.result();
      } catch (cause) {
        if (cause instanceof WorkflowNotFoundError) {
          if (!row) throw new Refusal('not_found', `No invoice ${invoiceId} was submitted on this connection`);
          // the run is past Temporal's retention: what QuickBooks holds is still known
          status = { ...status, outcome: row.state !== 'copied' ? 'failed' : row.sentAt ? 'sent' : 'copied' };
        } else if (run) {
          status = { ...status, outcome: 'failed' };
          error = rootMessage(cause);
        } else throw cause;
      }
      const payments = await repos.paymentApplications.forInvoice(connection.id, invoiceId);
      return { ...status, invoiceId, workflowId, run, ...(error ? { error } : {}), ...copyView(row), payments: payments.map(paymentView) };
    },
  };
}

function copyView(row: UpstreamInvoiceRow | undefined): Pick<InvoiceView, 'copied' | 'sent' | 'total' | 'balance' | 'paid' | 'status'> {
  if (!row || row.state !== 'copied' || !row.quickbooksId) return { copied: null, sent: null, total: null, balance: null, paid: null, status: 'not_copied' };
  const total = row.totalCents ?? 0;
  const balance = row.balanceCents ?? 0;
  return {
    copied: { quickbooksId: row.quickbooksId, number: row.quickbooksNumber, revision: row.revision ?? 0, at: (row.copiedAt ?? row.updatedAt).toISOString() },
    sent: row.sentAt && row.sentTo ? { at: row.sentAt.toISOString(), to: row.sentTo } : null,
    total: formatCents(total),
    balance: formatCents(balance),
    paid: formatCents(total - balance),
    status: row.paymentStatus,
  };
}

const paymentView = (row: PaymentApplicationRow) => ({
  paymentId: row.paymentId, quickbooksInvoiceId: row.quickbooksInvoiceId, amount: formatCents(row.amountCents), date: row.paymentDate, state: row.state,
});

function rootMessage(error: unknown): string {
  let current = error as { cause?: unknown; message?: string } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return current?.message ?? String(error);
}

export type InvoiceControl = ReturnType<typeof createInvoiceControl>;
