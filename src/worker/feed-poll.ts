import type { Clipping } from '../clip/clipping';
import { FIELD_LIMITS } from '../clip/capture';
import { t } from '../i18n/messages';
import { FeedError, asFeedError } from '../feeds/feed-error';
import type { FeedItem } from '../feeds/feed-item';
import { itemKey } from '../feeds/import-plan';
import { makeSource, sourceLabel } from '../feeds/make-source';
import { feedErrorWords } from '../feeds/feed-words';
import type { SourceConfig } from '../feeds/source-config';
import { afterFailure, afterSuccess, isDue } from '../feeds/source-health';
import { type SourceStateRow, newSourceState } from '../feeds/source-state';
import type { Settings } from '../settings/settings';
import type { HandlerDeps } from './handler-deps';

const DUE_SLACK_MS = 60_000;

/** What a poll did. */
export interface PollReport {
  /** Clippings filed, across sources. */
  filed: number;
  /** Sources read (answered or failed). */
  polled: number;
  failed: number;
}

export interface PollOptions {
  /** Only this source (Check now on one). */
  only?: string;
  /** Whatever its backoff or pause (Check now). */
  force?: boolean;
}

/** The clipping a feed item becomes: credits from the feed, its summary as plain text, the reader's note as the summary. */
export function clippingFromItem(
  item: FeedItem,
  source: Pick<SourceConfig, 'name'>,
  place: { id: string; issueId: string; section: string | null; position: number; now: number },
): Clipping {
  const notes = [t('feedFromSource', source.name).slice(0, 500)];
  if (item.future && item.publishedAt) notes.push(t('feedFutureDate', item.publishedAt).slice(0, 500));
  return {
    url: item.link,
    title: (item.title || item.link).slice(0, FIELD_LIMITS.title),
    authors: item.authors,
    siteName: item.publication,
    publishedTime: item.publishedAt ?? '',
    excerpt: item.summary,
    lang: '',
    quote: '',
    quoteLink: '',
    summary: item.note ?? '',
    section: place.section,
    id: place.id,
    urlKey: itemKey(item),
    origin: 'feed',
    sources: {
      url: 'feed',
      ...(item.title ? { title: 'feed' as const } : {}),
      ...(item.authors.length ? { authors: 'feed' as const } : {}),
      ...(item.publication ? { siteName: 'feed' as const } : {}),
      ...(item.publishedAt ? { publishedTime: 'feed' as const } : {}),
      ...(item.summary ? { excerpt: 'feed' as const } : {}),
    },
    notes,
    createdAt: place.now,
    updatedAt: place.now,
    issueId: place.issueId,
    position: place.position,
  };
}

/** The section a source files into: its own while the settings still have it, else the issue's unsorted inbox. */
function sectionOf(config: SourceConfig, settings: Settings): string | null {
  return config.section && settings.sections.some((s) => s.id === config.section) ? config.section : null;
}

/**
 * Polls one source: host access first (a fetch without it looks like a network failure), then the read
 * (conditional on the cursor), then the filing in one transaction, then `afterFiled` (un-star) with every
 * item of this poll the ledger holds for the source, so one that failed before is retried. Returns how many
 * clippings were filed; throws a FeedError when the read fails (nothing is stored then but the caller's health).
 */
async function pollOne(deps: HandlerDeps, settings: Settings, config: SourceConfig, state: SourceStateRow): Promise<number> {
  const intervalMs = settings.feedPollMinutes * 60_000;
  if (!(await deps.feeds.hasHostAccess(config.address))) throw new FeedError('host-access');
  const login = config.kind === 'ttrss' ? await deps.feeds.readLogin(config.id) : undefined;
  const source = makeSource(config, login, deps.feeds.http, deps.feeds.parse);
  const result = await source.fetchNew(state.cursor);
  const health = afterSuccess(state.health, deps.now(), intervalMs);
  if (result.notModified || !result.items.length) {
    await deps.sources.put({ id: config.id, cursor: result.cursor, health });
    return 0;
  }
  const now = deps.now();
  const issue = await deps.issues.issueForNewClipping({ now, settings, newId: deps.newId });
  const section = sectionOf(config, settings);
  const { filed, ledgerKeys } = await deps.sources.file({
    sourceId: config.id,
    items: result.items,
    cursor: result.cursor,
    health,
    now,
    // Positions after everything filed before, in publication order (oldest first).
    compose: (item, index) => clippingFromItem(item, config, { id: deps.newId(), issueId: issue.id, section, position: now + index, now }),
  });
  if (source.afterFiled && ledgerKeys.size) {
    const done = result.items.filter((item) => ledgerKeys.has(itemKey(item)));
    await source.afterFiled(done).catch((error: unknown) => {
      // The items are filed; the reader is told again on the next poll.
      console.warn(`newsletter-clipper: ${config.name}: could not tell the reader what was filed`, error);
    });
  }
  return filed.length;
}

/**
 * Polls every enabled source that is due (or, for Check now, the asked ones whatever their backoff),
 * one at a time across the extension. A failing source stores its error and backoff and never stops
 * the others.
 */
export function pollSources(deps: HandlerDeps, options: PollOptions = {}): Promise<PollReport> {
  return deps.feeds.exclusive(async () => {
    const settings = await deps.settings.get();
    const states = await deps.sources.all();
    const report: PollReport = { filed: 0, polled: 0, failed: 0 };
    for (const config of settings.sources) {
      if (options.only !== undefined ? config.id !== options.only : !config.enabled) continue;
      const state = states.get(config.id) ?? newSourceState(config.id);
      // A minute's slack: the alarm fires one interval after the last poll began, the source's time is one interval after it ended.
      if (!options.force && !isDue(state.health, deps.now() + DUE_SLACK_MS)) continue;
      report.polled += 1;
      try {
        report.filed += await pollOne(deps, settings, config, state);
      } catch (thrown) {
        const error = asFeedError(thrown);
        report.failed += 1;
        console.warn(`newsletter-clipper: ${config.name}: ${feedErrorWords(error.data, sourceLabel(config)).message}`);
        const health = afterFailure(state.health, deps.now(), settings.feedPollMinutes * 60_000, error, deps.feeds.random);
        // Even a store that cannot record the failure must not stop the other sources.
        await deps.sources
          .put({ ...state, health })
          .catch((stored: unknown) => console.error('newsletter-clipper: source health not stored', stored));
      }
    }
    return report;
  });
}
