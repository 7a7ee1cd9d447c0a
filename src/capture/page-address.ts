/**
 * Where the document lives. Browsers give `document.URL` and resolve `<base href>` into
 * `document.baseURI`; DOM libraries used in tests (linkedom) give neither, so we compute both
 * from what is there and resolve relative links ourselves instead of trusting `element.href`.
 */

/** The document's own address, or '' when the DOM implementation does not know it. */
export function documentUrl(doc: Document): string {
  try {
    return doc.URL || doc.documentURI || doc.location?.href || '';
  } catch {
    return '';
  }
}

/** The base for relative links: `<base href>` resolved against the document URL. */
export function baseUrl(doc: Document): string {
  const page = documentUrl(doc);
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return (href && resolveUrl(href, page)) || page;
}

/** The host name of `url` in lower case, or '' when it is not an address. */
export function hostOf(url: string): string {
  return resolveUrl(url, '')?.replace(/^\w+:\/\/([^/:]*).*$/s, '$1') ?? '';
}

/** Resolve `href` against `base`; undefined when the result is not an http(s) URL. */
export function resolveUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base || undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Query keys that only say where a click came from (utm_*, ad and mail click ids). The worker
 * cleans addresses again with `cleanUrl` (src/clip/url-key.ts, normalize-url); this short list
 * keeps that library (2.5 KB gzipped) out of the content script, which has a 10 KB budget.
 */
const TRACKING = /^(utm_\w+|fbclid|[gd]clid|[gw]braid|mc_[ce]id|msclkid|igshid|_hs(enc|mi)|mkt_tok|yclid|twclid)$/i;

/** The address without its fragment and tracking parameters; anything else stays as written. */
export function withoutTracking(href: string): string {
  try {
    const url = new URL(href);
    url.hash = '';
    // Filter the raw pairs instead of using URLSearchParams, which would re-encode the rest.
    if (url.search)
      url.search = url.search
        .slice(1)
        .split('&')
        .filter((pair) => pair && !TRACKING.test(pair.split('=')[0]!))
        .join('&');
    return url.href;
  } catch {
    return href;
  }
}
