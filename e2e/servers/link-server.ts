import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

/**
 * A web site of link faults on 127.0.0.1 for the link check (issue 12): the unit tests, bench:links and
 * the E2E journey point the checker at it. One port speaks both http and https (the first byte of a
 * connection says which: 0x16 opens a TLS handshake), so `http://127.0.0.1:P/x` and `https://127.0.0.1:P/x`
 * are the same site, as on the web. Its certificate is self-signed (test/links/self-signed.crt):
 * a client that does not trust it sees a TLS failure; one given the certificate sees the https site.
 *
 * Routes (any takes `?delay=ms`, capped at 30 s, before it answers):
 * | path                    | answer                                                             |
 * |-------------------------|--------------------------------------------------------------------|
 * | `/`                     | 200, the home page                                                 |
 * | `/ok/…`                 | 200, an article page                                               |
 * | `/moved/N/…`            | 301 to `/moved/N-1/…`; `/moved/0/…` → 301 `/ok/…?utm_source=feed` |
 * | `/perm308/…`            | 308 to `/ok/…`                                                     |
 * | `/temp/…`               | 302 to `/ok/…` (temporary: the link stays as it is)                |
 * | `/loop/a`, `/loop/b`    | 301 to each other                                                  |
 * | `/missing/…` `/gone/…`  | 404, 410                                                           |
 * | `/login/…`              | 401                                                                |
 * | `/forbidden/…`          | 403 to HEAD and GET                                                |
 * | `/head-403/…`           | 403 to HEAD, 200 to GET                                            |
 * | `/no-head/…`            | 405 to HEAD, 200 to GET; `/head-501/…` 501 likewise                |
 * | `/rate/…?after=S`       | 429 with Retry-After: S to the first request of that path, then 200|
 * | `/rate-long/…`          | 429 with Retry-After: 3600, always                                 |
 * | `/error/…`              | 500, always                                                        |
 * | `/bot/…`                | 503 with a "Just a moment…" challenge page                          |
 * | `/captcha/…`            | 200 with a captcha page                                            |
 * | `/soft/…`               | 200 whose title says "Page not found"                              |
 * | `/home/…`               | 301 to `/` (an article redirected to the home page)                |
 * | `/reset/…`              | the connection is destroyed, no answer                             |
 * | `/stall/…`              | no answer until the server closes                                  |
 * | `/http-only/…`          | 200 over http, 404 over https                                      |
 * Bounded: at most `maxRequests` answered (then 503), every connection closed after its answer
 * (`Connection: close`: a browser silently re-sends a request whose reused connection was reset),
 * close() ends every socket and stall.
 */

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'links');

/** The self-signed certificate of the https side (for a client that should trust it). */
export const LINK_SERVER_CERT = readFileSync(join(FIXTURES, 'self-signed.crt'), 'utf8');
const KEY = readFileSync(join(FIXTURES, 'self-signed.key'), 'utf8');

export interface LinkServer {
  origin: string;
  httpsOrigin: string;
  port: number;
  /** Requests answered, as "METHOD scheme path". */
  hits: string[];
  /** Forgets the requests seen (the 429-once routes answer 429 again). */
  reset(): void;
  close(): Promise<void>;
}

function page(title: string, body = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}<p>${'Words. '.repeat(40)}</p></body></html>`;
}

export async function startLinkServer(options: { maxRequests?: number } = {}): Promise<LinkServer> {
  const maxRequests = options.maxRequests ?? 20_000;
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const rateSeen = new Set<string>();

  const handle = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    hits.push(`${method} ${secure ? 'https' : 'http'} ${url.pathname}`);
    res.setHeader('Connection', 'close');
    if (hits.length > maxRequests) return void res.writeHead(503).end();
    const delay = Math.min(Number(url.searchParams.get('delay') ?? 0) || 0, 30_000);
    const answer = () => route(secure, method, url, req, res);
    if (delay <= 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delay);
    timers.add(timer);
  };

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, html?: string) => {
    res.writeHead(status, html === undefined ? headers : { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  };

  const route = (secure: boolean, method: string, url: URL, req: IncomingMessage, res: ServerResponse) => {
    const parts = url.pathname.split('/').filter(Boolean);
    const [kind = '', ...rest] = parts;
    const tail = rest.join('/');
    const delay = url.searchParams.get('delay');
    const keep = delay ? `?delay=${delay}` : '';
    const ok = (title: string) => send(res, 200, {}, page(title));
    switch (kind) {
      case '':
        return ok('Home');
      case 'ok':
        return ok(`Article ${tail}`);
      case 'moved': {
        const n = Number(rest[0] ?? 0);
        const after = rest.slice(1).join('/');
        const to = n > 0 ? `/moved/${n - 1}/${after}${keep}` : `/ok/${after}?utm_source=feed${delay ? `&delay=${delay}` : ''}`;
        return send(res, 301, { Location: to });
      }
      case 'perm308':
        return send(res, 308, { Location: `/ok/${tail}${keep}` });
      case 'temp':
        return send(res, 302, { Location: `/ok/${tail}${keep}` });
      case 'loop':
        return send(res, 301, { Location: rest[0] === 'a' ? '/loop/b' : '/loop/a' });
      case 'missing':
        return send(res, 404, {}, page('Not here'));
      case 'gone':
        return send(res, 410, {}, page('Gone'));
      case 'login':
        return send(res, 401, { 'WWW-Authenticate': 'Basic realm="members"' }, page('Members only'));
      case 'forbidden':
        return send(res, 403, {}, page('Forbidden'));
      case 'head-403':
        return method === 'HEAD' ? send(res, 403, {}) : ok(`Article ${tail}`);
      case 'no-head':
        return method === 'HEAD' ? send(res, 405, { Allow: 'GET' }) : ok(`Article ${tail}`);
      case 'head-501':
        return method === 'HEAD' ? send(res, 501, {}) : ok(`Article ${tail}`);
      case 'rate': {
        const key = `${secure}${url.pathname}`;
        if (rateSeen.has(key)) return ok(`Article ${tail}`);
        rateSeen.add(key);
        return send(res, 429, { 'Retry-After': url.searchParams.get('after') ?? '1' }, page('Slow down'));
      }
      case 'rate-long':
        return send(res, 429, { 'Retry-After': '3600' }, page('Slow down'));
      case 'error':
        return send(res, 500, {}, page('Internal error'));
      case 'bot':
        return send(res, 503, { 'cf-mitigated': 'challenge' }, page('Just a moment...', '<div id="challenge-platform"></div>'));
      case 'captcha':
        return ok('Are you a robot? Please solve the captcha');
      case 'soft':
        return send(res, 200, {}, page('Page not found – Example Daily'));
      case 'home':
        return send(res, 301, { Location: '/' });
      case 'reset':
        req.socket.destroy();
        return;
      case 'stall':
        return;
      case 'http-only':
        return secure ? send(res, 404, {}, page('Not here')) : ok(`Article ${tail}`);
      default:
        return send(res, 404, {}, page('Not here'));
    }
  };

  const plain = createHttpServer(handle(false));
  const secure = createHttpServer(handle(true));
  const tls = createTlsServer({ key: KEY, cert: LINK_SERVER_CERT }, (socket) => secure.emit('connection', socket));
  tls.on('tlsClientError', () => undefined);
  const front: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((done, fail) => {
    front.once('error', fail);
    front.listen(0, '127.0.0.1', () => done());
  });
  const address = front.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    httpsOrigin: `https://127.0.0.1:${port}`,
    port,
    hits,
    reset: () => {
      hits.length = 0;
      rateSeen.clear();
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => front.close(() => done()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (a server bound and closed again): connection refused. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
