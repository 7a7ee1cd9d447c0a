import { describe, expect, it } from 'vitest';
import { makeSettings } from '../../test/fixtures';
import { SETTINGS_VERSION, Settings, defaultSettings } from './settings';
import { MIGRATIONS, repairSettings } from './settings-repair';

const stored: Settings = makeSettings({
  sections: [
    { id: 'outages', name: 'Outages', style: 'bullets' },
    { id: 'articles', name: 'Articles', style: 'entries', budget: 8 },
  ],
});

describe('repairSettings', () => {
  it('gives the defaults, with nothing to report, when nothing is stored', () => {
    expect(repairSettings(undefined)).toEqual({ settings: defaultSettings(), repairs: [] });
    expect(repairSettings(null)).toEqual({ settings: defaultSettings(), repairs: [] });
  });

  it.each<[string, unknown]>([
    ['a string', 'settings'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [stored]],
  ])('falls back to the defaults for %s, and reports it', (_, raw) => {
    const { settings, repairs } = repairSettings(raw);
    expect(settings).toEqual(defaultSettings());
    expect(repairs).toHaveLength(1);
  });

  it('keeps valid settings as they are', () => {
    expect(repairSettings(stored)).toEqual({ settings: stored, repairs: [] });
  });

  it('fills missing fields from the defaults without calling it a repair', () => {
    expect(repairSettings({ newsletterName: 'Only this' })).toEqual({
      settings: { ...defaultSettings(), newsletterName: 'Only this' },
      repairs: [],
    });
  });

  it.each<[keyof Settings, unknown]>([
    ['newsletterName', 42],
    ['newsletterName', '   '],
    ['sections', 'articles,outages'],
    ['sections', [{ id: 'Not An Id', name: 'X', style: 'entries' }]],
    [
      'sections',
      [
        { id: 'dup', name: 'One', style: 'entries' },
        { id: 'dup', name: 'Two', style: 'bullets' },
      ],
    ],
    ['weekStartsOn', 9],
    ['weekStartsOn', 'Monday'],
    ['timeZone', 'Mars/Olympus_Mons'],
    ['timeZone', 7],
    ['version', SETTINGS_VERSION + 1],
    ['version', 'one'],
    ['version', 0],
    ['version', -1],
    ['version', 0.5],
  ])('resets only a broken %s (%j) to its default, and names it', (field, broken) => {
    const { settings, repairs } = repairSettings({ ...stored, [field]: broken });
    expect(settings).toEqual({ ...stored, [field]: defaultSettings()[field] });
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toContain(`"${field}"`);
  });

  it('reports each broken field once and keeps the good ones', () => {
    const { settings, repairs } = repairSettings({ ...stored, newsletterName: null, timeZone: 'Nowhere/Land', weekStartsOn: -3 });
    expect(settings).toEqual({
      ...stored,
      newsletterName: defaultSettings().newsletterName,
      timeZone: defaultSettings().timeZone,
      weekStartsOn: defaultSettings().weekStartsOn,
    });
    expect(repairs).toHaveLength(3);
    expect(repairs.join(' ')).toMatch(/newsletterName.*weekStartsOn.*timeZone|newsletterName.*timeZone.*weekStartsOn/);
  });

  it('always gives settings that satisfy the schema', () => {
    for (const raw of [{}, { sections: null }, { ...stored, sections: [] }, { weekStartsOn: Number.NaN }, { version: Number.NaN }]) {
      expect(Settings.safeParse(repairSettings(raw).settings).success).toBe(true);
    }
  });

  it('drops unknown fields', () => {
    const { settings } = repairSettings({ ...stored, password: 'hunter2' });
    expect(settings).not.toHaveProperty('password');
  });
});

describe('settings migrations', () => {
  it('convention: there is a migration from every older version to the current one', () => {
    for (let version = 1; version < SETTINGS_VERSION; version += 1) {
      expect(MIGRATIONS[version], `migration from version ${version}`).toBeTypeOf('function');
    }
    expect(
      Object.keys(MIGRATIONS)
        .map(Number)
        .every((v) => v >= 1 && v < SETTINGS_VERSION),
    ).toBe(true);
  });
});
