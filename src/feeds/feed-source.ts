import { FeedError } from './feed-error';
import { type FeedHttp, httpRequest } from './feed-http';
import type { ParsedFeed } from './feed-item';
import { type FeedInput, parseFeed } from './parse-feed';
import type { CheckReport, FeedSource, FetchResult, SourceCursor } from './source';

/** What a feed source needs: its address and the bounded network. */
export interface FeedSourceConfig {
  url: string;
  http: FeedHttp;
  /** The parser: parse-feed's unless a measurement wraps it (bench:feeds counts its calls). */
  parse?: (input: FeedInput) => ParsedFeed;
}

/** Accept header: every format parse-feed reads, feeds first (some servers pick HTML for a bare Accept). */
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Any feed address (RSS, RDF, Atom, JSON Feed): conditional requests with the stored ETag and
 * Last-Modified, and a body identical to the last one counts as unchanged too (many servers send no
 * validators), so neither is parsed again.
 */
export function feedSource(config: FeedSourceConfig): FeedSource {
  const { url, http } = config;
  const parse = config.parse ?? parseFeed;
  return {
    kind: 'feed',

    async check(): Promise<CheckReport> {
      const answer = await httpRequest(http, url, { headers: { Accept: ACCEPT } });
      if (answer.notModified) throw new FeedError('bad-response', { status: 304 });
      const feed = parse({ body: answer.bytes, contentType: answer.contentType, url: answer.url, now: http.now() });
      return {
        kind: feed.kind,
        title: feed.title.slice(0, 300),
        items: feed.items.length,
        newest: feed.items.find((item) => item.publishedAt && !item.future)?.publishedAt ?? null,
        skipped: feed.skippedCount,
        ...(answer.url !== url ? { finalUrl: answer.url } : {}),
      };
    },

    async fetchNew(cursor: SourceCursor): Promise<FetchResult> {
      const validators = {
        ...(cursor.etag ? { etag: cursor.etag } : {}),
        ...(cursor.lastModified ? { lastModified: cursor.lastModified } : {}),
      };
      const answer = await httpRequest(http, url, { headers: { Accept: ACCEPT }, validators });
      if (answer.notModified) return { notModified: true, items: [], cursor: { ...cursor, ...answer.validators }, skipped: 0 };
      const bodyHash = await sha256(answer.bytes);
      const next: SourceCursor = { ...answer.validators, bodyHash };
      if (cursor.bodyHash === bodyHash) return { notModified: true, items: [], cursor: next, skipped: 0 };
      const feed = parse({ body: answer.bytes, contentType: answer.contentType, url: answer.url, now: http.now() });
      return { notModified: false, items: feed.items, cursor: next, skipped: feed.skippedCount };
    },
  };
}
