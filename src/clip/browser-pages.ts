import { isWebUrl } from './url-key';

/**
 * What the browsers show in a tab instead of a readable web page, and how to recognise it from the
 * tab's address and title alone (all an extension gets when it may not read the page). Everything
 * browser-specific that tab-fallback.ts relies on lives here, so it can be checked against a new
 * browser release in one place. Measured with Chromium and Firefox ESR (English UI):
 *
 * - Firefox refuses extensions Mozilla's own sites, listed in its `extensions.webextensions.restrictedDomains`
 *   preference (the default below; the user may add more, which we cannot know).
 * - Firefox's Reader View lives at `about:reader?url=<the article's address, encoded>`; its tab title
 *   is the article's title.
 * - The source view is `view-source:<address>` in both browsers.
 * - Firefox's error pages keep the requested address; only their tab title says what they are
 *   ("Problem loading page" for a refused connection or an unknown host, "Blocked Page" for a blocked port).
 *   Chromium says so in its injection error instead ("Frame with ID 0 is showing error page").
 * - Firefox's PDF viewer (pdf.js) refuses extensions whatever the address; its tab title is the PDF's
 *   title or file name, which usually ends in ".pdf".
 */

/**
 * Firefox's default `extensions.webextensions.restrictedDomains`: hosts it never lets extensions read,
 * recognised before trying. Copied from Firefox ESR 153.8's own defaults (`greprefs.js` in its omni.ja);
 * older lists found on the web also name install.mozilla.org, which 153 no longer restricts.
 */
export const FIREFOX_RESTRICTED_HOSTS: readonly string[] = [
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
];

/**
 * Mozilla hosts that earlier Firefox releases restricted by default but 153 does not: never refused up
 * front (the page may well be readable), only used to explain a refusal once the browser has refused.
 */
export const FIREFOX_FORMERLY_RESTRICTED_HOSTS: readonly string[] = ['install.mozilla.org'];

/** Tab titles of Firefox's error pages (the page did not load; the tab keeps the requested address). */
export const FIREFOX_ERROR_PAGE_TITLES: readonly string[] = ['Problem loading page', 'Blocked Page'];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True for a host Firefox keeps from extensions by default (exact host, as Firefox matches it);
 * with `includingFormer`, also for one an earlier release kept (to explain a refusal already seen).
 */
export function isFirefoxRestrictedHost(hostname: string, { includingFormer = false }: { includingFormer?: boolean } = {}): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return FIREFOX_RESTRICTED_HOSTS.includes(host) || (includingFormer && FIREFOX_FORMERLY_RESTRICTED_HOSTS.includes(host));
}

/** For a Firefox Reader View address, the original article's http(s) address (decoded); else undefined. */
export function readerViewOriginal(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'about:' || parsed.pathname !== 'reader') return undefined;
  const original = parsed.searchParams.get('url')?.trim();
  return original && isWebUrl(original) ? original : undefined;
}

/** For a source view of an http(s) page (`view-source:https://…`), that page's address; else undefined. */
export function viewSourceInner(url: string): string | undefined {
  const match = /^view-source:(.*)$/is.exec(url.trim());
  const inner = match?.[1]?.trim();
  return inner && isWebUrl(inner) ? inner : undefined;
}

/** True when the tab title is that of one of Firefox's error pages. */
export function isErrorPageTitle(title: string | undefined): boolean {
  const clean = (title ?? '').trim();
  return FIREFOX_ERROR_PAGE_TITLES.includes(clean);
}

/** True when the tab title looks like a PDF's (Firefox's PDF viewer shows the file name). */
export function isPdfTitle(title: string | undefined): boolean {
  return /\.pdf$/i.test((title ?? '').trim());
}
