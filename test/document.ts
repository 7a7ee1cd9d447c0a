import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';

/**
 * linkedom has no `document.implementation`, and its parser does not decode character references in
 * a `<textarea>`. Capture decodes the entity soup of JSON-LD and meta values with the page's own HTML
 * parser in an inert document (src/capture/html-text.ts), so the test documents get the
 * DOMImplementation of a spec-following parser, jsdom's: decoding is tested as browsers do it.
 */
const implementation = new JSDOM('').window.document.implementation;

/**
 * Parse HTML into a Document that knows its address, for tests. linkedom leaves `document.URL`
 * undefined (browsers set it from the navigation), so we define it the way a browser would
 * report it; the capture code resolves relative links against it itself.
 */
export function documentAt(html: string, url = 'https://example.com/article'): Document {
  const { document } = parseHTML(html);
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  Object.defineProperty(document, 'implementation', { value: implementation, configurable: true });
  // linkedom's getElementsByTagName('*') finds nothing (browsers: every element, in document order,
  // which the capture's bounded scans read: src/capture/bounded-query.ts). Same order as querySelectorAll('*').
  // Bound now, as a browser's native collection is: a test that later breaks querySelectorAll does not break it.
  const byTag = document.getElementsByTagName.bind(document);
  const all = document.querySelectorAll.bind(document);
  Object.defineProperty(document, 'getElementsByTagName', {
    value: (name: string) => (name === '*' ? all('*') : byTag(name)),
    configurable: true,
  });
  return document;
}
