import { describe, expect, it } from 'vitest';
import { textDirection } from './text-direction';

describe('textDirection', () => {
  it.each([
    ['en', 'ltr'],
    ['en-US', 'ltr'],
    ['de', 'ltr'],
    ['ja', 'ltr'],
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['az-Arab', 'rtl'],
    ['az-Latn', 'ltr'],
  ])('%s is written %s', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });

  it('falls back to left to right for a tag that does not parse', () => {
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('not a tag!')).toBe('ltr');
  });
});
