import { describe, expect, it } from 'vitest';
import { makeSettings } from '../../test/fixtures';
import { DEFAULT_SECTIONS, SETTINGS_VERSION, Section, Settings, defaultSettings } from './settings';

const valid: Settings = makeSettings({
  sections: [
    { id: 'articles', name: 'Articles', style: 'entries' },
    { id: 'outages', name: 'Outages', style: 'bullets', budget: 12 },
  ],
  timeZone: 'Europe/Berlin',
});

const rejects = (overrides: Record<string, unknown>) => !Settings.safeParse({ ...valid, ...overrides }).success;

describe('defaultSettings', () => {
  it('is what the schema gives for an empty object', () => {
    expect(defaultSettings()).toEqual(Settings.parse({}));
  });

  it('has the two default sections, Monday weeks and the browser’s zone', () => {
    expect(defaultSettings()).toEqual({
      version: SETTINGS_VERSION,
      newsletterName: 'My Newsletter',
      titleTemplate: '{newsletter} Issue #{number}',
      sections: [
        { id: 'articles', name: 'Articles', style: 'entries' },
        { id: 'outages', name: 'Outages', style: 'bullets' },
      ],
      weekStartsOn: 1,
      language: '',
      timeZone: '',
      sources: [],
      feedPollMinutes: 30,
      check: { minSummaryLength: 40, maxAgeDays: 14, maxPerPublication: 2, off: [] },
    });
    expect(defaultSettings().sections).toEqual(DEFAULT_SECTIONS);
  });

  it('is valid against its own schema', () => {
    expect(Settings.safeParse(defaultSettings()).success).toBe(true);
  });

  it('hands out a fresh sections list each time', () => {
    const first = defaultSettings();
    first.sections.push({ id: 'extra', name: 'Extra', style: 'entries' });
    expect(defaultSettings().sections).toHaveLength(2);
    expect(DEFAULT_SECTIONS).toHaveLength(2);
  });

  it('fills only the missing fields of a partial object', () => {
    expect(Settings.parse({ newsletterName: 'Mine', weekStartsOn: 3 })).toEqual({
      ...defaultSettings(),
      newsletterName: 'Mine',
      weekStartsOn: 3,
    });
  });
});

describe('Settings', () => {
  it('accepts valid settings unchanged', () => {
    expect(Settings.parse(valid)).toEqual(valid);
  });

  it('accepts an empty time zone (the browser’s own) and IANA names', () => {
    for (const timeZone of ['', 'UTC', 'America/New_York', 'Asia/Kolkata']) expect(rejects({ timeZone })).toBe(false);
  });

  it('rejects an unknown time zone', () => {
    for (const timeZone of ['Mars/Olympus_Mons', 'Berlin', 'CEST+2']) expect(rejects({ timeZone })).toBe(true);
  });

  it('rejects duplicate section ids, even with different names', () => {
    expect(
      rejects({
        sections: [
          { id: 'articles', name: 'Articles', style: 'entries' },
          { id: 'articles', name: 'More articles', style: 'bullets' },
        ],
      }),
    ).toBe(true);
  });

  it('needs at least one section', () => {
    expect(rejects({ sections: [] })).toBe(true);
  });

  it('rejects a week start outside Sunday..Saturday', () => {
    for (const weekStartsOn of [-1, 7, 1.5, '1']) expect(rejects({ weekStartsOn })).toBe(true);
    for (const weekStartsOn of [0, 6]) expect(rejects({ weekStartsOn })).toBe(false);
  });

  it('rejects a blank or oversize newsletter name, and trims a good one', () => {
    expect(rejects({ newsletterName: '   ' })).toBe(true);
    expect(rejects({ newsletterName: 'n'.repeat(121) })).toBe(true);
    expect(Settings.parse({ ...valid, newsletterName: '  Weekly ' }).newsletterName).toBe('Weekly');
  });

  it('rejects another version', () => {
    expect(rejects({ version: SETTINGS_VERSION + 1 })).toBe(true);
  });
});

describe('Section', () => {
  it('accepts lower-case dashed ids', () => {
    for (const id of ['articles', 'tools-and-tips', '2026-picks', 'a'])
      expect(Section.safeParse({ id, name: 'X', style: 'entries' }).success).toBe(true);
  });

  it('rejects ids that are not lower-case words joined by dashes', () => {
    for (const id of ['', 'Articles', '-lead', 'with space', 'under_score', 'é', 'x'.repeat(65)]) {
      expect(Section.safeParse({ id, name: 'X', style: 'entries' }).success).toBe(false);
    }
  });

  it('rejects an unknown style, a blank name and a non-positive budget', () => {
    expect(Section.safeParse({ id: 'a', name: 'A', style: 'cards' }).success).toBe(false);
    expect(Section.safeParse({ id: 'a', name: '  ', style: 'entries' }).success).toBe(false);
    expect(Section.safeParse({ id: 'a', name: 'A', style: 'entries', budget: 0 }).success).toBe(false);
    expect(Section.safeParse({ id: 'a', name: 'A', style: 'entries', budget: 2.5 }).success).toBe(false);
  });
});
