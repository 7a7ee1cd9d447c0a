import { describe, expect, it } from 'vitest';
import type { FeedItem } from './feed-item';
import { itemKey, itemsToFile } from './import-plan';

const item = (link: string, title = link): FeedItem => ({
  link,
  title,
  authors: [],
  publication: 'P',
  publishedAt: null,
  summary: '',
  guid: link,
});

describe('itemsToFile', () => {
  it('keys items as the store keys clippings (scheme, www., trailing slash, tracking)', () => {
    expect(itemKey(item('http://www.example.org/a/?utm_source=rss'))).toBe(itemKey(item('https://example.org/a')));
  });

  it('files only what is not known, each once, oldest first', () => {
    const items = [item('https://e.org/3'), item('https://e.org/2'), item('https://www.e.org/2/'), item('https://e.org/1')];
    const known = new Set([itemKey(item('https://e.org/1'))]);
    expect(itemsToFile(items, (key) => known.has(key)).map((i) => i.link)).toEqual(['https://e.org/2', 'https://e.org/3']);
    expect(itemsToFile(items, () => true)).toEqual([]);
  });
});
