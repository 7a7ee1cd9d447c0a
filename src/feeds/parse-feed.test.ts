import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from './feed-error';
import { FEED_LIMITS, ParsedFeed } from './feed-item';
import { parseFeed } from './parse-feed';

const NOW = Date.parse('2025-03-12T00:00:00Z');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/feeds/${name}`, import.meta.url)));
const parse = (body: Uint8Array | string, contentType = 'application/rss+xml', url = 'https://feeds.example.org/feed.xml') =>
  parseFeed({ body, contentType, url, now: NOW });

/** The FeedError a parse throws (fails the test when it does not throw one). */
function failure(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

const rss = (items: string, channel = '<title>T</title>') => `<rss version="2.0"><channel>${channel}${items}</channel></rss>`;

describe('parseFeed: the four formats', () => {
  it('reads RSS 2.0: FeedBurner origLink, tracking stripped, entities, authors, source, dates, plain summaries', () => {
    const feed = parse(fixture('rss2.xml'));
    expect(ParsedFeed.safeParse(feed).success).toBe(true);
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'Ops & Reliability Weekly',
      siteUrl: 'https://ops.example.org/',
      total: 6,
      skippedCount: 2,
    });
    expect(feed.items[0]).toEqual({
      link: 'https://ops.example.org/2025/03/postmortem?id=7',
      title: 'Café & crème: a bold postmortem review',
      authors: ['Alice Author', 'Bob Builder'],
      publication: 'Ops & Reliability Weekly',
      publishedAt: '2025-03-11T09:30:00+01:00',
      summary: 'What went wrong, and what we changed.',
      guid: 'ops-7',
    });
    // Relative link resolved against the feed's address; RSS's "email (Name)" author; the item's <source>.
    expect(feed.items[1]).toMatchObject({
      link: 'https://feeds.example.org/2025/03/relative',
      authors: ['Carol Writer'],
      publication: 'Upstream Journal',
      summary: 'Plain description with & an escaped ampersand',
    });
    // A Google Alerts redirect unwrapped, and the tracking parameter inside it removed.
    expect(feed.items[2]!.link).toBe('https://news.example.net/story?id=5');
    // A permalink guid stands in for a missing <link>; an unreadable date is null.
    expect(feed.items[3]).toMatchObject({ link: 'https://ops.example.org/2025/03/guid-only', publishedAt: null });
    expect(feed.skipped).toEqual([
      { title: 'Script link', problem: 'unsafe-scheme', scheme: 'javascript:' },
      { title: 'No link at all', problem: 'missing' },
    ]);
  });

  it('reads RSS 1.0 / RDF: items beside the channel, dc:creator and dc:date, newest first', () => {
    const feed = parse(fixture('rdf.xml'), 'application/rdf+xml');
    expect(feed).toMatchObject({ kind: 'rdf', title: 'An RDF Site', siteUrl: 'https://rdf.example.org/' });
    expect(feed.items.map((i) => [i.link, i.publishedAt, i.authors])).toEqual([
      ['https://rdf.example.org/two', '2025-03-09T10:00:00Z', []],
      ['https://rdf.example.org/one', '2025-03-08T10:00:00Z', ['Dana Dublin']],
    ]);
    expect(feed.items[1]!.summary).toBe('One — described');
  });

  it('reads Atom: xml:base, html/xhtml/text constructs, several authors, the feed author as fallback, <source>, future dates flagged', () => {
    const feed = parse(fixture('atom.xml'), 'application/atom+xml');
    expect(feed).toMatchObject({ kind: 'atom', title: 'Atom & Eve', siteUrl: 'https://atom.example.org/blog/' });
    const [future, one, two] = feed.items;
    expect(future).toMatchObject({ title: 'Future entry', publishedAt: '2099-01-01T00:00:00Z', future: true });
    expect(one).toMatchObject({
      link: 'https://atom.example.org/blog/posts/one.html',
      title: 'Italic title & more',
      authors: ['Erin Entry', 'Frank Field'],
      publishedAt: '2025-03-10T12:00:00+02:00',
      summary: 'An HTML summary',
      guid: 'urn:example:atom:1',
    });
    expect(one!.future).toBeUndefined();
    expect(two).toMatchObject({
      link: 'https://elsewhere.example.com/y/two.html',
      title: 'An XHTML title',
      authors: ['Feed Owner'],
      publication: 'Source Weekly',
      // type="text" is text: its angle brackets are characters, not tags.
      summary: 'Text with <tags> kept as text',
    });
  });

  it('reads JSON Feed 1.0 and 1.1: url or an http id, summary before content, authors and author, bad fields as missing', () => {
    const feed = parse(fixture('json-feed.json'), 'application/feed+json', 'https://json.example.org/feed.json');
    expect(feed).toMatchObject({ kind: 'json', title: 'JSON & Friends', siteUrl: 'https://json.example.org/', total: 4, skippedCount: 2 });
    expect(feed.items).toEqual([
      {
        link: 'https://json.example.org/posts/2',
        title: 'Second',
        authors: ['Old Style Author'],
        publication: 'JSON & Friends',
        publishedAt: '2025-03-11T09:00:00Z',
        summary: 'Only text',
        guid: 'https://json.example.org/posts/2',
      },
      {
        link: 'https://json.example.org/posts/1?page=2',
        title: 'First JSON item',
        authors: ['Gina Json'],
        publication: 'JSON & Friends',
        publishedAt: '2025-03-10T09:00:00-05:00',
        summary: 'A short summary',
        guid: '1',
      },
    ]);
    expect(feed.skipped).toEqual([
      { title: 'Data link', problem: 'unsafe-scheme', scheme: 'data:' },
      { title: 'Wrong types', problem: 'missing' },
    ]);
  });

  it('reads the Atom that Tiny Tiny RSS serves as its public starred feed (text/xml)', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Starred articles</title>
<link href="http://127.0.0.1:8890/" rel="alternate" type="text/html"/>
<entry><id>tag:127.0.0.1,2025-03-10:/3</id><link href="http://127.0.0.1:8891/posts/rss-1.html" rel="alternate" type="text/html"/>
<title type="html">RSS article 1</title><summary type="html"><![CDATA[Description of RSS article 1]]></summary>
<content type="html"><![CDATA[<div>Article note: A note</div><p>Description</p>]]></content>
<updated>2025-03-10T10:00:00+00:00</updated><author><name>Alice Author 1</name></author></entry></feed>`;
    const feed = parse(atom, 'text/xml', 'http://127.0.0.1:8890/public.php?op=rss&id=-1&key=k');
    expect(feed.items).toEqual([
      expect.objectContaining({
        link: 'http://127.0.0.1:8891/posts/rss-1.html',
        title: 'RSS article 1',
        authors: ['Alice Author 1'],
        publication: 'Starred articles',
        summary: 'Description of RSS article 1',
      }),
    ]);
  });
});

describe('parseFeed: hostile and broken input', () => {
  it('refuses malformed XML with the line and column', () => {
    const error = failure(() => parse('<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>oops</channel></rss>'));
    expect(error.data).toMatchObject({ code: 'malformed', line: 3 });
    expect(error.data.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/not well-formed \(line 3, column \d+\)/);
  });

  it('never expands entities declared in a DTD (billion laughs): the reference stays literal text', () => {
    const laughs = Array.from({ length: 9 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const feed = parse(
      `<?xml version="1.0"?><!DOCTYPE rss [${laughs}]>${rss('<item><title>&lol8;</title><link>https://e.org/a</link></item>')}`,
    );
    expect(feed.items[0]!.title).toBe('&lol8;');
  });

  it('never reads an external entity (XXE with a SYSTEM identifier)', () => {
    const feed = parse(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>` +
        rss('<item><title>a &xxe; b</title><link>https://e.org/a</link><description>&xxe;</description></item>'),
    );
    expect(feed.items[0]).toMatchObject({ title: 'a &xxe; b', summary: '&xxe;' });
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  it('refuses a body over the size cap before parsing it', () => {
    const big = new Uint8Array(FEED_LIMITS.bytes + 1).fill(0x20);
    expect(failure(() => parse(big)).data).toEqual({ code: 'too-large', limit: FEED_LIMITS.bytes });
  });

  it('keeps the newest 1,000 of 10,000 items, newest first, and counts them all', () => {
    const base = Date.parse('2025-01-01T00:00:00Z');
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://big.example.org/${i}</link><pubDate>${new Date(base + i * 60_000).toUTCString()}</pubDate></item>`,
    ).join('');
    const feed = parse(rss(items));
    expect(feed.total).toBe(10_000);
    expect(feed.items).toHaveLength(FEED_LIMITS.items);
    expect(feed.items[0]!.link).toBe('https://big.example.org/9999');
    expect(feed.items.at(-1)!.link).toBe(`https://big.example.org/${10_000 - FEED_LIMITS.items}`);
  });

  it('turns HTML and script in titles and summaries into plain text', () => {
    const feed = parse(
      rss(`<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Breaking &lt;img src=x onerror=alert(2)&gt;news</title>
        <link>https://e.org/a</link>
        <description><![CDATA[<script>document.write('pwned')</script><iframe src="javascript:alert(3)"></iframe><p onclick="alert(4)">Real <a href="javascript:alert(5)">text</a></p><!-- <b>hidden</b> --><style>body{}</style>]]></description></item>`),
    );
    expect(feed.items[0]).toMatchObject({ title: 'Breaking news', summary: 'Real text' });
  });

  it('strips bidirectional controls and control characters from titles, and caps every field', () => {
    const feed = parse(
      rss(
        `<item><title>Invoice \u202Efdp.exe\u202C &#x202E;x &#1;done</title><link>https://e.org/a</link><author>${'A'.repeat(2000)}</author><description>${'word '.repeat(5000)}</description></item>` +
          `<item><title>${'long '.repeat(1000)}</title><link>https://e.org/b</link></item>`,
      ),
    );
    expect(feed.items[0]!.title).toBe('Invoice fdp.exe x done');
    expect(feed.items[0]!.summary.length).toBeLessThanOrEqual(5000);
    expect(feed.items[0]!.authors[0]!.length).toBeLessThanOrEqual(500);
    expect(feed.items[1]!.title.length).toBeLessThanOrEqual(1000);
  });

  it('skips a link repeated under another spelling (same duplicate key) within one feed', () => {
    const feed = parse(
      rss(
        '<item><title>A</title><link>https://www.e.org/a/?utm_source=x</link></item><item><title>A again</title><link>http://e.org/a</link></item>',
      ),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['A']);
    expect(feed.skipped).toEqual([{ title: 'A again', problem: 'duplicate' }]);
  });

  it('reads dates it can and leaves the rest null (missing, unparseable, before 1990)', () => {
    const feed = parse(
      rss(
        ['', '<pubDate>yesterday-ish</pubDate>', '<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>', '<dc:date>2025-03-01</dc:date>']
          .map((date, i) => `<item><title>${i}</title><link>https://e.org/${i}</link>${date}</item>`)
          .join(''),
      ).replace('<rss version="2.0">', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'),
    );
    expect(feed.items.map((i) => [i.title, i.publishedAt])).toEqual([
      ['3', '2025-03-01'],
      ['0', null],
      ['1', null],
      ['2', null],
    ]);
  });

  it('reads a feed whatever Content-Type it is served with, and says what a non-feed is', () => {
    const body = rss('<item><title>A</title><link>https://e.org/a</link></item>');
    for (const type of ['text/html; charset=utf-8', 'text/plain', 'application/octet-stream', 'application/json', '']) {
      expect(parse(body, type).items).toHaveLength(1);
    }
    const page = `<!DOCTYPE html><html><head><title>Blog</title><link rel="alternate" type="application/rss+xml" href="/feed.xml?a=1&amp;b=2"></head><body>Hi</body></html>`;
    expect(failure(() => parse(page, 'text/html')).data).toEqual({
      code: 'not-a-feed',
      found: 'html',
      contentType: 'text/html',
      alternate: 'https://feeds.example.org/feed.xml?a=1&b=2',
    });
    expect(failure(() => parse('<html><body><p>no feed<br></body></html>', 'text/html')).data).toMatchObject({ found: 'html' });
    expect(failure(() => parse('{"data": [1, 2]}', 'application/json')).data).toMatchObject({ code: 'not-a-feed', found: 'json' });
    expect(failure(() => parse('<?xml version="1.0"?><urlset><url/></urlset>', 'application/xml')).data).toMatchObject({ found: 'xml' });
    expect(failure(() => parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png')).data).toMatchObject({
      found: 'binary',
      contentType: 'image/png',
    });
    expect(failure(() => parse('Just some words', 'text/plain')).data).toMatchObject({ found: 'text' });
    expect(failure(() => parse('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/feed+json')).data.code).toBe(
      'malformed',
    );
  });

  it('says an empty answer is empty', () => {
    expect(failure(() => parse('')).data.code).toBe('empty');
    expect(failure(() => parse(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).data.code).toBe('empty');
  });

  it('decodes the feed’s own encoding (charset, XML declaration, BOM) and HTML’s named references', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf'),
      0xe9,
      ...new TextEncoder().encode(
        '</title><item><title>Na&iuml;ve&nbsp;&mdash; x</title><link>https://e.org/a</link></item></channel></rss>',
      ),
    ]);
    const feed = parse(latin1, 'application/rss+xml');
    expect(feed.title).toBe('Café');
    expect(feed.items[0]!.title).toBe('Naïve — x');
    // (Not windows-1252 here: Node 20's TextDecoder maps its 0x80–0x9F to C1 controls, unlike browsers.)
    const latin2 = new Uint8Array([
      ...new TextEncoder().encode('<rss><channel><title>'),
      0xb1,
      0x71,
      ...new TextEncoder().encode('</title></channel></rss>'),
    ]);
    expect(parse(latin2, 'text/xml; charset=ISO-8859-2').title).toBe('ąq');
    expect(
      parse(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<rss><channel><title>ü</title></channel></rss>')])).title,
    ).toBe('ü');
  });

  it('reads a bare ampersand in a link as the character it was meant to be', () => {
    const feed = parse(rss('<item><title>Q&A</title><link>https://e.org/a?x=1&y=2</link></item>'));
    expect(feed.items[0]).toMatchObject({ title: 'Q&A', link: 'https://e.org/a?x=1&y=2' });
  });
});
