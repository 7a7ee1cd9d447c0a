import { createHash } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One generated item: its number names its link, title, author and date. */
export interface GeneratedItem {
  n: number;
  /** Written as the item's description (HTML, as feeds carry it). */
  html?: string;
  /** A link other than the numbered one. */
  link?: string;
}

export interface GeneratedFeed {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Sets what a path serves: an RSS 2.0 feed of these items (newest = highest number first), or an HTTP status. */
  set(path: string, content: GeneratedItem[] | { status: number }): void;
  /** Requests per path, and how many were answered 304. */
  hits(path: string): { requests: number; notModified: number };
  close(): Promise<void>;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of the items (dates one hour apart from 2026-06-01, numbered links). */
export function rssOf(title: string, origin: string, items: readonly GeneratedItem[]): string {
  const sorted = [...items].sort((a, b) => b.n - a.n);
  const entries = sorted.map((item) => {
    const date = new Date(Date.UTC(2026, 5, 1) + item.n * 3_600_000).toUTCString();
    const link = item.link ?? `${origin}/posts/${item.n}?utm_source=rss`;
    return `<item><title>Post ${item.n}: what went wrong</title><link>${xml(link)}</link><guid isPermaLink="false">post-${item.n}</guid><author>author${item.n}@example.org (Author ${item.n})</author><pubDate>${date}</pubDate><description>${xml(item.html ?? `<p>Summary of <b>post ${item.n}</b>.</p>`)}</description></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${xml(title)}</title><link>${origin}/</link>${entries.join('')}</channel></rss>`;
}

/**
 * A real HTTP server on 127.0.0.1 (a free port) whose feeds the caller changes between polls: each body
 * gets a strong ETag (its hash), and a request carrying it is answered 304 without a body. Every route
 * answers at once; the caller closes the server.
 */
export async function serveGeneratedFeeds(): Promise<GeneratedFeed> {
  const content = new Map<string, { body: string; etag: string } | { status: number }>();
  const hits = new Map<string, { requests: number; notModified: number }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const count = hits.get(path) ?? { requests: 0, notModified: 0 };
    hits.set(path, count);
    count.requests += 1;
    const served = content.get(path);
    if (!served) return void res.writeHead(404).end('not here');
    if ('status' in served) return void res.writeHead(served.status).end('error page');
    if (req.headers['if-none-match'] === served.etag) {
      count.notModified += 1;
      return void res.writeHead(304, { ETag: served.etag }).end();
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: served.etag }).end(served.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    set(path, items) {
      if (!Array.isArray(items)) return void content.set(path, items);
      const body = rssOf(`Feed at ${path}`, origin, items);
      content.set(path, { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` });
    },
    hits: (path) => hits.get(path) ?? { requests: 0, notModified: 0 },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
