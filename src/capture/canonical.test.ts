import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { documentAt } from '../../test/document';

const canonical = (head: string, url = 'https://www.ex.com/news/story?id=1&utm_source=x#top') =>
  extractCapture(documentAt(`<html><head>${head}</head><body></body></html>`, url)).canonicalUrl;

describe('canonicalUrl', () => {
  it('reads link[rel=canonical], resolves it against the page and drops tracking parameters', () => {
    expect(canonical('<link rel="canonical" href="/news/story?id=1&utm_campaign=a&fbclid=b">')).toEqual({
      value: 'https://www.ex.com/news/story?id=1',
      source: 'canonical-link',
    });
  });
  it('honours <base href> when resolving', () => {
    expect(canonical('<base href="https://cdn.ex.com/base/"><link rel="canonical" href="story.html">')?.value).toBe(
      'https://cdn.ex.com/base/story.html',
    );
  });
  it('falls back to og:url, then to the page address without tracking or fragment', () => {
    expect(canonical('<meta property="og:url" content="https://www.ex.com/news/story">')).toEqual({
      value: 'https://www.ex.com/news/story',
      source: 'opengraph',
    });
    expect(canonical('')).toEqual({ value: 'https://www.ex.com/news/story?id=1', source: 'url' });
  });
  it('leads an AMP page to its regular page', () => {
    expect(canonical('<link rel="canonical" href="https://www.ex.com/news/story">', 'https://amp.ex.com/news/story.amp')?.value).toBe(
      'https://www.ex.com/news/story',
    );
  });
  it('ignores junk and a canonical pointing at a home page', () => {
    expect(canonical('<link rel="canonical" href="https://www.ex.com/">')?.source).toBe('url');
    expect(canonical('<link rel="canonical" href="https://other.example/">')?.source).toBe('url');
    expect(canonical('<link rel="canonical" href="https://www.ex.com/{{slug}}">')?.source).toBe('url');
  });
});
