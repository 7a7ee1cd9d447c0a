// Test-only feed dependencies (never imported by extension code): logins in a Map, host access from a
// set of origins, the alarm's period recorded, polls serialised by a promise chain, and a real fetch
// (a local server) or an injected one.
import { FEED_LIMITS } from '../src/feeds/feed-item';
import type { FeedLogin } from '../src/feeds/source-config';
import type { FeedDeps } from '../src/worker/handler-deps';

export interface TestFeedDeps extends FeedDeps {
  logins: Map<string, FeedLogin>;
  /** Origins (`http://127.0.0.1:1234`) the extension may read; undefined = every one. */
  granted: Set<string> | undefined;
  /** The alarm's period after the last schedule (null = cleared, undefined = never set). */
  alarm: number | null | undefined;
}

export function makeFeedDeps(options: { fetch?: typeof fetch; now?: () => number; granted?: string[] } = {}): TestFeedDeps {
  let chain: Promise<unknown> = Promise.resolve();
  const deps: TestFeedDeps = {
    logins: new Map(),
    granted: options.granted ? new Set(options.granted) : undefined,
    alarm: undefined,
    readLogin: (id) => Promise.resolve(deps.logins.get(id)),
    writeLogin: (id, login) => {
      deps.logins.set(id, login);
      return Promise.resolve();
    },
    removeLogin: (id) => {
      deps.logins.delete(id);
      return Promise.resolve();
    },
    hasHostAccess: (address) => Promise.resolve(!deps.granted || deps.granted.has(new URL(address).origin)),
    http: {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: 5_000,
      maxBytes: FEED_LIMITS.bytes,
      now: options.now ?? (() => Date.now()),
    },
    schedule: (minutes) => {
      deps.alarm = minutes;
      return Promise.resolve();
    },
    exclusive: <T>(work: () => Promise<T>) => {
      const next = chain.then(work, work);
      chain = next.catch(() => undefined);
      return next;
    },
    random: () => 0.5,
  };
  return deps;
}
