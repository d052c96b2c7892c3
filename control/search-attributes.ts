// Search attributes operators filter by in Temporal UI, and the set each workflow starts with. Registered on the
// server at start (scripts/temporal.ts). Pure, so workflows can upsert them too.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const TenantId = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const ConnectionId = defineSearchAttributeKey('ConnectionId', SearchAttributeType.KEYWORD);
export const DocumentKind = defineSearchAttributeKey('DocumentKind', SearchAttributeType.KEYWORD);
export const ExternalId = defineSearchAttributeKey('ExternalId', SearchAttributeType.KEYWORD);
export const Outcome = defineSearchAttributeKey('Outcome', SearchAttributeType.KEYWORD);
/** Set while a step waits for a Web Connector (QuickBooks Desktop): since when; cleared when none waits. */
export const WaitingForWebConnectorSince = defineSearchAttributeKey('WaitingForWebConnectorSince', SearchAttributeType.DATETIME);

/** Name → type, for registering them on a Temporal server. */
export const searchAttributeTypes = {
  TenantId: 'Keyword',
  ConnectionId: 'Keyword',
  DocumentKind: 'Keyword',
  ExternalId: 'Keyword',
  Outcome: 'Keyword',
  WaitingForWebConnectorSince: 'Datetime',
} as const;

type Attributes = { key: typeof TenantId; value: string }[];

/** What operators filter an order's run by. */
export const orderSearchAttributes = (ids: { tenantId: string; connectionId: string; orderId: string }): Attributes => [
  { key: TenantId, value: ids.tenantId },
  { key: ConnectionId, value: ids.connectionId },
  { key: DocumentKind, value: 'order' },
  { key: ExternalId, value: ids.orderId },
];

/** A connection's lifecycle. */
export const connectionSearchAttributes = (tenantId: string, connectionId: string): Attributes => [
  { key: TenantId, value: tenantId },
  { key: ConnectionId, value: connectionId },
  { key: DocumentKind, value: 'connection' },
];

/** Billing runs, the scheduled start and the daily sync. */
export const billingSearchAttributes = (tenantId: string, connectionId: string, periodStart?: string): Attributes => [
  { key: TenantId, value: tenantId },
  { key: ConnectionId, value: connectionId },
  { key: DocumentKind, value: 'billing' },
  ...(periodStart ? [{ key: ExternalId, value: periodStart }] : []),
];

/** What operators filter an invoice copy by. */
export const invoiceSearchAttributes = (ids: { tenantId: string; connectionId: string; invoiceId: string }): Attributes => [
  { key: TenantId, value: ids.tenantId },
  { key: ConnectionId, value: ids.connectionId },
  { key: DocumentKind, value: 'invoice' },
  { key: ExternalId, value: ids.invoiceId },
];

/** Payments back: the sync of recorded Intuit events and the change feed. */
export const paymentsSearchAttributes = (tenantId: string, connectionId: string): Attributes => [
  { key: TenantId, value: tenantId },
  { key: ConnectionId, value: connectionId },
  { key: DocumentKind, value: 'payment' },
];
