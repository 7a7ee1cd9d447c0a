import normalizeUrl from 'normalize-url';

/**
 * Query parameters that only track where a click came from. Removing them never changes the page.
 * utm_* (Google Analytics), fbclid (Facebook), gclid/dclid/gbraid/wbraid (Google Ads),
 * mc_cid/mc_eid (Mailchimp), msclkid (Bing), igshid (Instagram), _hsenc/_hsmi (HubSpot),
 * mkt_tok (Marketo), yclid (Yandex), twclid (Twitter/X), oly_* (Omeda), vero_* (Vero), ref_src (Twitter embeds).
 */
export const TRACKING_PARAMETERS: readonly (string | RegExp)[] = [
  /^utm_\w+$/i,
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'mc_cid',
  'mc_eid',
  'msclkid',
  'igshid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'yclid',
  'twclid',
  /^oly_(anon|enc)_id$/i,
  /^vero_(conv|id)$/i,
  'ref_src',
];

const WEB_PROTOCOL = /^https?:$/;

/** True when `value` parses as an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  try {
    return WEB_PROTOCOL.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The URL as it should appear in the newsletter: tracking parameters and the fragment removed,
 * host lower-cased, everything else (path, meaningful query, trailing slash, www.) kept as written.
 * Non-web URLs (chrome://, file://, about:) are returned unchanged apart from trimming.
 */
export function cleanUrl(value: string): string {
  const trimmed = value.trim();
  if (!isWebUrl(trimmed)) return trimmed;
  return normalizeUrl(trimmed, {
    stripHash: true,
    stripWWW: false,
    removeTrailingSlash: false,
    removeSingleSlash: false,
    removeQueryParameters: TRACKING_PARAMETERS,
    sortQueryParameters: false,
    removeDirectoryIndex: false,
    normalizeProtocol: false,
    stripTextFragment: true,
  });
}

/**
 * The duplicate-detection key of a URL: two addresses with the same key are the same article.
 * On top of {@link cleanUrl}: scheme folded to https, `www.` dropped (default ports go with the URL parser; other ports are kept),
 * query parameters sorted, trailing slash and `index.html` removed.
 */
export function urlKey(value: string): string {
  const trimmed = value.trim();
  if (!isWebUrl(trimmed)) return trimmed.toLowerCase();
  return normalizeUrl(trimmed, {
    forceHttps: true,
    stripHash: true,
    stripWWW: true,
    removeTrailingSlash: true,
    removeSingleSlash: true,
    removeQueryParameters: TRACKING_PARAMETERS,
    sortQueryParameters: true,
    removeDirectoryIndex: [/^index\.html?$/],
    stripTextFragment: true,
  });
}
