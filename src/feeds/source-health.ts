import type { SourceHealth } from './feed-schemas';
import { backoffMs } from '../sync/retry-policy';
import { type FeedError, feedErrorKind } from './feed-error';
import { t } from '../i18n/messages';
import { spanWords } from './feed-words';

/** The poll interval and its bounds live with the settings' source schema (which imports nothing heavy). */
export { DEFAULT_POLL_MINUTES, MAX_POLL_MINUTES, MIN_POLL_MINUTES } from './source-config';

/** A failing source is tried again after 1 min, 2, 4 … (with jitter), never less often than every 6 h (or its interval, if longer). */
export const FAILURE_BASE_MS = 60_000;
export const FAILURE_CAP_MS = 6 * 60 * 60 * 1000;

export { SourceHealth } from './feed-schemas';

/** A new source: due at once, never tried. */
export const NEW_SOURCE_HEALTH: SourceHealth = { lastOkAt: null, lastTriedAt: null, failures: 0, lastError: null, nextAt: 0 };

/** After a poll that worked: the error cleared, due again one interval later. */
export function afterSuccess(health: SourceHealth, now: number, intervalMs: number): SourceHealth {
  return { ...health, lastOkAt: now, lastTriedAt: now, failures: 0, lastError: null, nextAt: now + intervalMs };
}

/**
 * After a failed poll: the error kept, and the next try backed off (exponential from a minute, capped at
 * six hours or the interval when longer, full jitter, never before a server's Retry-After). Errors only
 * the editor can fix (a refused login, host access, the API switch) stop polling until the editor acts
 * (Check now, or a change in the options): asking again cannot help, and a refused login may lock the account.
 */
export function afterFailure(
  health: SourceHealth,
  now: number,
  intervalMs: number,
  error: FeedError,
  random: () => number = Math.random,
): SourceHealth {
  const failures = health.failures + 1;
  const base = { ...health, lastTriedAt: now, failures, lastError: error.data };
  if (feedErrorKind(error.code) === 'editor') return { ...base, nextAt: null };
  const wait = Math.max(
    backoffMs(failures, random, { baseMs: FAILURE_BASE_MS, capMs: Math.max(FAILURE_CAP_MS, intervalMs) }),
    error.retryAfterMs ?? 0,
  );
  return { ...base, nextAt: now + wait };
}

/** True when the source should be polled now (the alarm fires for all; each source keeps its own time). */
export function isDue(health: SourceHealth, now: number): boolean {
  return health.nextAt !== null && health.nextAt <= now;
}

/** "Last worked 5 minutes ago", "… 3 hours ago", "… yesterday", "Has not worked yet": beside a failing source's error. */
export function lastWorkedWords(health: SourceHealth, now: number): string {
  if (health.lastOkAt === null) return t('feedNeverWorked');
  const when = now - health.lastOkAt < 60_000 ? t('feedJustNow') : spanWords(health.lastOkAt, now);
  return t('feedLastWorked', when);
}

/** When the source is polled next, in words: "Next check in 25 minutes.", or why it is not. */
export function nextPollWords(health: SourceHealth, enabled: boolean, now: number): string {
  if (!enabled) return t('feedSourceOff');
  if (health.nextAt === null) return t('feedWaitingForYou');
  if (health.nextAt <= now + 30_000) return t('feedDueNow');
  return t('feedNextCheck', spanWords(health.nextAt, now));
}
