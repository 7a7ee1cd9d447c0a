import { describe, expect, it } from 'vitest';
import { spacedText } from './spaced-text';
import { plainText } from './text';
import { documentAt } from '../../test/document';

describe('plainText', () => {
  it('decodes references as HTML parsers do, NUL and out-of-range ones to U+FFFD', () => {
    expect(plainText('It&#8217;s &#x1F62D; &#xFFFFFFFF; &#x0;')).toBe('It’s 😭 \uFFFD \uFFFD');
  });
});

describe('spacedText', () => {
  it('separates blocks and <br> lines with " | "', () => {
    const doc = documentAt('<html><body><p id="b">Written by <a>Rob Roe</a><br>Edited by Ann Lee</p></body></html>');
    expect(spacedText(doc.getElementById('b')!)).toBe('Written by Rob Roe | Edited by Ann Lee');
  });
});
