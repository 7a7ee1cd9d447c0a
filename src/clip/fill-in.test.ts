import { describe, expect, it } from 'vitest';
import { makeCapture, makeForm } from '../../test/fixtures';
import type { Clipping } from './clipping';
import { formFromCapture } from './clipping-from-capture';
import { fillEmptyFields, missingCredits } from './fill-in';

const URL = 'https://news.example.org/a';
function clipping(overrides: Partial<Clipping> = {}): Clipping {
  return {
    ...makeForm({ url: URL, title: URL, section: null }),
    id: 'clipping-0001',
    urlKey: URL,
    origin: 'link',
    sources: { url: 'link' },
    notes: [],
    createdAt: 0,
    updatedAt: 0,
    issueId: 'issue-1',
    position: 0,
    ...overrides,
  };
}

describe('missingCredits', () => {
  it('names the empty credits; a title that is only the address counts as empty', () => {
    expect(missingCredits(clipping())).toEqual(['title', 'authors', 'siteName', 'publishedTime']);
    expect(missingCredits(clipping({ title: 'T', authors: ['A'], siteName: 'S', publishedTime: '2026-01-01' }))).toEqual([]);
  });
});

describe('fillEmptyFields', () => {
  it('fills only the empty fields, with the capture’s sources', () => {
    const found = formFromCapture(makeCapture(URL), []);
    const { changes, filled } = fillEmptyFields(clipping({ siteName: 'Mine', excerpt: 'The feed’s' }), found);
    expect(filled).toEqual(['title', 'authors', 'publishedTime', 'lang']);
    expect(changes).toMatchObject({
      title: 'What went wrong on Tuesday',
      authors: ['Ada Lovelace'],
      publishedTime: '2026-06-09',
      lang: 'en',
    });
    expect(changes).not.toHaveProperty('siteName');
    expect(changes).not.toHaveProperty('excerpt');
    expect(changes.sources).toMatchObject({ url: 'link', title: 'json-ld', authors: 'json-ld' });
  });

  it('fills nothing when the page has nothing more, and never uses an address as a title', () => {
    const bare = makeCapture(URL, { title: { value: URL, source: 'url' } });
    delete bare.authors;
    delete bare.siteName;
    delete bare.publishedTime;
    delete bare.excerpt;
    delete bare.lang;
    expect(fillEmptyFields(clipping(), formFromCapture(bare, []))).toEqual({ changes: {}, filled: [] });
  });
});
