// Connection settings, stored whole as JSON; absent means the defaults.
import { eq } from 'drizzle-orm';
import { defaultSettings, type Settings } from '../../../domain/settings.js';
import type { Database, Executor } from '../../client.js';
import { connectionSettings } from '../../schema/index.js';

export function createSettingsRepository(db: Database) {
  return {
    async read(connectionId: string, executor: Executor = db): Promise<Settings> {
      const [row] = await executor.select().from(connectionSettings).where(eq(connectionSettings.connectionId, connectionId));
      return row ? (row.settings as Settings) : defaultSettings;
    },

    async write(connectionId: string, settings: Settings, executor: Executor = db): Promise<void> {
      await executor.insert(connectionSettings).values({ connectionId, settings })
        .onConflictDoUpdate({ target: connectionSettings.connectionId, set: { settings, updatedAt: new Date() } });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
