import { Settings } from '../settings/settings';
import { repairSettings } from '../settings/settings-repair';
import type { OpenDB } from './db';

const SETTINGS_KEY = 'settings';

/** Settings live in IndexedDB (not credentials: those stay in storage.local). */
export class SettingsRepo {
  constructor(private readonly open: OpenDB) {}

  /** The stored settings, migrated and repaired field by field; defaults when none are stored. */
  async get(): Promise<Settings> {
    const db = await this.open();
    const { settings, repairs } = repairSettings(await db.get('meta', SETTINGS_KEY));
    for (const repair of repairs) console.warn(`newsletter-clipper: ${repair}`);
    return settings;
  }

  async put(settings: Settings): Promise<Settings> {
    const db = await this.open();
    const valid = Settings.parse(settings);
    await db.put('meta', valid, SETTINGS_KEY);
    return valid;
  }
}
