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

/** Resolve `href` against `base`; undefined when the result is not an http(s) URL. */
export function resolveUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base || undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
