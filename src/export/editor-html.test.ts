import { describe, expect, it } from 'vitest';
import { EDITOR_ALLOW_LIST } from './allow-list';
import { editorHtml } from './editor-html';
import { hostileDocument } from '../../test/golden/hostile-fixture';
import { goldenDocument } from '../../test/golden/sre-weekly-fixture';
import { renderHtml } from './html';
import { SANITIZE_CONFIG } from './sanitize-config';
import { elementsIn, testPurify, testSanitize } from '../../test/export-dom';

/** Summaries that try what an editor's paste or a hostile page could put in one, and ordinary Markdown. */
const SUMMARIES = [
  'Raw <script>alert(1)</script> and <img src=x onerror=alert(1)> and <iframe src="javascript:alert(1)"></iframe> <!-- c -->',
  '[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,<script>alert(1)</script>) [v](vbscript:msgbox(1))',
  '[r](/relative) [p](//evil.example/) <javascript:alert(1)> [ok](https://ok.example/ "t\\" onmouseover=\\"alert(1)")',
  '[mail](mailto:editor@example.com) and https://bare.example/x?a=1&b=2 and [ref][1]\n\n[1]: javascript:alert(1)',
  '# Big\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![alt](https://img.example/x.png)\n\n---\n\n```js\n<script>alert(1)</script>\n```',
  '* one\n* two\n\n1. three\n2. four\n\n> quoted *em* **strong** `code <b>`\n\nline  \nbreak\u00a0nbsp & "quotes" \'single\'',
  '    indented <code> block\n\nafter',
];

describe('editorHtml: HTML written by construction from the one allow-list', () => {
  it.each(SUMMARIES)('writes %j with only allowed elements, attributes and links', (summary) => {
    for (const { tag, attributes } of elementsIn(editorHtml(summary))) {
      expect(Object.keys(EDITOR_ALLOW_LIST.elements)).toContain(tag);
      for (const [name, value] of Object.entries(attributes)) {
        expect(EDITOR_ALLOW_LIST.elements[tag]).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?|mailto):/);
      }
    }
  });

  it.each(SUMMARIES)('writes %j exactly as DOMPurify with the same list leaves it (the pages’ second layer changes nothing)', (summary) => {
    const html = editorHtml(summary);
    expect(testPurify.sanitize(html, SANITIZE_CONFIG)).toBe(html);
  });

  it('prints raw HTML as text and leaves a link that fails the safe-URL check as its text', () => {
    expect(editorHtml('<b onclick="x">b</b> [r](/relative) [ok](https://ok.example/)')).toBe(
      '<p>&lt;b onclick="x"&gt;b&lt;/b&gt; r <a href="https://ok.example/" rel="noopener noreferrer">ok</a></p>',
    );
  });

  it('is the list SANITIZE_CONFIG is made from', () => {
    expect(SANITIZE_CONFIG.ALLOWED_TAGS).toEqual(Object.keys(EDITOR_ALLOW_LIST.elements));
    expect(SANITIZE_CONFIG.ALLOWED_ATTR).toEqual(['href', 'title', 'rel']);
    expect(SANITIZE_CONFIG.ALLOWED_URI_REGEXP?.test('mailto:a@b.example')).toBe(true);
    expect(SANITIZE_CONFIG.ALLOWED_URI_REGEXP?.test('javascript:alert(1)')).toBe(false);
  });
});

describe('renderHtml without a DOM (the worker’s draft) and with DOMPurify (the pages’ export)', () => {
  it.each([
    ['the SRE Weekly issue', goldenDocument()],
    ['the hostile issue', hostileDocument()],
    [
      'an issue of hostile summaries',
      {
        ...hostileDocument(),
        sponsor: SUMMARIES[0]!,
        sections: hostileDocument().sections.map((s) => ({
          ...s,
          entries: s.entries.map((e, i) => ({ ...e, summary: SUMMARIES.slice(i).join('\n\n') })),
        })),
      },
    ],
  ])('writes %s the same: one sanitiser for both', (_, doc) => {
    expect(renderHtml(doc)).toBe(renderHtml(doc, { sanitize: testSanitize }));
  });
});
