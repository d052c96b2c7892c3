// A connection's settings from outside the workflows: read (defaults until saved), and save once the rules hold.
import type { Repositories } from '../db/repositories/index.js';
import { Refusal } from '../domain/refusals.js';
import { checkSettings, type Settings } from '../domain/settings.js';

export function createSettingsControl(deps: { repos: Pick<Repositories, 'settings'> }) {
  const { repos } = deps;
  return {
    read: (connectionId: string): Promise<Settings> => repos.settings.read(connectionId),

    /** Saves settings already valid against SettingsSchema; a Refusal (unprocessable) names what else must change. */
    async save(connectionId: string, settings: Settings): Promise<Settings> {
      const problems = checkSettings(settings);
      if (problems.length > 0) throw new Refusal('unprocessable', problems.map((p) => p.message).join('; '), problems);
      await repos.settings.write(connectionId, settings);
      return settings;
    },
  };
}

export type SettingsControl = ReturnType<typeof createSettingsControl>;
