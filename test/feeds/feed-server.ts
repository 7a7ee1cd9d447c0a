import { readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A feed fixture from test/feeds/. */
export const feedFixture = (name: string): Buffer => readFileSync(new URL(`./${name}`, import.meta.url));

export interface Served {
  url: string;
  /** Requests seen, by path: method and the conditional headers they carried. */
  requests: { path: string; method: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  /** Bytes the /stream-50mb route wrote before the client went away. */
  streamed: { bytes: number; closed: boolean };
  close(): Promise<void>;
}

const RSS = feedFixture('rss2.xml');
const LAST_MODIFIED = 'Tue, 11 Mar 2025 10:00:00 GMT';
const MB = 1024 * 1024;

/**
 * A real HTTP server on 127.0.0.1 (a free port) serving the situations a feed source meets: a feed with
 * validators, one without, gzip, a 50 MB stream, a declared 50 MB body, a redirect loop, a request that
 * never answers, the error statuses, a web page and a feed under the wrong Content-Type. Bounded: every
 * route ends by itself or when the client leaves; the test closes the server.
 */
export async function serveFeeds(): Promise<Served> {
  const requests: Served['requests'] = [];
  const streamed = { bytes: 0, closed: false };
  const hanging = new Set<ServerResponse>();
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === LAST_MODIFIED)
        return void res.writeHead(304).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: '"v1"', 'Last-Modified': LAST_MODIFIED }).end(RSS);
    },
    '/plain.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(RSS),
    '/gzip.xml': (_req, res) =>
      void res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' }).end(gzipSync(RSS)),
    '/stream-50mb': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.write('<rss><channel><title>');
      const write = () => {
        while (streamed.bytes < 50 * MB && !streamed.closed) {
          streamed.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end('</title></channel></rss>');
      };
      res.on('close', () => (streamed.closed = true));
      write();
    },
    '/declared-50mb': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': String(50 * MB) });
      res.write('<rss>');
      hanging.add(res);
    },
    '/loop': (_req, res) => void res.writeHead(302, { Location: '/loop2' }).end(),
    '/loop2': (_req, res) => void res.writeHead(301, { Location: '/loop' }).end(),
    '/moved': (_req, res) => void res.writeHead(301, { Location: '/feed.xml' }).end(),
    '/never': (_req, res) => void hanging.add(res),
    '/page.html': (_req, res) =>
      void res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="/feed.xml"></head><body>A blog</body></html>',
        ),
    '/empty': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(),
    '/broken.xml': (_req, res) =>
      void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss><channel><title>x</channel>'),
    '/image.png': (_req, res) => void res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  };
  for (const status of [401, 403, 404, 410, 429, 500, 502, 503]) {
    routes[`/status/${status}`] = (_req, res) =>
      void res.writeHead(status, status === 503 || status === 429 ? { 'Retry-After': '120' } : {}).end('error page');
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({
      path,
      method: req.method ?? 'GET',
      ...(req.headers['if-none-match'] ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(req.headers['if-modified-since'] ? { ifModifiedSince: req.headers['if-modified-since'] } : {}),
    });
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    streamed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
