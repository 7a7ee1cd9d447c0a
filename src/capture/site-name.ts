import type { Found } from './found';
import { firstFound, found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { hostOf } from './page-address';
import { looksLikeUrl, looseKey, squash } from './text';

/**
 * Display names of platforms that host many publications; their host alone reads badly. Most
 * are found by their loose form ("stackoverflow" → "Stack Overflow"); the rest by host.
 */
const PLATFORMS = 'Medium Substack GitHub YouTube GitLab Tumblr LinkedIn Reddit Stack_Overflow arXiv Statuspage'.split(' ');
const PLATFORM_HOSTS: Record<string, string> = {
  'dev.to': 'DEV Community',
  blogspot: 'Blogger',
  wordpress: 'WordPress',
  'x.com': 'X',
  twitter: 'X',
  'news.ycombinator': 'Hacker News',
};

/**
 * A readable name from the host: a platform's display name, else the host without `www.`.
 * The full host is kept on purpose: `engineering.fb.com` says more than a guessed "fb".
 */
export function siteNameFromHost(url: string): string | undefined {
  // The registrable part of the host without a common suffix (a platform's host reads as its label); a one-letter label is kept whole.
  const bare = hostOf(url).replace(/^www\d?\./, '');
  const label = bare.replace(/\.(com|org|io|dev|net)$/, '');
  const platform = PLATFORMS.find((name) => looseKey(name) === label);
  return PLATFORM_HOSTS[bare] ?? PLATFORM_HOSTS[label] ?? platform?.replace('_', ' ') ?? (bare || undefined);
}

function cleanSiteName(value: string): string | undefined {
  const name = squash(value);
  if (!name || name.length > 120 || (looksLikeUrl(name) && !/^[\w-]+(\.[\w-]+)+$/.test(name))) return undefined;
  return name;
}

/**
 * The publication's name from declared metadata only (og:site_name, JSON-LD publisher,
 * application-name, Dublin Core/Highwire publisher). The title suffix and the host are
 * fallbacks applied by the caller once the title is known.
 */
export function declaredSiteName(meta: MetaTags, ld: JsonLdFacts): Found | undefined {
  return firstFound(
    [
      meta.first('og:site_name'),
      found(ld.publisher, 'json-ld'),
      meta.first('application-name apple-mobile-web-app-title dc.publisher dcterms.publisher citation_publisher citation_journal_title'),
    ],
    cleanSiteName,
  );
}

/** True when a title part names the same site as `site` or the host ("Example News" ≈ examplenews.org). */
export function matchesSite(part: string, site: string | undefined, host: string): boolean {
  const key = looseKey(part);
  if (!key) return false;
  if (site) {
    const siteKey = looseKey(site);
    if (key === siteKey || (siteKey.length > 3 && key.length > 3 && (key.startsWith(siteKey) || siteKey.startsWith(key)))) return true;
  }
  const hostKey = looseKey(host.replace(/^www\./, '').replace(/\.[a-z]{2,}$/i, ''));
  return key.length > 2 && (hostKey === key || (key.length >= 4 && hostKey.includes(key) && key.length * 2 >= hostKey.length));
}
