// Brute-force protection for Web Connector log-ins that a stranger cannot turn against the owner. The user name is
// in the .QWC file, so nothing is keyed on it alone:
//   - per source (client IP; IPv6 by its /64): after `throttleFreeFailures` failures in the window, each next try
//     must wait 1 s, then 2, 4, … (at most the window); a try that comes too early is refused unchecked (nvu);
//   - per user name: once it has `lockoutFailures` failures in the window (from anywhere), the sources that failed
//     for it are locked out of it for the window, even with the right password;
//   - a source that has not failed keeps signing in with the right password, however many strangers fail;
//   - a success forgets that source's failures for the user; a new password forgets all of them.
// Everything is counted in PostgreSQL, so every API process sees the same numbers.
import ipaddr from 'ipaddr.js';
import type { QbdConfig } from '../../../config/index.js';
import type { QbdConnectionsRepository } from '../../../db/repositories/desktop/connections.js';

type GuardConfig = Pick<QbdConfig, 'lockoutFailures' | 'lockoutMinutes' | 'throttleFreeFailures'>;

/** Who a log-in comes from: an IPv4 address, or an IPv6 /64 (one subscriber's block, not one of its addresses). */
export function sourceKey(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return ip ?? '';
  const address = ipaddr.process(ip); // IPv4-mapped IPv6 becomes IPv4
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** Seconds a source must still wait before its next try is checked (0: it may try now). */
export function throttleWait(failures: number, secondsSinceLast: number, config: GuardConfig): number {
  if (failures < config.throttleFreeFailures) return 0;
  const required = Math.min(2 ** (failures - config.throttleFreeFailures), config.lockoutMinutes * 60);
  return Math.max(0, Math.ceil(required - secondsSinceLast));
}

export function createLoginGuard(repo: QbdConnectionsRepository, config: GuardConfig) {
  const window = config.lockoutMinutes;
  return {
    /** Before the password is checked: may this source try now? */
    async admit(source: string): Promise<{ waitSeconds: number }> {
      const { count, secondsSinceLast } = await repo.sourceFailures(source, window);
      return { waitSeconds: throttleWait(count, secondsSinceLast, config) };
    },

    /** Is this source locked out of this user (the user is under attack and this source took part)? */
    async lockedOut(connectionId: string, source: string): Promise<boolean> {
      if ((await repo.recentFailures(connectionId, window)) < config.lockoutFailures) return false;
      return (await repo.recentFailures(connectionId, window, source)) > 0;
    },

    failed: (connectionId: string | null, source: string) => repo.recordFailure({ connectionId, source, keepMinutes: window }),

    succeeded: (connectionId: string, source: string) => repo.clearFailures(connectionId, source),
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;
