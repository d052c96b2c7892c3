// Search attributes operators filter by in Temporal UI. Registered on the server at start (scripts/temporal.ts).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const TenantId = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const ConnectionId = defineSearchAttributeKey('ConnectionId', SearchAttributeType.KEYWORD);
export const DocumentKind = defineSearchAttributeKey('DocumentKind', SearchAttributeType.KEYWORD);
export const ExternalId = defineSearchAttributeKey('ExternalId', SearchAttributeType.KEYWORD);
export const Outcome = defineSearchAttributeKey('Outcome', SearchAttributeType.KEYWORD);

/** Name → type, for registering them on a Temporal server. */
export const searchAttributeTypes = {
  TenantId: 'Keyword',
  ConnectionId: 'Keyword',
  DocumentKind: 'Keyword',
  ExternalId: 'Keyword',
  Outcome: 'Keyword',
} as const;
