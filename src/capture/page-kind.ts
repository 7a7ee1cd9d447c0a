/**
 * What kind of document the tab shows. Chromium's PDF viewer, image and plain-text views are
 * documents too, but have no article metadata; the capture then keeps the address and title
 * and says why in plain words.
 */

/** A plain-words note for a non-HTML document, or undefined for a web page. */
export function nonHtmlNote(doc: Document): string | undefined {
  const type = doc.contentType?.toLowerCase();
  // DOM libraries without contentType (linkedom) only ever hold HTML.
  if (!type || /^(text\/html|application\/xhtml\+xml|image\/svg\+xml)$/.test(type)) return undefined;
  return `This tab shows ${type.includes('pdf') ? 'a PDF' : `a file (${type.slice(0, 60)})`}, not a web page: only its address and title were kept.`;
}
