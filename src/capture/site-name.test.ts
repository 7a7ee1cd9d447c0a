import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { siteNameFromHost } from './site-name';
import { documentAt } from '../../test/document';

describe('siteName', () => {
  const at = (head: string, url = 'https://www.ex.com/a') =>
    extractCapture(documentAt(`<html><head>${head}</head><body></body></html>`, url)).siteName;

  it('reads og:site_name, then JSON-LD publisher, then application-name', () => {
    expect(at('<meta property="og:site_name" content="Ex Times"><meta name="application-name" content="App">')).toEqual({
      value: 'Ex Times',
      source: 'opengraph',
    });
    expect(
      at('<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Ex Pub"}}</script>'),
    ).toEqual({ value: 'Ex Pub', source: 'json-ld' });
    expect(at('<meta name="application-name" content="Ex App">')).toEqual({ value: 'Ex App', source: 'meta' });
  });
  it('uses the title suffix next to the headline', () => {
    expect(at('<title>Quiet pagers | The Ex Ledger</title><meta property="og:title" content="Quiet pagers">')).toEqual({
      value: 'The Ex Ledger',
      source: 'document-title',
    });
  });
  it('falls back to a readable host, never a guessed fragment', () => {
    expect(at('', 'https://engineering.fb.com/2024/x')).toEqual({ value: 'engineering.fb.com', source: 'host' });
    expect(siteNameFromHost('https://www.ex.com/a')).toBe('ex.com');
    expect(siteNameFromHost('https://medium.com/@someone/post')).toBe('Medium');
    expect(siteNameFromHost('https://github.com/o/r')).toBe('GitHub');
  });
});
