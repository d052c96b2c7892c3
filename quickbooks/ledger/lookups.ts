// What pickers and mapping checks need from a QuickBooks company: its lists, searched by name, and one object by id.
import type { LedgerRef } from './orders.js';

export type LookupKind = 'customers' | 'vendors' | 'items' | 'accounts' | 'tax-codes';

export interface LookupEntry {
  id: string;
  name: string;
  type?: string;
  active: boolean;
}

/** The ledger as pickers and mapping checks use it. */
export interface LookupLedger {
  lookup(kind: LookupKind, search: string | undefined): Promise<LookupEntry[]>;
  /** The object if it exists and is active (a mapping may point at something deleted since). */
  get(kind: 'customers' | 'vendors' | 'items', id: string): Promise<LedgerRef | undefined>;
}
