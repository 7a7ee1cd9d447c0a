import { parseHTML } from 'linkedom';

/**
 * Parse HTML into a Document that knows its address, for tests. linkedom leaves `document.URL`
 * undefined (browsers set it from the navigation), so we define it the way a browser would
 * report it; the capture code resolves relative links against it itself.
 */
export function documentAt(html: string, url = 'https://example.com/article'): Document {
  const { document } = parseHTML(html);
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  return document;
}
