import { describe, expect, it } from 'vitest';
import type { CaptureCandidates, PageCapture } from './capture';
import { captureFromPage } from './capture-from-page';

const now = new Date('2024-06-01T00:00:00Z');
const NO_DATES = { published: [], inArticle: [], elsewhere: [], modified: [] };
const page = (candidates: Partial<CaptureCandidates>, extra: Partial<PageCapture> = {}): PageCapture => ({
  pageUrl: 'https://news.ex.com/2021/05/04/story',
  title: { value: 'A story', source: 'opengraph' },
  siteName: { value: 'Ex News', source: 'opengraph' },
  notes: [],
  candidates: { authors: [], ...NO_DATES, ...candidates },
  ...extra,
});
const finished = (raw: unknown) => {
  const result = captureFromPage(raw, now);
  if (!result.ok) throw new Error(result.detail);
  return result.capture;
};

describe('captureFromPage: raw candidates in, cleaned fields out', () => {
  it('cleans the first author candidate that yields a name, keeping its source', () => {
    const c = finished(
      page({
        authors: [
          { source: 'json-ld', names: ['https://ex.com/people/x'] },
          { source: 'meta', names: ['By JANE DOE, Staff Writer · Updated March 3'] },
          { source: 'byline-markup', names: ['By Someone Else'] },
        ],
      }),
    );
    // The page's own byline names someone else: the declared name is a suggestion to confirm.
    expect(c.authors).toEqual({ value: ['Jane Doe'], source: 'meta', uncertain: true });
  });

  it('never takes the site’s name, unless a JSON-LD person owns the blog; a desk credit yields to the page’s byline', () => {
    expect(finished(page({ authors: [{ source: 'meta', names: ['Ex News'] }] })).authors).toBeUndefined();
    expect(finished(page({ authors: [{ source: 'json-ld', names: ['Ex News'], ownSite: true }] })).authors).toEqual({
      value: ['Ex News'],
      source: 'json-ld',
    });
    const staff = page({
      authors: [
        { source: 'meta', names: ['Ex News Staff'] },
        { source: 'page-text', names: ['By Ann Lee'] },
      ],
    });
    // A name read from a "By …" line is a guess.
    expect(finished(staff).authors).toEqual({ value: ['Ann Lee'], source: 'page-text', uncertain: true });
  });

  it('the page’s own byline must be capitalised, declared metadata need not', () => {
    expect(finished(page({ authors: [{ source: 'byline-markup', names: ['by the editors of this site'] }] })).authors).toBeUndefined();
    expect(finished(page({ authors: [{ source: 'meta', names: ['ann lee'] }] })).authors?.value).toEqual(['ann lee']);
  });

  it('parses the first plausible date: no future dates, a zone taken from the shown text, a bare day refined, the address last', () => {
    const date = (dates: Partial<CaptureCandidates>) => finished(page(dates)).publishedTime;
    expect(
      date({
        published: [
          { source: 'opengraph', value: '2031-01-01' },
          { source: 'meta', value: 'May 4, 2021 10:00 am EDT' },
        ],
      }),
    ).toEqual({
      value: '2021-05-04T10:00:00-04:00',
      source: 'meta',
    });
    expect(date({ inArticle: [{ source: 'time-element', value: '2022-10-17 16:01:26', shown: '10/17/2022 04:01 PM EDT' }] })).toEqual({
      value: '2022-10-17T16:01:26-04:00',
      source: 'time-element',
      uncertain: true, // the test page's address is dated 2021-05-04
    });
    expect(
      date({
        published: [{ source: 'meta', value: '2016-12-15' }],
        inArticle: [{ source: 'time-element', value: '2016-12-15T15:33:00-05:00' }],
      }),
    ).toEqual({
      value: '2016-12-15T15:33:00-05:00',
      source: 'time-element',
      uncertain: true, // the address's 2021-05-04 disagrees
    });
    // The address says 2021-05-04: a date more than a day off it is a suggestion to confirm.
    expect(date({ elsewhere: [{ source: 'byline-markup', value: '', shown: 'Posted Jan 2, 2020' }] })).toEqual({
      value: '2020-01-02',
      source: 'byline-markup',
      uncertain: true,
    });
    expect(date({ published: [{ source: 'meta', value: 'not a date' }] })).toEqual({ value: '2021-05-04', source: 'url' });
  });

  it('notes a page without metadata, and passes a page without candidates on as it is', () => {
    const bare = page({}, { title: { value: 'A story', source: 'document-title' }, siteName: { value: 'ex.com', source: 'host' } });
    expect(finished(bare).notes).toEqual(['No article metadata found: check the title and author.']);
    const unread = { pageUrl: 'https://ex.com/a', notes: ['This page could not be read (boom): only its address and title were kept.'] };
    expect(finished(unread)).toEqual(unread);
  });
});

describe('captureFromPage: a hostile page’s data', () => {
  it.each([
    ['names that are not strings', { authors: [{ source: 'meta', names: [{ toString: 'x' }] }] }, /candidates › authors › 0 › names › 0/],
    ['a source the extension does not know', { authors: [{ source: 'evil', names: ['A'] }] }, /candidates › authors › 0 › source/],
    ['an oversized date', { published: [{ source: 'meta', value: '2020'.repeat(100) }] }, /candidates › published › 0 › value/],
    [
      'too many author candidates',
      { authors: Array.from({ length: 601 }, () => ({ source: 'meta', names: ['A'] })) },
      /candidates › authors/,
    ],
    ['an empty candidate', { authors: [{ source: 'meta', names: [] }] }, /candidates › authors › 0 › names/],
  ])('refuses %s, saying where in words', (_, candidates, where) => {
    const result = captureFromPage(page(candidates as Partial<CaptureCandidates>), now);
    expect(result).toMatchObject({ ok: false, reason: 'garbled' });
    expect(!result.ok && result.detail).toMatch(/^The page gave back data that does not fit: /);
    expect(!result.ok && result.detail).toMatch(where);
  });

  it('refuses nothing at all, and data that is no capture', () => {
    expect(captureFromPage(undefined, now)).toMatchObject({ ok: false, reason: 'nothing' });
    expect(captureFromPage('<html>', now)).toMatchObject({ ok: false, reason: 'garbled' });
  });

  it('lets a page decide neither the byline, nor the date, nor a Reader View offer: the worker does', () => {
    const sneaky = {
      ...page({ authors: [{ source: 'meta', names: ['Ann Lee'] }] }),
      authors: { value: ['Evil'], source: 'json-ld' },
      publishedTime: { value: '2099-01-01', source: 'json-ld' },
      readerView: { originalUrl: 'https://evil.example/' },
    };
    const c = finished(sneaky);
    expect(c.authors).toEqual({ value: ['Ann Lee'], source: 'meta' });
    expect(c.publishedTime).toEqual({ value: '2021-05-04', source: 'url' });
    expect(c).not.toHaveProperty('readerView');
  });
});
