import { describe, expect, it } from 'vitest';
import { escapeMarkdownHeading, escapeMarkdownText, markdownDestination } from './markdown-escape';
import { oneLine } from './page-text';
import { permissiveMarkdown } from '../../test/export-dom';

const html = (text: string) => permissiveMarkdown.utils.escapeHtml(text);

// Page text a hostile or merely unlucky page could supply. Each must come out of a Markdown
// renderer (one that even allows raw HTML) as exactly the characters it contains.
const TRICKY = [
  'Nice post](javascript:alert(1))',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/pixel.gif)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<https://evil.example>',
  '*bold* _em_ **strong** __strong__',
  '`code` ``more``',
  '~~struck~~ ~~~',
  'back\\slash \\* escaped',
  'AT&amp;T &copy; &#106;avascript &#x6A;',
  'Tools & Tips',
  '[ref]: https://evil.example',
  'a\nb\n\n# not a heading',
  '<!-- comment -->',
  'trailing backslash \\',
  '[link] [text][ref]',
];

const BLOCK_STARTS = [
  '# Heading',
  '## Heading',
  '> quote',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '123456789. item',
  '---',
  '***',
  '___',
  '===',
  '- - -',
  '#hashtag',
];

describe('escapeMarkdownText', () => {
  it.each(TRICKY)('makes %j literal inside a line', (text) => {
    expect(permissiveMarkdown.renderInline(`x ${escapeMarkdownText(text)}`)).toBe(html(`x ${oneLine(text)}`));
  });

  it.each([...TRICKY, ...BLOCK_STARTS])('makes %j literal at the start of a block', (text) => {
    expect(permissiveMarkdown.render(escapeMarkdownText(text, { atBlockStart: true }))).toBe(`<p>${html(oneLine(text))}</p>\n`);
  });

  it('escapes the inline syntax characters with backslashes', () => {
    expect(escapeMarkdownText('a[b]c*d_e`f<g~h\\i')).toBe('a\\[b\\]c\\*d\\_e\\`f\\<g\\~h\\\\i');
  });

  it('leaves a bare ampersand alone but escapes one that starts an entity', () => {
    expect(escapeMarkdownText('Tools & Tips &amp; &#106;')).toBe('Tools & Tips \\&amp; \\&#106;');
  });

  it('only escapes block markers when asked to', () => {
    expect(escapeMarkdownText('# one - two > three 1. four')).toBe('# one - two > three 1. four');
    expect(escapeMarkdownText('# one', { atBlockStart: true })).toBe('\\# one');
    expect(escapeMarkdownText('12. Monkeys', { atBlockStart: true })).toBe('12\\. Monkeys');
  });

  it('keeps ordinary text readable', () => {
    expect(escapeMarkdownText('Priya Raman and Tomás Ortega')).toBe('Priya Raman and Tomás Ortega');
    expect(escapeMarkdownText("Hospitals rethink on-call (again): what's next?")).toBe("Hospitals rethink on-call (again): what's next?");
  });
});

describe('escapeMarkdownHeading', () => {
  it.each(['Issue #501', 'We are #1', 'C#', 'Top #', 'Ends with ###', '#', '# hash first', 'Tags: #a #b'])(
    'keeps %j whole in an ATX heading',
    (text) => {
      expect(permissiveMarkdown.render(`## ${escapeMarkdownHeading(text)}`)).toBe(`<h2>${html(text)}</h2>\n`);
    },
  );

  it.each(TRICKY)('makes %j literal in a heading', (text) => {
    expect(permissiveMarkdown.render(`### ${escapeMarkdownHeading(text)}`)).toBe(`<h3>${html(oneLine(text))}</h3>\n`);
  });
});

describe('markdownDestination', () => {
  const linkOf = (href: string) => {
    const rendered = permissiveMarkdown.renderInline(`[t](${markdownDestination(href)})`);
    return /^<a href="([^"]*)">t<\/a>$/.exec(rendered)?.[1];
  };

  it('percent-encodes parentheses, spaces, angle brackets, quotes and backslashes', () => {
    expect(markdownDestination('https://en.wikipedia.example/wiki/Foo_(bar)?q=a b&c="d"<e>\\f')).toBe(
      'https://en.wikipedia.example/wiki/Foo_%28bar%29?q=a%20b&c=%22d%22%3Ce%3E%5Cf',
    );
  });

  it.each([
    'https://en.wikipedia.example/wiki/Foo_(bar)',
    'https://example.com/a)(b',
    'https://example.com/)](javascript:alert(1))',
    'https://example.com/?q=x" onmouseover="alert(1)',
    'https://example.com/#:~:text=a%20b,c',
    'https://example.com/a*b_c`d',
  ])('keeps %j one whole link', (href) => {
    expect(linkOf(href)).toBeDefined();
    expect(
      decodeURIComponent(
        linkOf(href)!
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      ),
    ).toBe(decodeURIComponent(href));
  });

  it('stops an entity in the URL from being decoded', () => {
    expect(linkOf('https://example.com/?a=1&copy;=2')).toBe('https://example.com/?a=1&amp;copy;=2');
  });
});
