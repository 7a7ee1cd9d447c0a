import { describe, expect, it } from 'vitest';
import { spacedText } from './spaced-text';
import { documentAt } from '../../test/document';

describe('spacedText', () => {
  it('separates blocks and <br> lines with " | "', () => {
    const doc = documentAt('<html><body><p id="b">Written by <a>Rob Roe</a><br>Edited by Ann Lee</p></body></html>');
    expect(spacedText(doc.getElementById('b')!)).toBe('Written by Rob Roe | Edited by Ann Lee');
  });
});
