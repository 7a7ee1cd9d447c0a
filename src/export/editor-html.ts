import MarkdownIt from 'markdown-it';
import { EDITOR_ALLOW_LIST } from './allow-list';
import { editorMarkdown } from './page-text';
import { linkHref } from './safe-url';

/** `rel` on every link in the export: a pasted link must not hand the reader's tab or referrer to the target. */
export const LINK_REL = 'noopener noreferrer';

// The editor's Markdown parser. `html: false` reads raw HTML in a summary as text; linkify turns a
// pasted bare URL into a link; no typographer, so the editor's quotes and dashes stay as typed.
// Images are off: `![alt](url)` then still reads as a link rather than vanishing with its alt text.
// Only its parser is used: the HTML is written below, not by markdown-it's renderer.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.disable('image');
type Token = ReturnType<typeof markdown.parse>[number];

// What HTML serialisers (a browser's innerHTML, jsdom, DOMPurify's output) escape, and nothing else,
// so that DOMPurify with the same allow-list, run over this output in the pages, returns it unchanged.
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '\u00a0': '&nbsp;' };
const text = (value: string) => value.replace(/[&<>\u00a0]/g, (c) => TEXT_ENTITIES[c] ?? c);
const attribute = (value: string) => value.replace(/[&"\u00a0]/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c);

/** The element's allowed attributes, in order, each URL attribute through the safe-URL check; undefined when the element may not be written. */
function allowedAttributes(token: Token): [string, string][] | undefined {
  const allowed = EDITOR_ALLOW_LIST.elements[token.tag];
  if (!allowed) return undefined;
  const attributes: [string, string][] = [];
  for (const [name, raw] of token.attrs ?? []) {
    const value = String(raw);
    if (!allowed.includes(name)) continue;
    if (!EDITOR_ALLOW_LIST.urlAttributes.includes(name)) {
      attributes.push([name, value]);
      continue;
    }
    const href = linkHref(value);
    // A link whose target fails the check is no link at all: its text is printed instead.
    if (href === null) return undefined;
    attributes.push([name, href]);
  }
  if (token.tag === 'a') {
    if (!attributes.some(([name]) => name === 'href')) return undefined;
    attributes.push(['rel', LINK_REL]);
  }
  return attributes;
}

/**
 * markdown-it's tokens as HTML, written by construction: every element comes from a token whose tag
 * is on EDITOR_ALLOW_LIST, with only that tag's attributes (URLs through the safe-URL check), and
 * every piece of text is escaped. Nothing is ever parsed as HTML, so there is no markup to slip
 * through: a token of any other kind prints its text. Newlines follow markdown-it's own renderer,
 * an unwrapped element keeping its newlines as DOMPurify would leave them.
 */
function write(tokens: readonly Token[]): string {
  let html = '';
  // The open links and lists' elements, to close exactly those that were written.
  const written: boolean[] = [];
  tokens.forEach((token, index) => {
    switch (token.type) {
      case 'inline':
        html += write(token.children ?? []);
        return;
      case 'text':
      case 'html_inline':
      case 'html_block':
        html += text(token.content);
        return;
      case 'softbreak':
        html += '\n';
        return;
      case 'hardbreak':
        html += '<br>\n';
        return;
      case 'code_inline':
        html += `<code>${text(token.content)}</code>`;
        return;
      case 'code_block':
      case 'fence':
        // `<pre>` is not on the list (a pasted block would keep its fixed width in an email): the code stays code.
        html += `<code>${text(token.content)}</code>\n`;
        return;
    }
    if (token.nesting === 0 && token.children === null && token.tag === '' && token.content) {
      html += text(token.content);
      return;
    }
    if (token.hidden) return;
    const previous = tokens[index - 1];
    if (token.block && token.nesting !== -1 && previous?.hidden) html += '\n';
    let keep: boolean;
    if (token.nesting === -1) {
      keep = written.pop() ?? false;
    } else {
      const attributes = allowedAttributes(token);
      keep = attributes !== undefined;
      if (token.nesting === 1) written.push(keep);
      if (attributes) html += `<${token.tag}${attributes.map(([name, value]) => ` ${name}="${attribute(value)}"`).join('')}>`;
    }
    if (keep && token.nesting === -1) html += `</${token.tag}>`;
    if (token.block) {
      const next = tokens[index + 1];
      const tight =
        token.nesting === 1 && next && (next.type === 'inline' || next.hidden || (next.nesting === -1 && next.tag === token.tag));
      if (!tight) html += '\n';
    }
  });
  return html;
}

/**
 * The editor's Markdown (a summary, the sponsor message) as HTML that is safe by construction: the one
 * writer for the HTML export, the preview and the drafts, so the draft the worker sends has exactly
 * what the export has, without a DOM. `inline` unwraps a lone paragraph (for a nested bullet).
 */
export function editorHtml(source: string, inline = false): string {
  const markdownText = editorMarkdown(source);
  if (!markdownText) return '';
  const html = write(markdown.parse(markdownText, {})).trim();
  if (inline && html.startsWith('<p>') && html.endsWith('</p>') && html.indexOf('<p>', 3) === -1) return html.slice(3, -4);
  return html;
}
