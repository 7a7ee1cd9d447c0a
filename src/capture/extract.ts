import type { Capture } from '../clip/capture';
import type { SelectionInput } from './quote';
import { finishCapture } from './finish-capture';
import { readPage } from './read-page';

export type { SelectionInput } from './quote';

/** Options of {@link extractCapture}. */
export interface ExtractOptions {
  /** The page selection (or `{ text }`); becomes the quote. */
  selection?: SelectionInput;
  /** "Now" for rejecting future dates; defaults to the current time. */
  now?: Date;
}

/**
 * The whole capture pipeline in one call, for the tests and the benchmark: the page half
 * (read-page.ts, what the content script runs) then the worker half (finish-capture.ts, what the
 * worker runs after its zod check of the page's data). The extension itself never calls this:
 * the content script must not carry the worker half (its size budget).
 *
 * Order of trust for every field: JSON-LD, OpenGraph (`og:*`, `article:*`), Twitter cards,
 * standard meta tags, Dublin Core, Highwire (`citation_*`), microdata, `<time>` elements,
 * byline markup (hAtom, rel=author, byline classes), the visible text, then the title and
 * the address. Each field records the source it came from.
 */
export function extractCapture(doc: Document, options: ExtractOptions = {}): Capture {
  return finishCapture(readPage(doc, options), options);
}
