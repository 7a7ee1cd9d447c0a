import { describe, expect, it } from 'vitest';
import { elementsIn, testSanitize } from './test-dom';

describe('SANITIZE_CONFIG (DOMPurify)', () => {
  it('keeps the allowed tags and attributes', () => {
    const html =
      '<p>A <a href="https://x.example/" title="T" rel="noopener noreferrer">link</a>, <em>em</em>, <strong>strong</strong>, <code>c</code><br>x</p><ul><li>u</li></ul><ol><li>o</li></ol><blockquote><p>q</p></blockquote><p><a href="mailto:editor@x.example">mail</a></p>';
    expect(testSanitize(html)).toBe(html);
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
  ])('makes %j into %j', (dirty, clean) => {
    expect(testSanitize(dirty)).toBe(clean);
  });

  it('never lets an event handler, script or non-web link through mutation-XSS classics', () => {
    const classics = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<p><a href="https://ok.example/">ok</a><a href=" javascript:alert(1)">bad</a></p>',
    ];
    for (const dirty of classics) {
      for (const { tag, attributes } of elementsIn(testSanitize(dirty))) {
        expect(['p', 'a', 'em', 'strong', 'code', 'ul', 'ol', 'li', 'blockquote', 'br']).toContain(tag);
        for (const [name, value] of Object.entries(attributes)) {
          expect(['href', 'title', 'rel']).toContain(name);
          if (name === 'href') expect(value).toMatch(/^(https?|mailto):/);
        }
      }
    }
  });
});
