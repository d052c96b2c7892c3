// What a company reports when one of its objects changes: the raw material of webhooks (CDC reads the objects).
import type { EntityName } from './entity-names.js';

/** Intuit's webhook operations (legacy `operation`; CloudEvents verbs created/updated/deleted/voided/merged/emailed). */
export type ChangeOperation = 'Create' | 'Update' | 'Delete' | 'Void' | 'Merge' | 'Emailed';

export interface EntityChange {
  realmId: string;
  entity: EntityName;
  id: string;
  operation: ChangeOperation;
  /** Sandbox clock, ms. */
  at: number;
}

export type ChangeListener = (change: EntityChange) => void;
