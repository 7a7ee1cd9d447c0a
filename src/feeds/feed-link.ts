import { FIELD_LIMITS } from '../clip/capture';
import { cleanUrl } from '../clip/url-key';

/** Why an item's link was not used. */
export type LinkProblem = 'missing' | 'unsafe-scheme' | 'unreadable' | 'too-long';

export type LinkResult = { url: string } | { problem: LinkProblem; scheme?: string };

/**
 * Redirect and click-tracking wrappers that carry the real address in a query parameter. Only these
 * hosts (and paths): a `?url=` on an ordinary page is the page's own business.
 */
const WRAPPERS: readonly { host: RegExp; path: RegExp; params: readonly string[] }[] = [
  // Google Alerts feeds and search results: https://www.google.com/url?rct=j&sa=t&url=https://…
  { host: /^(www\.)?google\.[a-z]{2,3}(\.[a-z]{2})?$/, path: /^\/url$/, params: ['url', 'q'] },
  // The old Google News RSS: https://news.google.com/news/url?…&url=https://…
  { host: /^news\.google\.com$/, path: /^\/(news\/)?url$/, params: ['url'] },
  { host: /^(l|lm|m|www)\.facebook\.com$/, path: /^\/l\.php$/, params: ['u'] },
  { host: /^t\.umblr\.com$/, path: /^\/redirect$/, params: ['z'] },
  { host: /^out\.reddit\.com$/, path: /^\//, params: ['url'] },
  { host: /^(www\.)?youtube\.com$/, path: /^\/redirect$/, params: ['q'] },
  { host: /^(www\.)?linkedin\.com$/, path: /^\/redir\/redirect\/?$/, params: ['url'] },
  { host: /^slack-redir\.net$/, path: /^\/link$/, params: ['url'] },
  { host: /^(www\.)?instapaper\.com$/, path: /^\/read\/?$/, params: ['u', 'url'] },
  { host: /^getpocket\.com$/, path: /^\/redirect$/, params: ['url'] },
  { host: /^feeds\.feedblitz\.com$/, path: /^\/~\/t\//, params: ['url'] },
];

/** The address inside a known wrapper, or undefined when `url` is not one. */
export function unwrapRedirect(url: URL): URL | undefined {
  const host = url.hostname.toLowerCase();
  for (const wrapper of WRAPPERS) {
    if (!wrapper.host.test(host) || !wrapper.path.test(url.pathname)) continue;
    for (const param of wrapper.params) {
      const inner = url.searchParams.get(param);
      if (!inner) continue;
      try {
        const target = new URL(inner);
        if (target.protocol === 'http:' || target.protocol === 'https:') return target;
      } catch {
        // Not an absolute address: try the next parameter.
      }
    }
  }
  // href.li and similar referrer-hiders: the whole query is the address.
  if (/^href\.li$/.test(host) && /^https?:\/\//i.test(decodeURIComponent(url.search.slice(1)))) {
    try {
      return new URL(decodeURIComponent(url.search.slice(1)));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * An item's link as the clipping's URL: resolved against the item's base (so relative links work),
 * http(s) only (`javascript:`, `data:`, `file:` and every other scheme are refused with the reason),
 * known redirect wrappers unwrapped (up to three deep), then cleaned as the store cleans every URL
 * (tracking parameters and the fragment removed, see src/clip/url-key.ts).
 */
export function resolveLink(raw: string | undefined, base: string | undefined): LinkResult {
  // Controls and whitespace inside an address are dropped, as the URL parser does for tabs and newlines.
  // eslint-disable-next-line no-control-regex
  const value = (raw ?? '').replace(/[\u0000-\u0020\u007f]+/g, '');
  if (!value) return { problem: 'missing' };
  if (value.length > FIELD_LIMITS.url * 2) return { problem: 'too-long' };
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return { problem: 'unreadable' };
  }
  for (let depth = 0; depth < 3; depth++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') break;
    const inner = unwrapRedirect(url);
    if (!inner) break;
    url = inner;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'unsafe-scheme', scheme: url.protocol.slice(0, 20) };
  const clean = cleanUrl(url.href);
  return clean.length > FIELD_LIMITS.url ? { problem: 'too-long' } : { url: clean };
}
