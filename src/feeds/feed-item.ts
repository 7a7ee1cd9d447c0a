import { z } from 'zod';
import { AUTHOR_LIMITS } from '../clip/authors';
import { FIELD_LIMITS } from '../clip/capture';
import { FeedKind } from './feed-schemas';

/** Caps on what one feed may bring in. */
export const FEED_LIMITS = {
  /** Bytes read from the network before the answer is refused (checked while reading, before parsing). */
  bytes: 5 * 1024 * 1024,
  /**
   * Items kept from one feed: the newest. 1,000 so that a reader's whole starred list or a large feed
   * (issue 13's bench serves 1,000 items) is filed whole; a 10,000-item feed is still cut here.
   */
  items: 1000,
  /** Authors kept per item. */
  authors: 20,
  /** The feed's or reader's own id for an item. */
  guid: 1000,
  /** The note the editor wrote in the reader. */
  note: 5000,
  /** Items reported as skipped (the count is exact; the list is a sample). */
  skippedListed: 20,
} as const;

/** Dates further ahead than this are kept but flagged: a scheduled post, or a wrong clock. */
export const FUTURE_SLACK_MS = 86_400_000;

/**
 * One item from a source, ready to become a clipping: every string plain text (entities decoded, tags,
 * controls and bidi controls stripped, trimmed, capped), the link absolute http(s) and cleaned.
 */
export const FeedItem = z.object({
  /** Absolute http(s), redirect wrappers unwrapped, tracking parameters removed (the clipping's URL). */
  link: z
    .string()
    .max(FIELD_LIMITS.url)
    .regex(/^https?:\/\//),
  title: z.string().max(FIELD_LIMITS.title),
  authors: z.array(z.string().min(1).max(AUTHOR_LIMITS.name)).max(FEED_LIMITS.authors),
  /** The item's own source (RSS `<source>`, Atom `<source><title>`, the reader's feed title), else the feed's title. */
  publication: z.string().max(FIELD_LIMITS.siteName),
  /** ISO 8601 as the feed wrote it (offset kept), or null when missing or unreadable. */
  publishedAt: z.string().max(FIELD_LIMITS.publishedTime).nullable(),
  /** Set when `publishedAt` is more than a day ahead of the clock. */
  future: z.boolean().optional(),
  /** The item's description or content as plain text (the clipping's excerpt). */
  summary: z.string().max(FIELD_LIMITS.excerpt),
  /** The editor's own note on the item in the reader (the clipping's summary), plain text. */
  note: z.string().max(FEED_LIMITS.note).optional(),
  /** The feed's id for the item (guid, Atom id, JSON Feed id), else the link. Informational: items are keyed by link. */
  guid: z.string().max(FEED_LIMITS.guid),
  /** The reader's id for the item (Tiny Tiny RSS's article id), for acting on it after filing. */
  readerId: z.string().max(64).optional(),
});
export type FeedItem = z.infer<typeof FeedItem>;

/** An item that was left out, and why (for the Test's words and the log). */
export const SkippedItem = z.object({
  title: z.string().max(200),
  problem: z.enum(['missing', 'unsafe-scheme', 'unreadable', 'too-long', 'duplicate']),
  scheme: z.string().max(20).optional(),
});
export type SkippedItem = z.infer<typeof SkippedItem>;

export { FeedKind } from './feed-schemas';

/** A parsed feed: its own title and site, and its items, newest first, at most FEED_LIMITS.items. */
export const ParsedFeed = z.object({
  kind: FeedKind,
  title: z.string().max(FIELD_LIMITS.siteName),
  /** The site the feed belongs to (RSS channel link, Atom alternate link, JSON Feed home_page_url), or null. */
  siteUrl: z.string().max(FIELD_LIMITS.url).nullable(),
  items: z.array(FeedItem).max(FEED_LIMITS.items),
  /** How many entries the feed held in all (before the cap and the skipped ones). */
  total: z.number().int().nonnegative(),
  /** How many entries were left out for a bad or missing link, or as a repeat of another entry's link. */
  skippedCount: z.number().int().nonnegative(),
  skipped: z.array(SkippedItem).max(FEED_LIMITS.skippedListed),
});
export type ParsedFeed = z.infer<typeof ParsedFeed>;
