// Web Connector session tickets: handed out by authenticate, kept only as a SHA-256, and checked before a large
// SOAP body is read (only an open session may send one).
import { createHash } from 'node:crypto';
import type { QbdQueueRepository } from '../../../db/repositories/desktop/queue.js';

export const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/** Whether the ticket names a session that is still open. */
export async function isOpenTicket(queue: Pick<QbdQueueRepository, 'findSession'>, ticket: string): Promise<boolean> {
  const session = await queue.findSession(hashTicket(ticket));
  return session?.state === 'open';
}
