/**
 * The link target an export may print for `url`: the URL in its parsed, canonical form when it is an
 * absolute http(s) URL, otherwise null (the export then prints the title as plain text).
 *
 * Why parse instead of testing a prefix: `new URL` resolves what browsers resolve (leading spaces,
 * tabs inside the scheme, `JaVaScRiPt:`, entity-free but odd spellings), so the scheme we check is
 * the scheme a click would use. The canonical `href` also has no raw spaces, quotes or control
 * characters left for a Markdown or HTML writer to trip over.
 */
export function webHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** The schemes a link the editor wrote (in a summary or the sponsor message) may use: the web, and mailto for a contact. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * The link target for a URL the editor wrote in their Markdown: `url` trimmed when it parses as an
 * absolute http(s) or mailto URL, otherwise null (the link is then printed as its text). Kept as
 * written rather than canonical: markdown-it has already percent-encoded it, and the check is on
 * what a browser would parse from this very string.
 */
export function linkHref(url: string): string | null {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  return LINK_SCHEMES.includes(parsed.protocol) ? trimmed : null;
}
