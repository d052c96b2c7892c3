// Each tenant's console settings: the origins that may frame the console and receive people back from it.
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../client.js';
import { consoleSettings } from '../../schema/index.js';

export function createConsoleSettingsRepository(db: Database) {
  return {
    /** The tenant's allowed origins; none until set. */
    async frameOrigins(tenantId: string, executor: Executor = db): Promise<string[]> {
      const [row] = await executor.select({ origins: consoleSettings.frameOrigins }).from(consoleSettings).where(eq(consoleSettings.tenantId, tenantId));
      return row?.origins ?? [];
    },

    async setFrameOrigins(tenantId: string, origins: string[], executor: Executor = db): Promise<void> {
      await executor.insert(consoleSettings).values({ tenantId, frameOrigins: origins })
        .onConflictDoUpdate({ target: consoleSettings.tenantId, set: { frameOrigins: origins, updatedAt: new Date() } });
    },
  };
}

export type ConsoleSettingsRepository = ReturnType<typeof createConsoleSettingsRepository>;
