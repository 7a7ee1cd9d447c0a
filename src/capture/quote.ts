import type { CapturedQuote } from '../clip/capture';
import { withoutTracking } from './page-address';

/**
 * What the caller may pass as the selection: the page's `Selection` (its ranges are read when it
 * has them), or plain text (tests, other shells).
 */
export type SelectionInput =
  (Pick<Selection, 'toString'> & Partial<Pick<Selection, 'rangeCount' | 'getRangeAt'>>) | { text: string } | null | undefined;

/** Up to this many characters a selection is read with `toString()`, as the browser lays it out; a longer one is read node by node. */
const READ_WHOLE = 40000;

/** Elements whose text starts a new paragraph of the quote when a long selection is read node by node. */
const BLOCK = 'p,div,li,dd,dt,h1,h2,h3,h4,h5,h6,pre,blockquote,td,th,tr,section,article,figcaption';

/**
 * The selected text and the selection's length in characters. A long selection (select-all on a
 * 2.4 MB log) is not turned into one string: its text nodes are counted, and only the first `max`
 * characters (and some slack for whitespace) are read, a blank line between blocks.
 */
export function readSelection(selection: SelectionInput, max: number): { raw: string; length: number } {
  if (!selection) return { raw: '', length: 0 };
  if ('text' in selection) return { raw: selection.text, length: selection.text.length };
  let raw = '';
  let length = 0;
  for (let i = 0; i < (selection.rangeCount ?? 0); i++) {
    const range = selection.getRangeAt!(i);
    const { startContainer: start, startOffset, endContainer: end, endOffset } = range;
    const walker = (start.ownerDocument ?? (start as Document)).createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
    // The range's first and last text nodes, found once: comparing every node with the range costs
    // time in the number of siblings (12,000 paragraphs took 6 s).
    const at = (container: Node, offset: number) => (container.nodeType === 3 ? container : container.childNodes[offset]);
    const after = at(end, endOffset);
    walker.currentNode = after ?? end;
    const last = end.nodeType === 3 ? end : after ? walker.previousNode() : (walker.lastChild() ?? walker.previousNode());
    walker.currentNode = at(start, startOffset) ?? start;
    let node = walker.currentNode.nodeType === 3 ? walker.currentNode : at(start, startOffset) ? walker.nextNode() : walker.nextSibling();
    if (range.collapsed || !node || !last || range.comparePoint(node, 0) > 0) continue;
    let block: Element | null | undefined;
    for (; node; node = node === last ? null : walker.nextNode()) {
      const text = node as Text;
      const from = node === start ? startOffset : 0;
      const to = node === end ? endOffset : text.length;
      if (to <= from) continue;
      length += to - from;
      const parent = text.parentElement;
      if (raw.length > max * 1.5 || !parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(parent.tagName)) continue;
      const within = parent.closest(BLOCK);
      raw += `${within === block ? '' : '\n\n'}${text.data.slice(from, to)}`;
      block = within;
    }
  }
  return length > READ_WHOLE ? { raw, length } : { raw: String(selection), length };
}

/**
 * The selected text with paragraph breaks kept: line endings unified, trailing spaces dropped,
 * runs of blank lines collapsed to one blank line, the whole trimmed.
 */
export function normaliseQuote(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n[ \t\u00a0]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Percent-encode a text directive term. Beyond encodeURIComponent, the Text Fragments spec
 * reserves `-` (prefix/suffix marker); `,` and `&` are already encoded by encodeURIComponent.
 */
export function encodeTextDirective(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * A `#:~:text=` link to the passage. Short single-paragraph quotes are quoted whole; longer
 * ones as `start,end` (five words each), each taken inside its own paragraph because a text
 * directive term cannot match across a block boundary.
 */
export function textFragmentLink(pageUrl: string, quote: string): string | undefined {
  const paragraphs = quote
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!/^https?:/i.test(pageUrl) || !paragraphs.length) return undefined;
  const first = paragraphs[0]!.split(' ');
  const directive =
    paragraphs.length === 1 && first.length <= 10
      ? encodeTextDirective(paragraphs[0]!)
      : `${encodeTextDirective(first.slice(0, 5).join(' '))},${encodeTextDirective(paragraphs[paragraphs.length - 1]!.split(' ').slice(-5).join(' '))}`;
  return `${withoutTracking(pageUrl)}#:~:text=${directive}`;
}

/**
 * The quote for a selection, or undefined when nothing (or only whitespace) is selected. A quote
 * cut to `maxLength` says how long the selection was (`selectionLength`), for the editor to know.
 */
export function quoteFromSelection(selection: SelectionInput, pageUrl: string, maxLength: number): CapturedQuote | undefined {
  const { raw, length } = readSelection(selection, maxLength);
  const whole = normaliseQuote(raw);
  const text = whole.slice(0, maxLength).trim();
  if (!text) return undefined;
  const link = textFragmentLink(pageUrl, text);
  return {
    text,
    ...(link && { link }),
    ...((whole.length > maxLength || length > READ_WHOLE) && { selectionLength: Math.max(length, whole.length) }),
  };
}
