import browser from 'webextension-polyfill';
import { FEED_LIMITS } from '../feeds/feed-item';
import { originPattern } from '../sync/target-config';
import type { FeedDeps } from '../worker/handler-deps';
import { readFeedLogin, removeFeedLogin, writeFeedLogin } from './feed-logins';

/** The alarm that wakes the worker to poll the feed sources (MV3 workers die when idle: no timers). */
export const FEED_ALARM = 'feed-poll';
/** The Web Lock a poll holds: the alarm and Check now (from any of the extension's contexts) never poll at once. */
const FEED_LOCK = 'feed-poll';
/** One request (body included) must finish within this. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Sets the poll alarm to `minutes` (`get` before `create`, so an alarm that already has that period is not
 * reset and never drifts); null clears it. A new or changed alarm first fires after a minute.
 */
async function schedule(minutes: number | null): Promise<void> {
  if (minutes === null) {
    await browser.alarms.clear(FEED_ALARM);
    return;
  }
  const existing = await browser.alarms.get(FEED_ALARM);
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(FEED_ALARM, { delayInMinutes: 1, periodInMinutes: minutes });
}

async function hasHostAccess(address: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(address)] });
  } catch {
    return false;
  }
}

/** The real feed dependencies: storage.local for logins, host permissions, fetch, the alarm, a Web Lock. */
export function browserFeedDeps(): FeedDeps {
  return {
    readLogin: readFeedLogin,
    writeLogin: writeFeedLogin,
    removeLogin: removeFeedLogin,
    hasHostAccess,
    http: { fetch: (input, init) => fetch(input, init), timeoutMs: REQUEST_TIMEOUT_MS, maxBytes: FEED_LIMITS.bytes, now: () => Date.now() },
    schedule,
    exclusive: (work) => navigator.locks.request(FEED_LOCK, work),
    random: Math.random,
  };
}
