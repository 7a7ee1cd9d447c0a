import { describe, expect, it } from 'vitest';
import { htmlTextReader } from './html-text';
import { readMetaTags } from './meta-tags';
import { documentAt } from '../../test/document';

const plainText = htmlTextReader(documentAt('<html><head></head><body><p id="page">The page</p></body></html>'));

describe('htmlTextReader', () => {
  it('decodes named references, beyond the few a hand-kept table had', () => {
    expect(plainText('Tom &amp; Jerry &mdash; &ldquo;caf&eacute;&rdquo;&hellip; &copy;&nbsp;2024 &euro;5 &frac12; &hearts;')).toBe(
      'Tom & Jerry — “café”… © 2024 €5 ½ ♥',
    );
  });

  it('decodes numeric references, NUL and out-of-range ones to U+FFFD, C1 ones as Windows-1252', () => {
    expect(plainText('It&#8217;s &#x1F62D; &#xFFFFFFFF; &#x0; &#39;quoted&#39;')).toBe("It’s 😭 \uFFFD \uFFFD 'quoted'");
    expect(plainText('&#150; &#128;')).toBe('– €');
  });

  it('handles malformed references as browsers do: a missing semicolon, unknown names, a bare ampersand', () => {
    expect(plainText('AT&T &amp Co &notit; &bogus; & done; &#; &#xZZ;')).toBe('AT&T & Co ¬it; &bogus; & done; &#; &#xZZ;');
  });

  it('decodes one level only: double-encoded text keeps its second level', () => {
    expect(plainText('&amp;amp; &amp;#8217;')).toBe('&amp; &#8217;');
  });

  it('drops tags before decoding, so escaped markup stays text and never becomes elements', () => {
    expect(plainText('It&#8217;s <em>fine</em> &lt;script&gt;alert(1)&lt;/script&gt;')).toBe('It’s fine <script>alert(1)</script>');
    expect(plainText('&lt;img src=x onerror=alert(1)&gt;')).toBe('<img src=x onerror=alert(1)>');
  });

  it('leaves the page untouched: nothing is inserted into it', () => {
    const doc = documentAt('<html><head></head><body><p>Page</p></body></html>');
    const before = doc.documentElement.outerHTML;
    htmlTextReader(doc)('A &amp; <b>B</b> &lt;textarea&gt;');
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelectorAll('textarea')).toHaveLength(0);
  });

  it('squashes white space (NBSP included) and zero-width characters, and passes plain text through', () => {
    expect(plainText('  Plain\u00a0\u200btext\n here ')).toBe('Plain text here');
  });
});

describe('meta values', () => {
  it('decode what a CMS escaped twice (the parser decoded the first level)', () => {
    const meta = readMetaTags(
      documentAt('<html><head><meta property="og:title" content="It&amp;#8217;s &amp;ldquo;done&amp;rdquo;"></head><body></body></html>'),
    );
    expect(meta.first('og:title')?.value).toBe('It’s “done”');
  });
});
