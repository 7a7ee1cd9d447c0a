import { FeedError } from './feed-error';
import type { FeedHttp } from './feed-http';
import { type FeedSourceConfig, feedSource } from './feed-source';
import type { FeedSource } from './source';
import type { FeedLogin, SourceConfig } from './source-config';
import type { SourceLabel } from './feed-words';
import { ttrssSource } from './ttrss-source';

/** The FeedSource for a source as the editor set it up (one line per kind: Miniflux or the Google Reader API would be one more). */
export function makeSource(
  config: Pick<SourceConfig, 'kind' | 'address' | 'unstarAfterFiling'>,
  login: FeedLogin | undefined,
  http: FeedHttp,
  parse?: FeedSourceConfig['parse'],
): FeedSource {
  if (config.kind === 'feed') return feedSource({ url: config.address, http, ...(parse ? { parse } : {}) });
  if (!login?.user || !login.password) throw new FeedError('auth', { said: 'no user name or password is stored' });
  return ttrssSource({
    url: config.address,
    user: login.user,
    password: login.password,
    unstarAfterFiling: config.unstarAfterFiling,
    http,
  });
}

/** How the words name a source: its kind and host. */
export function sourceLabel(config: Pick<SourceConfig, 'kind' | 'address'>): SourceLabel {
  let host = config.address;
  try {
    host = new URL(config.address).host;
  } catch {
    // Not a URL: the address as typed names it.
  }
  return { kind: config.kind, host };
}
