import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { safeEditorMarkdown } from './editor-markdown';
import { elementsIn } from '../../test/export-dom';

// Raw HTML through, and every link linked whatever its scheme: the worst renderer the export could meet.
const anything = new MarkdownIt({ html: true, linkify: false });
anything.validateLink = () => true;

/** Asserts that even a renderer passing HTML and any link through makes nothing but Markdown's own elements and safe links of `markdown`. */
function expectInert(markdown: string) {
  for (const { tag, attributes } of elementsIn(anything.render(markdown))) {
    expect(['p', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'br', 'h1', 'hr', 'img']).toContain(tag);
    for (const [name, value] of Object.entries(attributes)) {
      expect(['href', 'src', 'alt', 'title', 'class', 'start']).toContain(name);
      if (name === 'href' || name === 'src') expect(value).toMatch(/^(https?|mailto):/);
    }
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'Text <img src=x onerror=alert(1)> more',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<!-- a comment --> and <?php echo 1 ?> and <!DOCTYPE html> and <![CDATA[x]]>',
  '<div>\nblock <b onclick="alert(1)">b</b>\n</div>',
  '[x](javascript:alert(1)) [y]( JAVASCRIPT:alert(1) ) [z](<data:text/html,x>) [v](vbscript:msgbox(1)) [r](/relative)',
  '<javascript:alert(1)> and ![i](javascript:alert(1))',
  '[ref][1] and [two]\n\n[1]: javascript:alert(1)\n[two]: <data:text/html,x>',
  '* item <svg onload=alert(1)>\n  * nested [x](javascript:alert(1))\n\n> quote <img src=x onerror=alert(1)>',
  '`unclosed code <script>alert(1)</script>',
  '[a [b](javascript:alert(1))](https://ok.example/)',
];

describe('safeEditorMarkdown', () => {
  it.each(HOSTILE)('leaves nothing live of %j, even for a renderer that allows raw HTML', (summary) => {
    expectInert(safeEditorMarkdown(summary));
  });

  it('escapes only what would become HTML or an unsafe link, and prints it as typed', () => {
    const summary = 'See <b>this</b> and [x](javascript:alert(1)), [ok](https://ok.example/a_(b)) and <https://auto.example/>.';
    const markdown = safeEditorMarkdown(summary);
    expect(markdown).toBe(
      'See \\<b>this\\</b> and [x]\\(javascript:alert(1)), [ok](https://ok.example/a_(b)) and <https://auto.example/>.',
    );
    const fragment = elementsIn(anything.render(markdown));
    expect(fragment.filter((e) => e.tag === 'a').map((e) => e.attributes.href)).toEqual([
      'https://ok.example/a_(b)',
      'https://auto.example/',
    ]);
    expect(anything.render(markdown)).toContain('See &lt;b&gt;this&lt;/b&gt; and [x](javascript:alert(1))');
  });

  it('keeps the editor’s Markdown as written when nothing in it is unsafe, code with tags included', () => {
    const summary =
      'Use `<div>` here, **bold** [link](https://x.example/) <mailto:a@x.example>\n\n```html\n<script>ok in code</script>\n```\n\n* a\n* b';
    expect(safeEditorMarkdown(summary)).toBe(summary);
  });

  it('leaves code spans and fenced code alone while escaping the HTML around them', () => {
    expect(safeEditorMarkdown('`<b>` <b>x</b>\n\n~~~\n<i>code</i>\n~~~')).toBe('`<b>` \\<b>x\\</b>\n\n~~~\n<i>code</i>\n~~~');
  });

  it('falls back to escaping every bracket when a reference definition points at an unsafe URL', () => {
    const markdown = safeEditorMarkdown('[ok](https://ok.example/) [ref][1]\n\n[1]: javascript:alert(1)');
    expect(markdown).toBe('\\[ok\\](https://ok.example/) \\[ref\\]\\[1\\]\n\n\\[1\\]: javascript:alert(1)');
  });
});
