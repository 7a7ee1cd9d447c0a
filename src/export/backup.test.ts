import { describe, expect, it } from 'vitest';
import type { Clipping } from '../clip/clipping';
import type { Issue } from '../issue/issue';
import { Settings } from '../settings/settings';
import { BACKUP_FORMAT, buildBackup, readBackup, renderBackup } from './backup';
import { GOLDEN_ISSUE, GOLDEN_NOW, GOLDEN_SECTIONS, goldenClippings } from '../../test/golden/sre-weekly-fixture';
import { buildIssueExport, renderJson } from './json-export';

const settings = Settings.parse({ newsletterName: 'SRE Weekly', sections: GOLDEN_SECTIONS, weekStartsOn: 1, timeZone: 'America/New_York' });
const closedIssue: Issue = {
  ...GOLDEN_ISSUE,
  id: 'issue-2026-500',
  number: 500,
  status: 'closed',
  start: GOLDEN_ISSUE.start - 7 * 86_400_000,
  end: GOLDEN_ISSUE.start,
  closedAt: GOLDEN_ISSUE.start,
};
const backupText = (clippings: Clipping[] = goldenClippings()) =>
  renderBackup(buildBackup({ settings, issues: [closedIssue, GOLDEN_ISSUE], clippings, now: GOLDEN_NOW }));
/** A backup as parsed JSON, changed by `mutate`, as text again. */
const damaged = (mutate: (file: { settings?: unknown; issues: unknown[]; clippings?: unknown[]; [key: string]: unknown }) => void) => {
  const file = JSON.parse(backupText());
  mutate(file);
  return JSON.stringify(file);
};
const restored = (text: string) => {
  const result = readBackup(text);
  if ('error' in result) throw new Error(result.error);
  return result;
};
const errorOf = (text: string) => {
  const result = readBackup(text);
  if (!('error' in result)) throw new Error('expected the restore to fail');
  return result.error;
};

describe('buildBackup and renderBackup', () => {
  it('writes the format, version, time and every record', () => {
    const file = JSON.parse(backupText()) as { issues: unknown[]; clippings: unknown[] };
    expect(file).toMatchObject({ format: BACKUP_FORMAT, version: 2, exportedAt: '2026-11-22T18:30:00.000Z', settings });
    expect(file.issues).toHaveLength(2);
    expect(file.clippings).toHaveLength(6);
  });

  it('keeps tombstones, so a restore knows what was deleted', () => {
    const [first, ...rest] = goldenClippings();
    expect(restored(backupText([{ ...first!, deletedAt: GOLDEN_NOW }, ...rest])).clippings[0]?.deletedAt).toBe(GOLDEN_NOW);
  });

  it('never writes credentials or any other field the schemas do not know', () => {
    const [first, ...rest] = goldenClippings();
    const text = renderBackup(
      buildBackup({
        settings: { ...settings, wordpress: { password: 'hunter2' }, apiToken: 'secret-token' } as Settings,
        issues: [{ ...GOLDEN_ISSUE, authorization: 'Basic c2VjcmV0' } as Issue],
        clippings: [{ ...first!, cookie: 'session=abc' } as Clipping, ...rest],
        now: GOLDEN_NOW,
      }),
    );
    expect(text).not.toMatch(/hunter2|secret-token|c2VjcmV0|session=abc|password|apiToken|authorization|cookie/i);
  });

  it('still writes a record that no longer validates, cut to the known fields, so restoring can report it', () => {
    const [first, ...rest] = goldenClippings();
    const text = backupText([{ ...first!, title: 'x'.repeat(5000), secret: 'hidden' } as Clipping, ...rest]);
    expect(text).not.toContain('hidden');
    const { clippings, skipped } = restored(text);
    expect(clippings).toHaveLength(5);
    expect(skipped).toEqual([
      { kind: 'clipping', index: 0, id: 'clip-golden-01', reason: 'title: Too big: expected string to have <=1000 characters' },
    ]);
  });

  it('is stable: 2-space indent, trailing newline, same bytes for the same data', () => {
    const text = backupText();
    expect(text.startsWith('{\n  "format": "newsletter-clipper.backup",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(backupText(goldenClippings().map((c) => Object.fromEntries(Object.entries(c).reverse()) as Clipping))).toBe(text);
  });
});

describe('readBackup', () => {
  it('round-trips everything', () => {
    expect(restored(backupText())).toEqual({ settings, issues: [closedIssue, GOLDEN_ISSUE], clippings: goldenClippings(), skipped: [] });
  });

  it('reads a version-1 backup, whose clippings have the authors as one byline string', () => {
    const file = JSON.parse(backupText()) as { version: number; clippings: Record<string, unknown>[] };
    file.version = 1;
    for (const clipping of file.clippings) {
      clipping.byline = (clipping.authors as string[]).join(', ');
      delete clipping.authors;
    }
    expect(restored(JSON.stringify(file))).toEqual({
      settings,
      issues: [closedIssue, GOLDEN_ISSUE],
      clippings: goldenClippings(),
      skipped: [],
    });
  });

  it('keeps the valid records around broken ones, and says which it skipped and why', () => {
    const result = restored(
      damaged((file) => {
        (file.issues[0] as Record<string, unknown>).number = -1;
        (file.clippings![1] as Record<string, unknown>).url = null;
        file.clippings![3] = 'not a record';
        (file.clippings![4] as Record<string, unknown>).id = 'short';
      }),
    );
    expect(result.issues.map((i) => i.id)).toEqual([GOLDEN_ISSUE.id]);
    expect(result.clippings.map((c) => c.id)).toEqual(['clip-golden-01', 'clip-golden-03', 'clip-golden-06']);
    expect(result.skipped).toEqual([
      { kind: 'issue', index: 0, id: 'issue-2026-500', reason: 'number: Too small: expected number to be >0' },
      { kind: 'clipping', index: 1, id: 'clip-golden-02', reason: 'url: Invalid input: expected string, received null' },
      { kind: 'clipping', index: 3, reason: 'Invalid input: expected object, received string' },
      { kind: 'clipping', index: 4, id: 'short', reason: 'id: Too small: expected string to have >=8 characters' },
    ]);
    expect(result.settings).toEqual(settings);
  });

  it('keeps the first of two records with the same id', () => {
    const result = restored(
      damaged((file) => {
        file.clippings!.push({ ...(file.clippings![0] as object), title: 'Second copy' });
        file.issues.push(file.issues[1]);
      }),
    );
    expect(result.clippings.filter((c) => c.id === 'clip-golden-01').map((c) => c.title)).toEqual([
      'Error budgets that teams actually use',
    ]);
    expect(result.skipped).toEqual([
      { kind: 'issue', index: 2, id: GOLDEN_ISSUE.id, reason: 'an earlier issue in the file has the same id; that one was kept' },
      { kind: 'clipping', index: 6, id: 'clip-golden-01', reason: 'an earlier clipping in the file has the same id; that one was kept' },
    ]);
  });

  it('repairs broken settings field by field and reports each repair', () => {
    const result = restored(damaged((file) => Object.assign(file.settings as object, { timeZone: 'Mars/Olympus_Mons', weekStartsOn: 9 })));
    expect(result.settings).toEqual({ ...settings, timeZone: '', weekStartsOn: 1 });
    expect(result.skipped).toEqual([
      { kind: 'settings', index: 0, reason: 'setting "weekStartsOn" was unreadable and was reset to its default' },
      { kind: 'settings', index: 0, reason: 'setting "timeZone" was unreadable and was reset to its default' },
    ]);
  });

  it('leaves settings out, rather than resetting them, when the file has none usable', () => {
    const none = restored(damaged((file) => delete file.settings));
    expect(none).not.toHaveProperty('settings');
    expect(none.skipped).toEqual([]);
    const broken = restored(damaged((file) => (file.settings = ['not', 'settings'])));
    expect(broken).not.toHaveProperty('settings');
    expect(broken.skipped).toEqual([
      { kind: 'settings', index: 0, reason: 'the settings in the file are not an object; the current settings were kept' },
    ]);
    expect(broken.clippings).toHaveLength(6);
  });

  it('drops unknown fields from restored records', () => {
    const result = restored(damaged((file) => Object.assign(file.clippings![0] as object, { injected: '<script>' })));
    expect(result.clippings[0]).not.toHaveProperty('injected');
  });

  it('reads an empty store’s backup', () => {
    const text = renderBackup(buildBackup({ settings: Settings.parse({}), issues: [], clippings: [], now: 0 }));
    expect(restored(text)).toEqual({ settings: Settings.parse({}), issues: [], clippings: [], skipped: [] });
  });

  it('says in plain words when the file cannot be a backup', () => {
    expect(errorOf('not json')).toMatch(/^This file is not JSON, so it cannot be a Newsletter Clipper backup \(.+\)\.$/);
    expect(errorOf('[1,2]')).toBe('This file is JSON, but not a Newsletter Clipper backup: it has no "format" field.');
    expect(errorOf(damaged((file) => (file.version = 7)))).toBe(
      'This backup was made by a newer version of Newsletter Clipper (file version 7; this version reads up to 2). Update the extension, then try again.',
    );
    expect(errorOf(damaged((file) => delete file.clippings))).toBe('This backup is damaged: its "clippings" field is missing.');
    expect(errorOf(damaged((file) => (file.issues = {} as unknown[])))).toBe('This backup is damaged: its "issues" field is not a list.');
  });

  it('recognises an issue export and says what to do with it', () => {
    const issueFile = renderJson(
      buildIssueExport({
        newsletter: 'SRE Weekly',
        issue: GOLDEN_ISSUE,
        sections: GOLDEN_SECTIONS,
        clippings: goldenClippings(),
        now: GOLDEN_NOW,
      }),
    );
    expect(errorOf(issueFile)).toBe('This file is an exported issue, not a full backup: import it as an issue instead.');
  });
});
