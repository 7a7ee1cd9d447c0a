import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { listOf } from '../i18n/messages';
import { describe, expect, it } from 'vitest';
import { Capture } from '../clip/capture';
import { extractCapture } from './extract';
import { documentAt } from '../../test/document';

const DIR = resolve(import.meta.dirname, '..', '..', 'samples', 'articles');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));
const FIELDS = ['canonicalUrl', 'title', 'siteName', 'publishedTime', 'excerpt', 'lang'] as const;

describe('sample articles (samples/articles/)', () => {
  it('has the five kinds of page the tests and the tour need', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of names) {
    it(`${name}: capture matches ${name}.expected.json`, () => {
      const html = readFileSync(resolve(DIR, `${name}.html`), 'utf8');
      const expected = JSON.parse(readFileSync(resolve(DIR, `${name}.expected.json`), 'utf8')) as Record<string, string | null>;
      const capture = Capture.parse(
        extractCapture(documentAt(html, `http://127.0.0.1/${name}.html`), { now: new Date('2026-12-01T00:00:00Z') }),
      );
      for (const field of FIELDS) {
        // A missing key is not checked; null means "must be empty".
        if (!(field in expected)) continue;
        expect(capture[field]?.value ?? null, field).toBe(expected[field]);
      }
      // `byline` is the authors as the popup shows them, joined in English.
      if ('byline' in expected) expect(capture.authors ? listOf(capture.authors.value, 'en') : null, 'byline').toBe(expected.byline);
      if ('suggestedSection' in expected) expect(capture.suggestedSection ?? null).toBe(expected.suggestedSection);
      expect(Buffer.byteLength(html)).toBeLessThan(8 * 1024);
    });
  }
});
