// Whether an order may go to QuickBooks on a connection: the order's own checks, the connection's state, who may
// send which documents (the settings), and the revision rule (an older revision never replaces a newer one).
import type { ConnectionStatus, ConnectionType } from './connections.js';
import { checkOrder, type Order } from './order.js';
import { Refusal } from './refusals.js';
import { maySend, type Settings } from './settings.js';

const documentSetting: Record<Order['documents'][number], keyof Settings['documents']> = {
  invoice: 'invoice', bill: 'bill', purchaseOrder: 'purchaseOrder',
};
const documentWords = { invoice: 'Invoices', bill: 'Bills', purchaseOrder: 'Purchase orders' } as const;

export interface AcceptanceContext {
  connection: { type: ConnectionType; status: ConnectionStatus };
  settings: Settings;
  /** The highest revision of this order already in QuickBooks (0 when none). */
  newestPostedRevision: number;
}

/**
 * Throws (invalid, naming each field and why) when the order itself can never post on this kind of connection.
 * Pure and first: nothing is read or written for an order that fails it (a NUL in an id would not even survive a
 * database look-up).
 */
export function refuseInvalidOrder(order: Order, ledger: ConnectionType): void {
  const problems = checkOrder(order, { ledger });
  if (problems.length > 0) {
    throw new Refusal('invalid', `The order is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
}

/** Throws the reason the order cannot be accepted; returns the revision it is accepted as. */
export function acceptOrder(order: Order, context: AcceptanceContext): number {
  refuseInvalidOrder(order, context.connection.type);
  const { connection, settings } = context;
  if (connection.status === 'pending' || connection.status === 'disconnected') {
    throw new Refusal('conflict', connection.type === 'qbd'
      ? 'The Web Connector has not reached this QuickBooks Desktop connection yet: add its QWC file to the Web Connector and let it run once'
      : 'This connection is not authorised yet; finish connecting it to QuickBooks first');
  }
  if (!maySend(settings, order.sentBy)) throw new Refusal('forbidden', `User ${order.sentBy.userId} may not send documents to QuickBooks on this connection`);
  const refused = order.documents.filter((d) => !settings.documents[documentSetting[d]]);
  if (refused.length > 0) throw new Refusal('forbidden', `${refused.map((d) => documentWords[d]).join(' and ')} may not be sent on this connection (see its settings)`);
  const revision = order.revision ?? 1;
  if (revision < context.newestPostedRevision) {
    throw new Refusal('conflict', `Revision ${revision} is older than revision ${context.newestPostedRevision}, which is already in QuickBooks`);
  }
  return revision;
}
