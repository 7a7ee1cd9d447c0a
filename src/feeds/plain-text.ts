import { decodeHTML } from 'entities';
import { clip, squash } from '../capture/text';

/**
 * Plain text out of the HTML that feeds carry in titles, descriptions and content, without a DOM (the
 * worker has none in Chromium). The result is only ever shown as text, never parsed as HTML, so this
 * needs to read well, not to be a sanitizer: scripts, styles and comments go with their content,
 * block tags leave a space, inline tags nothing, and every character reference HTML defines is decoded
 * by `entities` (already in the worker through markdown-it).
 */

/** How much HTML one field may bring in before it is cut (the text kept is far shorter: see the caps). */
export const HTML_INPUT_LIMIT = 200_000;

// Elements whose content is not text. An unclosed one runs to the end (as a browser would read it).
const HIDDEN = /<(script|style|template|noscript|iframe|object|svg|math|head|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// CDATA inside HTML (XHTML content copied into a description).
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;
const BLOCK =
  /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^>]{0,2000}>/gi;
// Any other tag (bounded, so a stray `<` cannot make the pattern scan far), and a tag cut off at the end.
const TAG = /<\/?[a-z][^>]{0,2000}>|<\/?[a-z][^>]*$/gi;

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): in a one-line field they reverse
 * the text around them (a link that reads backwards). Stripped from single-line fields.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0 controls and DEL (tab, newline and carriage return are whitespace and go with squash).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line of plain text: controls and bidi controls removed, whitespace collapsed, trimmed, cut at `max` (at a word when near). */
export function oneLineText(text: string, max: number): string {
  return clip(squash(text.replace(CONTROL, '').replace(BIDI, '')), max);
}

/** Plain text of an HTML fragment, on one line, at most `max` characters. */
export function htmlToText(html: string, max: number): string {
  let text = html.length > HTML_INPUT_LIMIT ? html.slice(0, HTML_INPUT_LIMIT) : html;
  if (text.includes('<')) {
    text = text.replace(COMMENT, ' ').replace(CDATA, '$1').replace(HIDDEN, ' ').replace(BLOCK, ' ').replace(TAG, '');
  }
  if (text.includes('&')) text = decodeHTML(text);
  return oneLineText(text, max);
}
