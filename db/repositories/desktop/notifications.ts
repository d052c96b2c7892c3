// Wake-ups from PostgreSQL NOTIFY, per connection, for everyone in this process who waits on one channel. A missed
// notification only costs the waiter its timeout: callers always re-read the database after waking.
import type { QbdChannel, QbdQueueRepository } from './queue.js';

export interface QbdNotifications {
  /** Resolves on the next notification for the connection, or after `ms`, whichever comes first. */
  wait(connectionId: string, ms: number): Promise<void>;
  close(): Promise<void>;
}

export function createQbdNotifications(queue: QbdQueueRepository, channel: QbdChannel): QbdNotifications {
  const waiters = new Map<string, Set<() => void>>();
  let listening: Promise<(() => Promise<void>) | undefined> | undefined;
  let closed = false;

  const wakeAll = (connectionId: string) => {
    for (const wake of [...(waiters.get(connectionId) ?? [])]) wake();
  };
  const ensureListening = () => {
    listening ??= queue.listen(channel, wakeAll).catch(() => {
      listening = undefined; // listen again next time; until then waiters fall back to their timeouts
      return undefined;
    });
    return listening;
  };

  return {
    async wait(connectionId, ms) {
      if (!closed) await ensureListening();
      await new Promise<void>((resolve) => {
        const set = waiters.get(connectionId) ?? new Set<() => void>();
        waiters.set(connectionId, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          if (set.size === 0) waiters.delete(connectionId);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        set.add(done);
      });
    },
    async close() {
      closed = true;
      for (const connectionId of [...waiters.keys()]) wakeAll(connectionId);
      const unlisten = await listening;
      listening = undefined;
      await unlisten?.().catch(() => undefined);
    },
  };
}
