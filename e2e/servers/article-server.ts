import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { hugeDomPage, hugeTextPage } from './generated-pages';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** URL prefix → folder. Sample articles are shared with the tour; special pages exist only for tests. */
const MOUNTS: Record<string, string> = {
  '/articles/': join(ROOT, 'samples', 'articles'),
  '/special/': join(ROOT, 'e2e', 'servers', 'pages'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.css': 'text/css',
};

/** Pages generated on request (too big to keep as files): path → HTML, made on first use. */
const GENERATED: Record<string, () => string> = { '/special/huge-dom.html': hugeDomPage, '/special/huge-text.html': hugeTextPage };
const generated = new Map<string, string>();

export interface ArticleServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves the sample articles (and test-only pages) on 127.0.0.1 on a free port. `?as=pdf` serves a
 * file with a PDF content type whatever its name; /reports/download serves a PDF at an address
 * without `.pdf`; /special/huge-dom.html and /special/huge-text.html are generated (generated-pages.ts).
 */
/** How long /special/hold keeps a page waiting: longer than any test's capture attempts, and bounded. */
const HOLD_MS = 30_000;

export async function startArticleServer(port = 0): Promise<ArticleServer> {
  const server: Server = createServer((request, response) => void answer(request, response));
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/special/hold') {
      // Answers only after HOLD_MS, or never if the page goes first: frozen.html waits for it synchronously.
      const timer = setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('released'), HOLD_MS);
      request.once('close', () => clearTimeout(timer));
      return;
    }
    const generate = GENERATED[url.pathname];
    if (generate) {
      if (!generated.has(url.pathname)) generated.set(url.pathname, generate());
      response.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(generated.get(url.pathname));
      return;
    }
    if (url.pathname === '/reports/download') {
      // A PDF at an address without ".pdf", as report downloads often are.
      const body = await readFile(join(MOUNTS['/special/']!, 'incident-review.pdf'));
      response.writeHead(200, { 'content-type': TYPES['.pdf']!, 'cache-control': 'no-store' }).end(body);
      return;
    }
    const mount = Object.keys(MOUNTS).find((prefix) => url.pathname.startsWith(prefix));
    const name = mount ? normalize(url.pathname.slice(mount.length)) : '';
    if (!mount || !name || name.startsWith('..') || name.includes('/..')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(join(MOUNTS[mount]!, name));
      const type = url.searchParams.get('as') === 'pdf' ? TYPES['.pdf']! : (TYPES[extname(name)] ?? 'application/octet-stream');
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
