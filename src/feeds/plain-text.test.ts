import { describe, expect, it } from 'vitest';
import { htmlToText, oneLineText } from './plain-text';

describe('htmlToText', () => {
  it('drops tags, keeps words apart at block boundaries and together inside inline markup', () => {
    expect(htmlToText('<p>One</p><p>Two<br>Three</p><ul><li>a</li><li>b</li></ul>', 100)).toBe('One Two Three a b');
    expect(htmlToText('Caf<b>é</b> <a href="x">link</a>', 100)).toBe('Café link');
  });

  it('drops scripts, styles, comments and frames with their content, even unclosed', () => {
    expect(htmlToText('a<script>alert(1)</script>b<style>p{}</style>c<!-- hidden -->d<iframe src=x>fallback</iframe>e', 100)).toBe(
      'a b c d e',
    );
    expect(htmlToText('text<script>never closed', 100)).toBe('text');
    expect(htmlToText('text<!-- never closed', 100)).toBe('text');
    expect(htmlToText('cut at <a href="very', 100)).toBe('cut at');
  });

  it('decodes every HTML character reference once (escaped markup stays text)', () => {
    expect(htmlToText('&eacute;&nbsp;&mdash;&#8217;&#x1F600;&amp;lt;b&amp;gt;', 100)).toBe('é —’😀&lt;b&gt;');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;', 100)).toBe('<script>alert(1)</script>');
  });

  it('caps the result at a word boundary near the limit', () => {
    expect(htmlToText('<p>alpha beta gamma delta</p>', 19)).toBe('alpha beta gamma');
  });
});

describe('oneLineText', () => {
  it('removes controls and bidi controls and folds whitespace', () => {
    expect(oneLineText('a\u202Eb\u2066c\u200Fd\u0000e\n\tf\u00a0g', 100)).toBe('abcde f g');
  });
});
