import { z } from 'zod';
import type { RawEntry, RawFeed } from './feed-entries';

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Read leniently: a field of the wrong type is
 * treated as missing rather than failing the whole feed, as feed readers do; `items` must be an array.
 */
const text = z.string().max(1_000_000).optional().catch(undefined);
const Author = z.object({ name: text }).catch({ name: undefined });
const Item = z
  .object({
    id: z.union([z.string(), z.number()]).optional().catch(undefined),
    url: text,
    external_url: text,
    title: text,
    content_html: text,
    content_text: text,
    summary: text,
    date_published: text,
    date_modified: text,
    author: Author.optional(),
    authors: z.array(Author).max(100).optional().catch(undefined),
  })
  .catch({});

export const JsonFeedDocument = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\//),
  title: text,
  home_page_url: text,
  feed_url: text,
  authors: z.array(Author).max(100).optional().catch(undefined),
  author: Author.optional(),
  items: z.array(Item),
});

/** True when a parsed JSON value claims to be a JSON Feed (its `version` names jsonfeed.org). */
export function isJsonFeed(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { version?: unknown }).version === 'string' &&
    /jsonfeed\.org\/version\//.test((value as { version: string }).version)
  );
}

function names(authors: { name?: string | undefined }[] | undefined, author: { name?: string | undefined } | undefined): string[] {
  return [...(authors ?? []), ...(author ? [author] : [])].map((a) => a.name ?? '').filter(Boolean);
}

/** The raw feed of a JSON Feed document, or undefined when it is not one (wrong version or no items array). */
export function readJsonFeed(value: unknown, feedUrl: string): RawFeed | undefined {
  const parsed = JsonFeedDocument.safeParse(value);
  if (!parsed.success) return undefined;
  const feed = parsed.data;
  const feedAuthors = names(feed.authors, feed.author);
  return {
    title: feed.title ?? '',
    siteUrl: feed.home_page_url,
    base: feedUrl,
    entries: feed.items.map((item): RawEntry => {
      const authors = names(item.authors, item.author);
      return {
        links: [item.url, item.external_url, typeof item.id === 'string' && /^https?:\/\//i.test(item.id) ? item.id : undefined],
        base: feedUrl,
        // Plain text by the spec, but generators put entities and tags there too: read as HTML, like RSS titles.
        title: item.title ?? '',
        authors: authors.length ? authors : feedAuthors,
        date: item.date_published ?? item.date_modified,
        ...(item.summary !== undefined
          ? { summaryText: item.summary }
          : item.content_html !== undefined
            ? { summaryHtml: item.content_html }
            : { summaryText: item.content_text ?? '' }),
        guid: item.id === undefined ? undefined : String(item.id),
      };
    }),
  };
}
