import { oneLine } from './page-text';

// Characters that start Markdown syntax anywhere in a line: backslash (escapes), backtick (code),
// * and _ (emphasis), [ and ] (links, images after a !), < (autolinks and raw HTML), ~ (GFM strike-
// through, ~~~ fences). Escaping them all is noisier than strictly needed (`snake_case` turns into
// `snake\_case`) but every CommonMark and GFM renderer then shows the text exactly as the page had it.
const INLINE_SYNTAX = /[\\`*_[\]<~]/g;

// `&copy;` or `&#106;` would be decoded by a renderer; a bare `&` (as in "Tools & Tips") is left alone.
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;

// What makes a line a heading, quote, list item, setext underline or thematic break when it starts a
// block (`*` and `_` are escaped everywhere already), and `1.`/`1)`, an ordered list (≤ 9 digits).
const BLOCK_MARKER = /^([#>+=-])/;
const LIST_NUMBER = /^(\d{1,9})([.)])/;

/** Where a piece of page text lands: somewhere inside a line, or at the start of a block. */
export interface MarkdownTextOptions {
  /**
   * True when the text starts a Markdown block (the attribution line, a bullet's text, a quote
   * paragraph), where a leading `#`, `>`, `-`, `+`, `=` or `1.` would change the block's kind.
   */
  atBlockStart?: boolean;
}

/**
 * Page-supplied text (a title, byline, site name or quote) made literal in Markdown: folded onto one
 * line, with every character that could start a link, image, HTML tag, code span or emphasis
 * backslash-escaped, so a hostile title such as `](javascript:alert(1))` or `<img onerror=…>` prints
 * as the very characters it contains. Escaping, not sanitising: nothing is removed.
 */
export function escapeMarkdownText(text: string, { atBlockStart = false }: MarkdownTextOptions = {}): string {
  let escaped = oneLine(text).replace(INLINE_SYNTAX, '\\$&').replace(ENTITY_LIKE, '\\&');
  if (atBlockStart) escaped = escaped.replace(BLOCK_MARKER, '\\$1').replace(LIST_NUMBER, '$1\\$2');
  return escaped;
}

/**
 * Text for an ATX heading (`## …`): escaped like any page text, and a trailing run of `#` (which
 * CommonMark would read as the heading's closing sequence and drop) is escaped too.
 */
export function escapeMarkdownHeading(text: string): string {
  return escapeMarkdownText(text).replace(/(^|\s)(#+)$/, '$1\\$2');
}

/**
 * A link destination for `[text](…)`, from an already-checked http(s) href: the characters that
 * would end or break the destination (spaces, parentheses, angle brackets, double quotes, backslashes) are
 * percent-encoded, which keeps the address the same for a browser, and an entity-like `&name;` is
 * backslash-escaped so the renderer does not decode it.
 */
export function markdownDestination(href: string): string {
  return href.replace(/[\s()<>"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(ENTITY_LIKE, '\\&');
}
