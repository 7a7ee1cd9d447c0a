import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { toBcp47 } from './language';
import { documentAt } from '../../test/document';

describe('language', () => {
  it('normalises to BCP 47', () => {
    expect(toBcp47('en_US')).toBe('en-US');
    expect(toBcp47('EN-gb')).toBe('en-GB');
    expect(toBcp47('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(toBcp47('de, en')).toBe('de');
    expect(toBcp47('not a language')).toBeUndefined();
  });
  it('reads html[lang], then Content-Language, then og:locale; a region may refine', () => {
    const lang = (html: string) => extractCapture(documentAt(html, 'https://ex.com/')).lang;
    expect(lang('<html lang="de"><head></head><body></body></html>')).toEqual({ value: 'de', source: 'html-lang' });
    expect(lang('<html><head><meta http-equiv="content-language" content="fr-CA"></head><body></body></html>')).toEqual({
      value: 'fr-CA',
      source: 'meta',
    });
    expect(lang('<html><head><meta property="og:locale" content="en_GB"></head><body></body></html>')).toEqual({
      value: 'en-GB',
      source: 'opengraph',
    });
    expect(lang('<html lang="en"><head><meta property="og:locale" content="en_US"></head><body></body></html>')?.value).toBe('en-US');
    expect(lang('<html lang="en"><head><meta property="og:locale" content="de_DE"></head><body></body></html>')?.value).toBe('en');
  });
});
