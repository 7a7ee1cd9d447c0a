/**
 * What kind of document the tab shows. Chromium's PDF viewer, image and plain-text views are
 * documents too, but have no article metadata; the capture then keeps the address and title
 * and says why in plain words.
 */

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml']);

/** A plain-words note for a non-HTML document, or undefined for a web page. */
export function nonHtmlNote(doc: Document): string | undefined {
  let type: string | undefined;
  try {
    type = doc.contentType?.toLowerCase();
  } catch {
    return undefined;
  }
  // DOM libraries without contentType (linkedom) only ever hold HTML.
  if (!type || HTML_TYPES.has(type)) return undefined;
  const what =
    type === 'application/pdf' ? 'a PDF' :
    type.startsWith('image/') ? 'an image' :
    type.startsWith('video/') ? 'a video' :
    type.startsWith('audio/') ? 'an audio file' :
    type === 'text/plain' ? 'a plain-text file' :
    /json/.test(type) ? 'a JSON file' :
    /xml/.test(type) ? 'an XML file' :
    `a file of type ${type.slice(0, 60)}`;
  return `This tab shows ${what}, not a web page: only its address and title were kept.`;
}
