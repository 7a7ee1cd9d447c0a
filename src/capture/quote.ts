import type { CapturedQuote } from '../clip/capture';
import { withoutTracking } from './page-address';

/** What the caller may pass as the selection: the page's `Selection`, or plain text (tests, other shells). */
export type SelectionInput = Pick<Selection, 'toString'> | { text: string } | null | undefined;

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

/** The quote for a selection, or undefined when nothing (or only whitespace) is selected. */
export function quoteFromSelection(selection: SelectionInput, pageUrl: string, maxLength: number): CapturedQuote | undefined {
  const text = selection && normaliseQuote(String('text' in selection ? selection.text : selection)).slice(0, maxLength);
  if (!text) return undefined;
  const link = textFragmentLink(pageUrl, text);
  return link ? { text, link } : { text };
}
