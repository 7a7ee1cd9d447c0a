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
