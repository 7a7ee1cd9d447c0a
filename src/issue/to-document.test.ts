import { describe, expect, it } from 'vitest';
import type { Clipping } from '../clip/clipping';
import { IssueDocument } from '../export/issue-document';
import { defaultSettings, type Settings } from '../settings/settings';
import type { Issue } from './issue';
import { documentClippingIds, toIssueDocument } from './to-document';

const T0 = Date.parse('2026-06-08T00:00:00Z');

const settings: Settings = {
  ...defaultSettings(),
  newsletterName: 'SRE Weekly',
  sections: [
    { id: 'articles', name: 'Articles', style: 'entries', budget: 5 },
    { id: 'tools', name: 'Tools', style: 'entries' },
    { id: 'outages', name: 'Outages', style: 'bullets' },
  ],
};

const issue: Issue = {
  id: 'issue-0007',
  number: 7,
  title: 'SRE Weekly Issue #7',
  status: 'open',
  start: T0,
  end: T0 + 7 * 86_400_000,
  sponsor: 'This issue is brought to you by **Acme**.',
  createdAt: T0,
  updatedAt: T0,
};

function clip(id: string, section: string | null, position: number, overrides: Partial<Clipping> = {}): Clipping {
  return {
    url: `https://example.com/${id}`,
    title: `Title ${id}`,
    authors: [`Author ${id}`],
    siteName: `Site ${id}`,
    publishedTime: '2026-06-09',
    excerpt: `Excerpt ${id}`,
    lang: 'en',
    quote: '',
    quoteLink: '',
    summary: `Summary ${id}`,
    section,
    id: `clipping-${id}`,
    urlKey: `https://example.com/${id}`,
    origin: 'page',
    sources: { title: 'json-ld' },
    notes: ['a note'],
    createdAt: T0 + position,
    updatedAt: T0,
    issueId: issue.id,
    position,
    ...overrides,
  };
}

describe('toIssueDocument', () => {
  it('carries the issue’s head: newsletter, number, title, ISO window, sponsor', () => {
    const doc = toIssueDocument(issue, settings, []);
    expect(doc).toMatchObject({
      newsletter: 'SRE Weekly',
      number: 7,
      title: 'SRE Weekly Issue #7',
      sponsor: 'This issue is brought to you by **Acme**.',
    });
    expect([Date.parse(doc.start), Date.parse(doc.end)]).toEqual([
      Date.parse('2026-06-08T00:00:00.000Z'),
      Date.parse('2026-06-15T00:00:00.000Z'),
    ]);
    expect(IssueDocument.safeParse(doc).success).toBe(true);
  });

  it('an issue without a sponsor has an empty one', () => {
    expect(toIssueDocument({ ...issue, sponsor: '' }, settings, []).sponsor).toBe('');
  });

  it('lists every section in the settings’ order, empty ones included, with name and style', () => {
    const doc = toIssueDocument(issue, settings, []);
    expect(doc.sections).toEqual([
      { id: 'articles', name: 'Articles', style: 'entries', entries: [] },
      { id: 'tools', name: 'Tools', style: 'entries', entries: [] },
      { id: 'outages', name: 'Outages', style: 'bullets', entries: [] },
    ]);
  });

  it('orders entries by position within their section', () => {
    const clippings = [
      clip('o2', 'outages', 2048),
      clip('a2', 'articles', 2048),
      clip('o1', 'outages', 1024),
      clip('a1', 'articles', 1024),
      clip('a0', 'articles', 5),
    ];
    const doc = toIssueDocument(issue, settings, clippings);
    expect(doc.sections.map((s) => [s.id, s.entries.map((e) => e.id)])).toEqual([
      ['articles', ['clipping-a0', 'clipping-a1', 'clipping-a2']],
      ['tools', []],
      ['outages', ['clipping-o1', 'clipping-o2']],
    ]);
  });

  it('follows the settings’ section order', () => {
    const reordered = { ...settings, sections: [settings.sections[2]!, settings.sections[0]!] };
    const doc = toIssueDocument(issue, reordered, [clip('a1', 'articles', 1), clip('o1', 'outages', 1), clip('t1', 'tools', 1)]);
    expect(doc.sections.map((s) => [s.id, s.entries.map((e) => e.id)])).toEqual([
      ['outages', ['clipping-o1']],
      ['articles', ['clipping-a1']],
    ]);
  });

  it('leaves out clippings without a section and those whose section was removed', () => {
    const doc = toIssueDocument(issue, settings, [clip('n', null, 1), clip('gone', 'podcasts', 2), clip('a1', 'articles', 3)]);
    expect(doc.sections.flatMap((s) => s.entries.map((e) => e.id))).toEqual(['clipping-a1']);
    expect(doc.sections.map((s) => s.id)).toEqual(['articles', 'tools', 'outages']);
    expect(documentClippingIds(doc)).toEqual(new Set(['clipping-a1']));
  });

  it('an entry holds what the exports print, and nothing of the store’s bookkeeping', () => {
    const c = clip('a1', 'articles', 1, { quote: 'The disk filled up.', quoteLink: 'https://example.com/a1#:~:text=The%20disk' });
    const [entry] = toIssueDocument(issue, settings, [c]).sections[0]!.entries;
    expect(entry).toEqual({
      id: 'clipping-a1',
      url: 'https://example.com/a1',
      title: 'Title a1',
      authors: ['Author a1'],
      siteName: 'Site a1',
      publishedTime: '2026-06-09',
      summary: 'Summary a1',
      quote: 'The disk filled up.',
      quoteLink: 'https://example.com/a1#:~:text=The%20disk',
    });
  });

  it('the ISO window follows the issue’s instants exactly (a DST week in Berlin)', () => {
    const berlin = { ...settings, timeZone: 'Europe/Berlin' };
    const doc = toIssueDocument(
      { ...issue, start: Date.parse('2026-10-18T22:00:00Z'), end: Date.parse('2026-10-25T23:00:00Z') },
      berlin,
      [],
    );
    // The same instants, written with Berlin's offset on each side of the change, so the days read right.
    expect([doc.start, doc.end]).toEqual(['2026-10-19T00:00:00.000+02:00', '2026-10-26T00:00:00.000+01:00']);
  });

  it('produces a document that satisfies the export schema, with clippings', () => {
    const doc = toIssueDocument(issue, settings, [clip('a1', 'articles', 1), clip('o1', 'outages', 1)]);
    expect(IssueDocument.parse(doc)).toEqual(doc);
  });
});
