import { XmlError, parseXml } from '@rgrove/parse-xml';
import { decodeHTMLStrict } from 'entities';
import { decodeBody } from './decode-body';
import { finishEntries, type RawFeed } from './feed-entries';
import { FeedError, type FoundKind } from './feed-error';
import { FEED_LIMITS, type FeedKind, ParsedFeed } from './feed-item';
import { isJsonFeed, readJsonFeed } from './json-feed';
import { readXmlFeed, xmlFeedKind } from './xml-feed';

/** A feed as it arrived: its body (bytes as read, or text), the Content-Type header and its own address. */
export interface FeedInput {
  body: Uint8Array | string;
  contentType?: string | null;
  /** The feed's address (after redirects): the base of relative links. */
  url: string;
  /** The clock, for flagging dates in the future. */
  now: number;
}

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const BINARY_TYPE = /^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|gzip|x-gzip|wasm|vnd\.)/;
// A bare ampersand (not starting a reference) is the commonest error in hand-made feeds (`?a=1&b=2` in
// a link); it is read as the character it was meant to be, as feed readers do.
const BARE_AMPERSAND = /&(?!#\d{1,7};|#x[\da-f]{1,6};|[a-z][\w.-]{0,40};)/gi;
// Control characters, raw or as references, are not allowed in XML 1.0 but CMSs paste them into feeds;
// they carry no text, so they are dropped instead of failing the whole feed.
// eslint-disable-next-line no-control-regex
const XML_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|&#0*(?:[0-8]|1[1-24-9]|2\d|3[01]);|&#x0*(?:[0-8bcef]|1[\da-f]);/gi;

/**
 * A web page's `<link rel="alternate" type="application/rss+xml" href="…">`: the feed it names, for the
 * words of `not-a-feed` ("use that address instead").
 */
export function alternateFeed(html: string, pageUrl: string): string | undefined {
  for (const [tag] of html.slice(0, 65_536).matchAll(/<link\b[^>]{0,1000}>/gi)) {
    if (!/\brel\s*=\s*["']?[^"'>]*\balternate\b/i.test(tag)) continue;
    if (!/\btype\s*=\s*["']?application\/(?:rss\+xml|atom\+xml|feed\+json|json)/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = decodeHTMLStrict(href?.[1] ?? href?.[2] ?? href?.[3] ?? '');
    try {
      const url = new URL(value, pageUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not an address: look at the next link.
    }
  }
  return undefined;
}

function notAFeed(found: FoundKind, contentType: string | undefined, alternate?: string): FeedError {
  return new FeedError('not-a-feed', { found, ...(contentType ? { contentType } : {}), ...(alternate ? { alternate } : {}) });
}

/** The first line of parse-xml's message, without its "(line …, column …)" (those become facts). */
function xmlSaid(error: XmlError): string {
  return error.message.split('\n')[0]!.replace(/\s*\(line \d+, column \d+\)\s*$/, '');
}

/** A raw feed and the format it was read as. */
type KindedFeed = RawFeed & { kind: FeedKind };

function readXml(text: string, url: string, contentType: string | undefined): KindedFeed {
  let doc;
  try {
    doc = parseXml(text.replace(XML_CONTROL, '').replace(BARE_AMPERSAND, '&amp;'), {
      // DTDs are never read, so an entity declared in one (billion laughs, an external SYSTEM entity) is
      // never expanded: HTML's named references (common in feeds, not XML) are read as HTML reads them,
      // anything else stays as the literal text "&name;".
      resolveUndefinedEntity: (ref) => {
        const decoded = decodeHTMLStrict(ref);
        return decoded === ref ? undefined : decoded;
      },
      ignoreUndefinedEntities: true,
    });
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (/<html[\s>]/i.test(text.slice(0, 4096))) throw notAFeed('html', contentType, alternateFeed(text, url));
    throw new FeedError('malformed', { line: error.line, column: error.column, said: xmlSaid(error) });
  }
  const root = doc.root;
  if (!root) throw new FeedError('malformed', { said: 'No root element' });
  const kind = xmlFeedKind(root);
  if (!kind) throw notAFeed(root.name.toLowerCase() === 'html' ? 'html' : 'xml', contentType, alternateFeed(text, url));
  return { ...readXmlFeed(root, kind, url), kind };
}

/**
 * A feed's bytes or text → a checked ParsedFeed: RSS 2.0 (and 0.9x), RSS 1.0/RDF, Atom or JSON Feed,
 * told apart by content, not by the Content-Type (servers label feeds text/plain, text/html,
 * application/octet-stream …). Throws a FeedError: `too-large`, `empty`, `not-a-feed` (a web page, with the
 * feed it names when it names one; other JSON or XML; an image …), `malformed` (with line and column).
 */
export function parseFeed(input: FeedInput): ParsedFeed {
  const contentType = input.contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  if (typeof input.body !== 'string' && input.body.byteLength > FEED_LIMITS.bytes)
    throw new FeedError('too-large', { limit: FEED_LIMITS.bytes });
  if (contentType && BINARY_TYPE.test(contentType)) throw notAFeed('binary', contentType);
  const text = (typeof input.body === 'string' ? input.body : decodeBody(input.body, input.contentType)).replace(/^\uFEFF/, '').trimStart();
  if (typeof input.body === 'string' && text.length > FEED_LIMITS.bytes) throw new FeedError('too-large', { limit: FEED_LIMITS.bytes });
  if (!text) throw new FeedError('empty');

  let raw: KindedFeed;
  if (text.startsWith('{') || text.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new FeedError('malformed', { said: error instanceof Error ? error.message.slice(0, 200) : 'JSON' });
    }
    const feed = isJsonFeed(value) ? readJsonFeed(value, input.url) : undefined;
    if (!feed) throw notAFeed('json', contentType);
    raw = { ...feed, kind: 'json' };
  } else if (HTML_START.test(text)) {
    throw notAFeed('html', contentType, alternateFeed(text, input.url));
  } else if (text.startsWith('<')) {
    raw = readXml(text, input.url, contentType);
  } else {
    throw notAFeed('text', contentType);
  }

  const finished = finishEntries(raw, input.now);
  let siteUrl: string | null = null;
  if (raw.siteUrl) {
    try {
      const url = new URL(raw.siteUrl.trim(), raw.base);
      if (url.protocol === 'http:' || url.protocol === 'https:') siteUrl = url.href;
    } catch {
      // No usable site address: null.
    }
  }
  return ParsedFeed.parse({
    kind: raw.kind,
    title: finished.title,
    siteUrl,
    items: finished.items,
    total: finished.total,
    skippedCount: finished.skippedCount,
    skipped: finished.skipped,
  });
}
