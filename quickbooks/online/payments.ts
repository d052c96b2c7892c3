// The QuickBooks Online ledger as payments back uses it: invoices and payments read by id, and what changed since a
// moment through change data capture (`cdc?entities=Payment,Invoice`), or by query when CDC cannot answer (more
// than 30 days back, or an answer at its 1,000-object cap: Intuit cuts it there without saying so).
import type { InvoiceLedger, LedgerChanges, LedgerPayment } from '../ledger/index.js';
import { QuickBooksFault } from '../errors.js';
import { ledgerInvoiceOf, ledgerPaymentOf } from './bodies/index.js';
import { queryString } from './client.js';
import type { CompanyAccess, QboObject } from './company.js';

/** Intuit answers CDC for at most 30 days back; a little less leaves room for clock skew. */
export const CDC_LOOK_BACK_MS = 30 * 86_400_000 - 3_600_000;
/** Intuit: at most 1,000 objects per answer, and nothing marks the cut. */
export const CDC_MAX_OBJECTS = 1000;
const UNSUPPORTED = '500';
const PAGE = 1000;

type CdcAnswer = { CDCResponse?: { QueryResponse?: Record<string, unknown>[] }[]; time?: string };

export type PaymentFeed = Pick<InvoiceLedger, 'readInvoices' | 'readPayments' | 'changesSince' | 'paymentsChangedSince'>;

export function createQboPaymentFeed(company: CompanyAccess, options: { now?: () => number } = {}): PaymentFeed {
  const { client, queryIn } = company;
  const now = options.now ?? Date.now;
  const incomplete = (since: string): LedgerChanges => ({ complete: false, through: since, payments: [], deletedPaymentIds: [], invoiceIds: [] });

  return {
    async readInvoices(ids) {
      const rows = await queryIn('Invoice', 'Id', ids);
      return new Map(rows.map((row) => [row.Id, ledgerInvoiceOf(row)]));
    },

    async readPayments(ids) {
      const rows = await queryIn('Payment', 'Id', ids);
      return new Map(rows.map((row) => [row.Id, ledgerPaymentOf(row)]));
    },

    async changesSince(since) {
      const sinceMs = Date.parse(since);
      if (!Number.isFinite(sinceMs) || sinceMs < now() - CDC_LOOK_BACK_MS) return incomplete(since);
      let answer: CdcAnswer;
      try {
        answer = await client.request<CdcAnswer>({ method: 'GET', path: '/cdc', query: { entities: 'Payment,Invoice', changedSince: since } });
      } catch (error) {
        // "Operation cdc with changedSince date … which is older than fixed days is not supported."
        if (error instanceof QuickBooksFault && error.code === UNSUPPORTED) return incomplete(since);
        throw error;
      }
      const blocks = answer.CDCResponse?.[0]?.QueryResponse ?? [];
      const objects = (entity: string) => blocks.flatMap((block) => (Array.isArray(block[entity]) ? block[entity] as QboObject[] : []));
      const payments = objects('Payment');
      const invoices = objects('Invoice');
      if (payments.length + invoices.length >= CDC_MAX_OBJECTS || !answer.time) return incomplete(since);
      const deleted = (row: QboObject) => String(row.status ?? '').toLowerCase() === 'deleted';
      return {
        complete: true,
        through: answer.time,
        payments: payments.filter((row) => !deleted(row)).map(ledgerPaymentOf),
        deletedPaymentIds: payments.filter(deleted).map((row) => String(row.Id)),
        invoiceIds: [...new Set(invoices.map((row) => String(row.Id)))],
      };
    },

    async paymentsChangedSince(since) {
      const payments: LedgerPayment[] = [];
      let through: string | undefined;
      for (let start = 1; ; start += PAGE) {
        const sql = `select * from Payment where MetaData.LastUpdatedTime >= ${queryString(since)} ORDERBY MetaData.LastUpdatedTime STARTPOSITION ${start} MAXRESULTS ${PAGE}`;
        const body = await client.request<{ QueryResponse?: { Payment?: QboObject[] }; time?: string }>({ method: 'GET', path: '/query', query: { query: sql } });
        through ??= body.time; // the first answer's time: later changes are the next feed's
        const page = body.QueryResponse?.Payment ?? [];
        payments.push(...page.map(ledgerPaymentOf));
        if (page.length < PAGE) break;
      }
      return { payments, through: through ?? new Date(now()).toISOString() };
    },
  };
}
