import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { looksLikeUrl, looseKey, squash } from './text';

/** Display names of platforms that host many publications; their host alone reads badly. */
const PLATFORMS: Record<string, string> = {
  medium: 'Medium', substack: 'Substack', github: 'GitHub', youtube: 'YouTube', gitlab: 'GitLab', 'dev.to': 'DEV Community',
  blogspot: 'Blogger', wordpress: 'WordPress.com', tumblr: 'Tumblr', linkedin: 'LinkedIn', reddit: 'Reddit', 'x.com': 'X',
  twitter: 'X', 'news.ycombinator': 'Hacker News', stackoverflow: 'Stack Overflow', arxiv: 'arXiv', statuspage: 'Statuspage',
};

/**
 * A readable name from the host: a platform's display name, else the host without `www.`.
 * The full host is kept on purpose: `engineering.fb.com` says more than a guessed "fb".
 */
export function siteNameFromHost(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!host) return undefined;
  // The registrable part of the host without its public suffix: "medium.com" → "medium", "x.com" kept whole.
  const bare = host.replace(/^www\./, '');
  const name = PLATFORMS[bare] ?? PLATFORMS[bare.replace(/\.(com|org|io|dev|net)$/, '')];
  if (name) return name;
  return host.replace(/^www\d?\./, '');
}

function cleanSiteName(value: string): string | undefined {
  const name = squash(value);
  if (!name || name.length > 120 || looksLikeUrl(name) && !/^[\w-]+(\.[\w-]+)+$/.test(name)) return undefined;
  return name;
}

/**
 * The publication's name from declared metadata only (og:site_name, JSON-LD publisher,
 * application-name, Dublin Core/Highwire publisher). The title suffix and the host are
 * fallbacks applied by the caller once the title is known.
 */
export function declaredSiteName(meta: MetaTags, ld: JsonLdFacts): Found | undefined {
  const candidates: (Found | undefined)[] = [
    meta.first('og:site_name'),
    ld.publisher ? { value: ld.publisher, source: 'json-ld' } : undefined,
    meta.first('application-name', 'apple-mobile-web-app-title', 'dc.publisher', 'dcterms.publisher', 'citation_publisher', 'citation_journal_title'),
  ];
  for (const candidate of candidates) {
    const value = candidate && cleanSiteName(candidate.value);
    if (candidate && value) return { value, source: candidate.source };
  }
  return undefined;
}

/** True when a title part names the same site as `site` or the host ("Ars Technica" ≈ arstechnica.com). */
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
