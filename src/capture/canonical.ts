import type { Found } from './found';
import type { MetaTags } from './meta-tags';
import { found } from './found';
import { resolveUrl, withoutTracking } from './page-address';

/**
 * Reject canonical links that would send the newsletter's readers somewhere else: junk
 * (template placeholders), another site's address, or the site's home page declared by a CMS
 * on every article.
 */
function acceptable(candidate: string, pageUrl: string): boolean {
  let page: URL | undefined;
  try {
    page = new URL(pageUrl);
  } catch {
    return true; // nothing to compare with (a test document without an address)
  }
  const url = new URL(candidate);
  const home = url.pathname.length <= 1 && !url.search;
  const pageIsHome = page.pathname.length <= 1;
  if (home && !pageIsHome) return false;
  const site = (host: string) => host.replace(/^(www|m|amp|mobile)\./, '');
  // A canonical on a different site is only believed for a real article path (syndicated copies).
  if (site(url.hostname) !== site(page.hostname) && home) return false;
  return true;
}

/**
 * The address to cite: `link[rel=canonical]` (which AMP pages must point at their regular
 * page), then `og:url`, then the page's own address; relative links resolved against the
 * document's base; tracking parameters and the fragment removed with {@link withoutTracking}.
 */
export function findCanonicalUrl(doc: Document, meta: MetaTags, base: string, pageUrl: string): Found | undefined {
  const candidates: (Found | undefined)[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    if (/(^|\s)canonical(\s|$)/i.test(link.getAttribute('rel')!)) candidates.push(found(link.getAttribute('href')!, 'canonical-link'));
  }
  for (const value of meta.all('og:url')) candidates.push(found(value, 'opengraph'));
  for (const value of meta.all('twitter:url')) candidates.push(found(value, 'twitter'));
  for (const candidate of candidates) {
    // Template placeholders and empty values leak into canonical tags ("{{url}}", "undefined").
    if (!candidate || /[\s{}<>]|^(undefined|null|#)$|\/(undefined|null)$/i.test(candidate.value.trim())) continue;
    const absolute = resolveUrl(candidate.value, base);
    if (absolute && acceptable(absolute, pageUrl)) return found(withoutTracking(absolute), candidate.source);
  }
  const own = resolveUrl(pageUrl, '');
  return own ? found(withoutTracking(own), 'url') : undefined;
}
