import { FEED_LIMITS, type FeedItem } from './feed-item';
import type { FeedHttp } from './feed-http';
import { finishEntries, type RawEntry } from './feed-entries';
import type { CheckReport, FeedSource, FetchResult, SourceCursor } from './source';
import { Headlines, type Headline, LoginContent, StatusContent, VersionContent, ttrssApiUrl, ttrssCall } from './ttrss-api';

/** Tiny Tiny RSS's virtual feed of starred articles. */
export const STARRED_FEED_ID = -1;
/** getHeadlines returns at most 200 headlines a call. */
const PAGE = 200;

export interface TtrssSourceConfig {
  /** The reader's address as the editor typed it (…/tt-rss/ or …/tt-rss/api/). */
  url: string;
  user: string;
  password: string;
  /** Un-star items in the reader once they are filed. */
  unstarAfterFiling: boolean;
  http: FeedHttp;
}

/** A headline as a raw entry: identified by its link (tt-rss's `guid` is its own hash, not the feed's). */
function entryOf(headline: Headline, base: string): RawEntry {
  return {
    links: [headline.link ?? undefined],
    base,
    // tt-rss stores titles as plain text with entities decoded; still read as HTML (tags stripped).
    title: headline.title ?? '',
    authors: headline.author ? [headline.author] : [],
    ...(headline.feed_title ? { publication: headline.feed_title } : {}),
    ...(headline.updated ? { date: String(Math.trunc(headline.updated)) } : {}),
    summaryHtml: headline.content ?? '',
    ...(headline.note?.trim() ? { note: headline.note } : {}),
    readerId: String(headline.id),
  };
}

/**
 * Tiny Tiny RSS through its JSON API: the starred articles, with the editor's note on each as the
 * clipping's summary; optionally un-starred once filed. Logs in for each poll and out after it (a
 * session id is bound to the User-Agent and expires; nothing to keep between polls). The cursor stays
 * empty: starred items are few and carry no validators, and filing dedupes by link.
 */
export function ttrssSource(config: TtrssSourceConfig): FeedSource {
  const api = ttrssApiUrl(config.url);
  const { http } = config;

  async function session<T>(work: (sid: string) => Promise<T>): Promise<T> {
    const login = await ttrssCall(http, api, { op: 'login', user: config.user, password: config.password }, LoginContent);
    try {
      return await work(login.session_id);
    } finally {
      await ttrssCall(http, api, { op: 'logout', sid: login.session_id }, StatusContent).catch(() => undefined);
    }
  }

  async function starred(sid: string, showContent: boolean): Promise<Headline[]> {
    const all: Headline[] = [];
    while (all.length < FEED_LIMITS.items) {
      const page = await ttrssCall(
        http,
        api,
        {
          op: 'getHeadlines',
          sid,
          feed_id: STARRED_FEED_ID,
          limit: PAGE,
          skip: all.length,
          show_content: showContent,
          view_mode: 'all_articles',
        },
        Headlines,
      );
      all.push(...page);
      if (page.length < PAGE) break;
    }
    return all;
  }

  function items(headlines: Headline[]): { items: FeedItem[]; skipped: number } {
    const finished = finishEntries({ title: '', base: api, entries: headlines.map((h) => entryOf(h, api)) }, http.now());
    return { items: finished.items, skipped: finished.skippedCount };
  }

  return {
    kind: 'ttrss',

    check: (): Promise<CheckReport> =>
      session(async (sid) => {
        const version = await ttrssCall(http, api, { op: 'getVersion', sid }, VersionContent).catch(() => ({ version: '' }));
        const found = items(await starred(sid, false));
        return {
          kind: 'ttrss',
          title: version.version ? `Tiny Tiny RSS ${version.version}`.slice(0, 300) : 'Tiny Tiny RSS',
          items: found.items.length,
          newest: found.items.find((item) => item.publishedAt && !item.future)?.publishedAt ?? null,
          skipped: found.skipped,
        };
      }),

    fetchNew: (cursor: SourceCursor): Promise<FetchResult> =>
      session(async (sid) => {
        const found = items(await starred(sid, true));
        return { notModified: false, items: found.items, cursor, skipped: found.skipped };
      }),

    async afterFiled(filed: readonly FeedItem[]): Promise<void> {
      if (!config.unstarAfterFiling) return;
      const ids = filed.map((item) => item.readerId).filter((id): id is string => !!id && /^\d+$/.test(id));
      if (!ids.length) return;
      await session((sid) =>
        // field 0 = starred, mode 0 = off.
        ttrssCall(http, api, { op: 'updateArticle', sid, article_ids: ids.join(','), field: 0, mode: 0 }, StatusContent),
      );
    },
  };
}
