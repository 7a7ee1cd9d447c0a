import MarkdownIt from 'markdown-it';
import { describe, expect, it, vi } from 'vitest';
import { hostileDocument } from '../../test/golden/hostile-fixture';
import { goldenDocument } from '../../test/golden/sre-weekly-fixture';
import type { IssueDocument } from './issue-document';
import { SANITIZE_CONFIG } from './sanitize-config';
import { elementsIn, testPurify, testSanitize } from '../../test/export-dom';

/** One piece cleaned as part of a batch, between two harmless neighbours (so the one-call path is taken). */
function clean(dirty: string): string {
  const [before, cleaned, after] = testSanitize(['<p>before</p>', dirty, '<p>after</p>']);
  expect([before, after]).toEqual(['<p>before</p>', '<p>after</p>']);
  return cleaned!;
}

/** Each piece on its own, the way DOMPurify is documented to be used. */
const oneByOne = (pieces: readonly string[]) => pieces.map((html) => testPurify.sanitize(html, SANITIZE_CONFIG));

/** What the HTML export hands the sanitiser for a document: its summaries and sponsor rendered by markdown-it. */
function editorPieces(doc: IssueDocument): string[] {
  const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
  return [doc.sponsor, ...doc.sections.flatMap((s) => s.entries.map((e) => e.summary))]
    .filter(Boolean)
    .map((text) => markdown.render(text).trim());
}

const ALLOWED = ['p', 'a', 'em', 'strong', 'code', 'ul', 'ol', 'li', 'blockquote', 'br'];
function expectClean(html: string) {
  for (const { tag, attributes } of elementsIn(html)) {
    expect(ALLOWED).toContain(tag);
    for (const [name, value] of Object.entries(attributes)) {
      expect(['href', 'title', 'rel']).toContain(name);
      if (name === 'href') expect(value).toMatch(/^(https?|mailto):/);
    }
  }
}

describe('SANITIZE_CONFIG (DOMPurify)', () => {
  it('keeps the allowed tags and attributes', () => {
    const html =
      '<p>A <a href="https://x.example/" title="T" rel="noopener noreferrer">link</a>, <em>em</em>, <strong>strong</strong>, <code>c</code><br>x</p><ul><li>u</li></ul><ol><li>o</li></ol><blockquote><p>q</p></blockquote><p><a href="mailto:editor@x.example">mail</a></p>';
    expect(clean(html)).toBe(html);
    expect(testSanitize([html])).toEqual([html]);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['<a href="/relative">x</a>', '<a>x</a>'],
    ['<a href="ftp://x.example/">x</a>', '<a>x</a>'],
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<style>p{color:red}</style><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)" style="color:red" class="c" id="i">ok</p>', '<p>ok</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<svg onload=alert(1)><circle/></svg>', ''],
    ['<iframe src="javascript:alert(1)"></iframe>', ''],
    ['<a href="https://x.example/" target="_blank" data-x="1" aria-label="l">x</a>', '<a href="https://x.example/">x</a>'],
    ['<h1>Heading</h1><table><tr><td>cell</td></tr></table>', 'Headingcell'],
    ['<form action="https://x.example/"><input name="q"></form>', ''],
  ])('makes %j into %j', (dirty, cleaned) => {
    expect(clean(dirty)).toBe(cleaned);
    expect(testSanitize([dirty])).toEqual([cleaned]);
  });

  it('never lets an event handler, script or non-web link through mutation-XSS classics', () => {
    const classics = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<p><a href="https://ok.example/">ok</a><a href=" javascript:alert(1)">bad</a></p>',
    ];
    for (const dirty of classics) expectClean(clean(dirty));
    // All at once too: whatever a piece does to the pieces around it, nothing live comes out.
    const together = testSanitize(classics);
    expect(together).toHaveLength(classics.length);
    for (const html of together) expectClean(html);
  });
});

describe('createSanitizer: every piece in one DOMPurify call', () => {
  it('cleans the export’s pieces exactly as one call per piece would, in one call', () => {
    for (const pieces of [editorPieces(goldenDocument()), editorPieces(hostileDocument())]) {
      expect(pieces.length).toBeGreaterThan(2);
      const expected = oneByOne(pieces);
      const sanitize = vi.spyOn(testPurify, 'sanitize');
      try {
        expect(testSanitize(pieces)).toEqual(expected);
        expect(sanitize).toHaveBeenCalledTimes(1);
      } finally {
        sanitize.mockRestore();
      }
    }
  });

  it('keeps pieces apart and in order, including nested quotes and lists like its own wrapper', () => {
    const pieces = [
      '<p>one</p>',
      '<blockquote>\n<p>q</p>\n</blockquote>',
      '<ul>\n<li>a</li>\n<li><blockquote><p>b</p></blockquote></li>\n</ul>',
      ' <p>lead</p>',
      '<p><em>x</em>',
      'plain text',
    ];
    expect(testSanitize(pieces)).toEqual(oneByOne(pieces));
  });

  it('falls back to one call per piece when a piece breaks out of its wrapper', () => {
    const pieces = [
      '<p>a</p></blockquote><blockquote><p>b</p>',
      '<p>c</p><script>alert(1)</script>',
      '<p>d</p><blockquote>',
      '<a href="javascript:alert(1)">e</a>',
    ];
    const expected = oneByOne(pieces);
    const sanitize = vi.spyOn(testPurify, 'sanitize');
    try {
      expect(testSanitize(pieces)).toEqual(expected);
      expect(sanitize).toHaveBeenCalledTimes(1 + pieces.length);
    } finally {
      sanitize.mockRestore();
    }
  });

  it('falls back when a formatting element left open in one piece would be reopened in the next (a link spreading to another clipping)', () => {
    const pieces = ['<p>see <a href="https://evil.example/">this', '<p>Second clipping summary</p>', '<p><em>third</em></p>'];
    expect(testSanitize(pieces)).toEqual(oneByOne(pieces));
    expect(testSanitize(pieces)[1]).toBe('<p>Second clipping summary</p>');
  });

  it('answers nothing for nothing', () => {
    expect(testSanitize([])).toEqual([]);
  });
});
