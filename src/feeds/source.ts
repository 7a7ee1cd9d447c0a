import { z } from 'zod';
import type { FeedItem } from './feed-item';
import type { CheckReport } from './feed-schemas';

/** The kinds of source; each is one module implementing FeedSource (Miniflux, Google Reader API next). */
export const SourceKind = z.enum(['feed', 'ttrss']);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * What a source remembers between polls (the worker stores it per source, beside the source's health):
 * the validators of the last answer, and a hash of the last body for servers that send none.
 */
export const SourceCursor = z.object({
  etag: z.string().max(500).optional(),
  lastModified: z.string().max(100).optional(),
  /** SHA-256 of the last body read, hex: an unchanged body is not parsed again. */
  bodyHash: z.string().max(64).optional(),
});
export type SourceCursor = z.infer<typeof SourceCursor>;

export { CheckReport } from './feed-schemas';

/** One poll's outcome. */
export interface FetchResult {
  /** Nothing changed since the cursor (a 304, or the same body): nothing was parsed; `items` is empty. */
  notModified: boolean;
  /** Every item the source offers now, newest first. The caller files those it has not filed before. */
  items: FeedItem[];
  /** The cursor to store once the items are filed (in the same transaction). */
  cursor: SourceCursor;
  /** Items left out for a missing or unusable link. */
  skipped: number;
}

/**
 * A place clippings arrive from. Small on purpose: a new reader is one module. No browser API inside:
 * the network is the injected fetch, time is an injected clock. Every failure is thrown as a FeedError.
 */
export interface FeedSource {
  readonly kind: SourceKind;
  /** Reads the source once, to tell the editor in words what it found (or what is wrong). Files nothing. */
  check(): Promise<CheckReport>;
  /** Reads what the source offers now, conditionally on the cursor. */
  fetchNew(cursor: SourceCursor): Promise<FetchResult>;
  /** Told which items were filed (after the store committed them), e.g. to un-star them in the reader. */
  afterFiled?(items: readonly FeedItem[]): Promise<void>;
}
