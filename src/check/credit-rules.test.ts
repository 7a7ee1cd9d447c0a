import { describe, expect, it } from 'vitest';
import { checkInput, goodClipping } from '../../test/check-fixtures';
import { FIXTURE_MONDAY, makeSettings } from '../../test/fixtures';
import { creditProblems, isShouting, splitSiteSuffix } from './credit-rules';
import type { CheckInput } from './check-input';

const DAY = 86_400_000;
const only = (overrides: Parameters<typeof goodClipping>[1], input: Partial<CheckInput> = {}) =>
  creditProblems(checkInput({ clippings: [goodClipping(1, overrides)], ...input }));

describe('creditProblems', () => {
  it('finds nothing on a credited, summarised, recent clipping', () => {
    expect(creditProblems(checkInput())).toEqual([]);
  });

  it('blocks on a missing author, and on a missing publication', () => {
    expect(only({ authors: [] })).toEqual([
      {
        rule: 'credit-author',
        severity: 'blocks',
        clippingId: 'clipping-0001',
        message: 'No author: the credit line would name only the publication.',
      },
    ]);
    expect(only({ siteName: ' ' })).toMatchObject([{ rule: 'credit-publication', severity: 'blocks' }]);
    expect(only({ siteName: '' })[0]).not.toHaveProperty('fix');
  });

  it('offers the publication from a title that ends with the site’s name (matched on its host)', () => {
    expect(only({ siteName: '', title: 'Why the pager rang | Pager Notes', url: 'https://www.pagernotes.example/why' })).toEqual([
      expect.objectContaining({ rule: 'credit-publication', fix: { kind: 'set-field', field: 'siteName', value: 'Pager Notes' } }),
      expect.objectContaining({ rule: 'title-site-suffix', fix: { kind: 'set-field', field: 'title', value: 'Why the pager rang' } }),
    ]);
  });

  it('blocks on an empty summary and looks at one under the minimum, counting characters', () => {
    expect(only({ summary: '  \n ' })).toMatchObject([{ rule: 'summary-empty', severity: 'blocks' }]);
    expect(only({ summary: 'Too short.' })).toEqual([
      expect.objectContaining({
        rule: 'summary-short',
        severity: 'look',
        message: 'The summary is 10 characters long; your minimum is 40.',
      }),
    ]);
    expect(
      only({ summary: 'é' }, { settings: makeSettings({ check: { ...makeSettings().check, minSummaryLength: 2 } }) })[0]?.message,
    ).toBe('The summary is 1 character long; your minimum is 2.');
    expect(
      only({ summary: 'Short but fine.' }, { settings: makeSettings({ check: { ...makeSettings().check, minSummaryLength: 0 } }) }),
    ).toEqual([]);
  });

  it('asks nothing of a bullets section but its title and date', () => {
    expect(only({ section: 'outages', authors: [], siteName: '', summary: '' })).toEqual([]);
    expect(only({ section: 'outages', title: 'EVERYTHING IS DOWN AT ONCE' })).toMatchObject([{ rule: 'title-shouting' }]);
  });

  it('looks at a title with the site’s suffix and offers the title without it', () => {
    expect(only({ title: 'Scaling Postgres – Site 1' })).toEqual([
      {
        rule: 'title-site-suffix',
        severity: 'look',
        clippingId: 'clipping-0001',
        message: 'The title still ends with the site’s name, “Site 1”.',
        fix: { kind: 'set-field', field: 'title', value: 'Scaling Postgres' },
      },
    ]);
  });

  it('looks at a date that is missing, unreadable, too old or in the future', () => {
    expect(only({ publishedTime: '' })).toMatchObject([{ rule: 'credit-date', severity: 'look' }]);
    expect(only({ publishedTime: 'last Tuesday' })).toMatchObject([
      { rule: 'credit-date', message: 'The published date “last Tuesday” cannot be read as a date.' },
    ]);
    expect(only({ publishedTime: new Date(FIXTURE_MONDAY - 20 * DAY).toISOString() })).toEqual([
      expect.objectContaining({
        rule: 'date-too-old',
        severity: 'look',
        message: 'Published May 19, 2026, more than 14 days before this issue’s week.',
      }),
    ]);
    // Within the limit, with the day of grace for a date without a time.
    expect(only({ publishedTime: '2026-05-25' })).toEqual([]);
    expect(only({ publishedTime: new Date(FIXTURE_MONDAY + 5 * DAY).toISOString() })).toEqual([
      expect.objectContaining({
        rule: 'date-in-future',
        severity: 'look',
        message: 'Dated Jun 13, 2026: in the future, or after this issue’s week.',
      }),
    ]);
    // Checked after the week: a date after its end is still outside it.
    expect(only({ publishedTime: new Date(FIXTURE_MONDAY + 9 * DAY).toISOString() }, { now: FIXTURE_MONDAY + 20 * DAY })).toMatchObject([
      { rule: 'date-in-future' },
    ]);
  });

  it('follows the editor’s age limit', () => {
    const settings = makeSettings({ check: { ...makeSettings().check, maxAgeDays: 30 } });
    expect(only({ publishedTime: new Date(FIXTURE_MONDAY - 20 * DAY).toISOString() }, { settings })).toEqual([]);
  });
});

describe('splitSiteSuffix', () => {
  it.each([
    ['Scaling Postgres | Example Blog', 'Example Blog', 'https://blog.example.org/a', ['Scaling Postgres', 'Example Blog']],
    ['Scaling Postgres - example.org', '', 'https://www.example.org/a', ['Scaling Postgres', 'example.org']],
    ['Alpha - Beta - Example', 'Example', 'https://example.org/', ['Alpha - Beta', 'Example']],
  ])('splits %j', (title, site, url, expected) => {
    expect(splitSiteSuffix(title, site, url)).toEqual(expected);
  });

  it.each([
    ['Postgres - the good parts', 'Example Blog', 'https://example.org/a'],
    ['Site-reliability for all', 'reliability', 'https://example.org/a'],
    ['| Example Blog', 'Example Blog', 'https://example.org/a'],
  ])('leaves %j alone', (title, site, url) => {
    expect(splitSiteSuffix(title, site, url)).toBeUndefined();
  });
});

describe('isShouting', () => {
  it('tells capitals from a few acronyms', () => {
    expect(isShouting('MAJOR OUTAGE HITS US-EAST-1 REGION')).toBe(true);
    expect(isShouting('AWS S3 and GCP IAM: what we learned')).toBe(false);
    expect(isShouting('SRE NEWS')).toBe(false); // too short to tell
  });
});
