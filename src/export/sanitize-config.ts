import type { Config, DOMPurify } from 'dompurify';
import { EDITOR_ALLOW_LIST } from './allow-list';

const { elements, urlAttributes, urlSchemes } = EDITOR_ALLOW_LIST;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * EDITOR_ALLOW_LIST (allow-list.ts) in DOMPurify's terms: the pages run it over the HTML that
 * editor-html.ts already wrote from the same list, a second layer should that writer ever slip.
 * DOMPurify's attribute list is not per element, so `title` and `rel` would be kept on any allowed
 * tag; the writer only ever puts them on links.
 */
export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: Object.keys(elements),
  ALLOWED_ATTR: [...new Set(Object.values(elements).flatMap((attributes) => attributes ?? []))],
  ALLOWED_URI_REGEXP: new RegExp(`^(?:${urlSchemes.map((scheme) => escapeRegExp(scheme.slice(0, -1))).join('|')}):`, 'i'),
  // DOMPurify tests every allowed attribute that is not on its "URI-safe" list against the URI
  // pattern, so without this a strict pattern also strips `rel="noopener noreferrer"`. (`title` is
  // on the list already.) The URL attributes stay the only ones held to the pattern.
  ADD_URI_SAFE_ATTR: [...new Set(Object.values(elements).flatMap((attributes) => attributes ?? []))].filter(
    (a) => !urlAttributes.includes(a),
  ),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** The same allow-list, the result as DOMPurify's cleaned `<body>` element instead of its HTML. */
const SANITIZE_TO_DOM: Config & { RETURN_DOM: true } = { ...SANITIZE_CONFIG, RETURN_DOM: true };

/**
 * The `sanitize` function the HTML export wants, from a DOMPurify instance: `DOMPurify` itself in an
 * extension page, or `createDOMPurify(new JSDOM('').window)` in Node. It takes every piece of an
 * export at once and returns them cleaned, in order.
 *
 * The pieces go through ONE DOMPurify call, each in a `<blockquote>` (an allowed tag that holds any
 * flow content) titled with this call's nonce and the piece's index; each piece is then its wrapper's
 * HTML in the cleaned tree. DOMPurify parses every string it is given into a new document, and for an
 * issue of 200 summaries those documents were most of the export's sanitising time. Everything still
 * passes DOMPurify with SANITIZE_CONFIG, wrappers included, so what comes out is as clean as before.
 *
 * The pieces are markdown-it's output, which is always well-formed (`html: false` prints raw HTML as
 * text). A piece that is not could close its wrapper or swallow the next one: unless the cleaned
 * tree is exactly the wrappers, in order, with their own titles, every piece is sanitised on its own
 * instead. The same happens when a wrapper holds more of a formatting element (a, em, strong, …)
 * than its piece opened: an element left open in one piece, which the HTML parser reopens in the
 * next (a link would spread to another clipping's text).
 */
/** The elements the HTML parser reopens after a block boundary when they were left open ("active formatting elements"). */
const REOPENED = ['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'];
const START_TAG = new Map(REOPENED.map((tag) => [tag, new RegExp(`<${tag}[\\s/>]`, 'gi')]));

/** True when the cleaned wrapper holds no formatting element its piece did not open itself. */
function nothingReopened(piece: string, wrapper: Element): boolean {
  if (!wrapper.firstElementChild) return true;
  for (const tag of REOPENED) {
    const made = wrapper.getElementsByTagName(tag).length;
    if (made && made > (piece.match(START_TAG.get(tag)!)?.length ?? 0)) return false;
  }
  return true;
}

export function createSanitizer(purify: DOMPurify): (pieces: readonly string[]) => string[] {
  const each = (pieces: readonly string[]) => pieces.map((html) => purify.sanitize(html, SANITIZE_CONFIG));
  return (pieces) => {
    if (pieces.length < 2) return each(pieces);
    // getRandomValues, not randomUUID: the latter exists only in secure contexts.
    const nonce = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('-');
    const body = purify.sanitize(
      pieces.map((html, i) => `<blockquote title="${nonce}-${i}">${html}</blockquote>`).join(''),
      SANITIZE_TO_DOM,
    );
    const wrappers = Array.from(body.childNodes);
    const intact =
      wrappers.length === pieces.length &&
      wrappers.every(
        (node, i): node is Element =>
          node.nodeName === 'BLOCKQUOTE' &&
          (node as Element).getAttribute('title') === `${nonce}-${i}` &&
          nothingReopened(pieces[i]!, node as Element),
      );
    return intact ? wrappers.map((wrapper) => wrapper.innerHTML) : each(pieces);
  };
}
