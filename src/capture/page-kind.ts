/**
 * What kind of document the tab shows. Chromium's PDF viewer, image and plain-text views are
 * documents too, but have no article metadata; the capture then keeps the address and title
 * and says why in plain words.
 */

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml']);

const WHAT: Record<string, string> = { pdf: 'a PDF', image: 'an image', video: 'a video', audio: 'an audio file', text: 'a plain-text file', json: 'a JSON file', xml: 'an XML file' };

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
  const what = WHAT[/pdf|json|xml/.exec(type)?.[0] ?? (type === 'text/plain' ? 'text' : type.split('/')[0]!)] ?? `a file of type ${type.slice(0, 60)}`;
  return `This tab shows ${what}, not a web page: only its address and title were kept.`;
}
