import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, makeSettings } from '../../test/fixtures';
import { defaultSettings, type Settings } from '../settings/settings';
import type { ClipperDB } from './db';
import { SettingsRepo } from './settings-repo';

const custom: Settings = makeSettings({
  sections: [
    { id: 'outages', name: 'Outages', style: 'bullets', budget: 10 },
    { id: 'articles', name: 'Articles', style: 'entries' },
    { id: 'tools', name: 'Tools', style: 'entries' },
  ],
});

let db: ClipperDB;
let repo: SettingsRepo;
let warn: { mockRestore(): void };

beforeEach(async () => {
  const fresh = await freshDatabase('settings-test');
  db = fresh.db;
  repo = new SettingsRepo(fresh.open);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  warn.mockRestore();
});

describe('SettingsRepo', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await repo.get()).toEqual(defaultSettings());
    expect(warn).not.toHaveBeenCalled();
  });

  it('round-trips settings', async () => {
    expect(await repo.put(custom)).toEqual(custom);
    expect(await repo.get()).toEqual(custom);
  });

  it('stores and returns the parsed value (names trimmed)', async () => {
    const saved = await repo.put({ ...custom, newsletterName: '  SRE Weekly  ' });
    expect(saved.newsletterName).toBe('SRE Weekly');
    expect((await repo.get()).newsletterName).toBe('SRE Weekly');
  });

  it('refuses invalid settings and keeps the stored ones', async () => {
    await repo.put(custom);
    await expect(repo.put({ ...custom, timeZone: 'Mars/Base' })).rejects.toThrow();
    await expect(repo.put({ ...custom, sections: [custom.sections[0]!, custom.sections[0]!] })).rejects.toThrow();
    expect(await repo.get()).toEqual(custom);
  });

  it('repairs a damaged stored record field by field, and says so', async () => {
    await db.put('meta', { ...custom, newsletterName: 42, weekStartsOn: 'Monday' }, 'settings');
    const settings = await repo.get();
    expect(settings).toEqual({ ...custom, newsletterName: defaultSettings().newsletterName, weekStartsOn: defaultSettings().weekStartsOn });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('falls back to the defaults for a stored value that is not an object', async () => {
    await db.put('meta', 'corrupted', 'settings');
    expect(await repo.get()).toEqual(defaultSettings());
    expect(warn).toHaveBeenCalled();
  });
});
