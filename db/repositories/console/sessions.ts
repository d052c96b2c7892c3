// Console links and sessions. A link's token and a session's cookie value are random and handed out once; only
// their SHA-256 is kept, so a database read gives nobody a way in. A link is spent by its first opening (one
// UPDATE … WHERE used_at IS NULL, so two openings racing in two processes cannot both win).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { consoleLinks, consoleSessions } from '../../schema/index.js';

export type ConsoleSessionRow = typeof consoleSessions.$inferSelect;

/** What a link (and the session it opens) may see and do. */
export interface ConsoleScope {
  tenantId: string | null;
  connectionId: string | null;
  page: string | null;
  operator: boolean;
  canWrite: boolean;
  locale: string | null;
  returnUrl: string | null;
  embedded: boolean;
}

export interface SessionLifetimes {
  /** A session unused this long ends. */
  idleSeconds: number;
  /** A session ends this long after it was opened, used or not. */
  absoluteSeconds: number;
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export function createConsoleSessionsRepository(db: Database) {
  return {
    /** A new link; returns its token (the only time it exists in clear). */
    async issueLink(scope: ConsoleScope, ttlSeconds: number, executor: Executor = db): Promise<{ token: string; expiresAt: Date }> {
      const secret = token();
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      await executor.insert(consoleLinks).values({ ...scope, tokenHash: digest(secret), expiresAt });
      return { token: secret, expiresAt };
    },

    /**
     * Spends a link and opens its session in one transaction; undefined when the token is unknown, expired or spent.
     * Returns the session's cookie value (in clear, once) and the session.
     */
    async openLink(linkToken: string, lifetimes: SessionLifetimes): Promise<{ secret: string; session: ConsoleSessionRow } | undefined> {
      return db.transaction(async (tx) => {
        const [link] = await tx.update(consoleLinks).set({ usedAt: new Date() })
          .where(and(eq(consoleLinks.tokenHash, digest(linkToken)), isNull(consoleLinks.usedAt), gt(consoleLinks.expiresAt, new Date())))
          .returning();
        if (!link) return undefined;
        const secret = token();
        const [session] = await tx.insert(consoleSessions).values({
          secretHash: digest(secret),
          tenantId: link.tenantId, connectionId: link.connectionId, page: link.page, operator: link.operator, canWrite: link.canWrite,
          locale: link.locale, returnUrl: link.returnUrl, embedded: link.embedded,
          csrfToken: token(),
          expiresAt: new Date(Date.now() + lifetimes.absoluteSeconds * 1000),
        }).returning();
        return { secret, session: session! };
      });
    },

    /**
     * The live session a cookie value names, its last use moved to now; undefined when unknown, ended, past its
     * absolute expiry or idle for too long.
     */
    async resume(secret: string, lifetimes: SessionLifetimes): Promise<ConsoleSessionRow | undefined> {
      const [row] = await db.update(consoleSessions).set({ lastSeenAt: new Date() }).where(and(
        eq(consoleSessions.secretHash, digest(secret)),
        isNull(consoleSessions.endedAt),
        gt(consoleSessions.expiresAt, new Date()),
        gt(consoleSessions.lastSeenAt, sql`now() - make_interval(secs => ${lifetimes.idleSeconds})`),
      )).returning();
      return row;
    },

    async end(sessionId: string): Promise<void> {
      await db.update(consoleSessions).set({ endedAt: new Date() }).where(eq(consoleSessions.id, sessionId));
    },

    /** Housekeeping: links and sessions that can no longer be used. */
    async purge(olderThanDays: number): Promise<void> {
      const before = sql`now() - make_interval(days => ${olderThanDays})`;
      await db.delete(consoleLinks).where(lt(consoleLinks.expiresAt, before));
      await db.delete(consoleSessions).where(or(lt(consoleSessions.expiresAt, before), lt(consoleSessions.endedAt, before)));
    },
  };
}

export type ConsoleSessionsRepository = ReturnType<typeof createConsoleSessionsRepository>;
