import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from './feed-error';
import type { FeedHttp } from './feed-http';
import { LoginContent, ttrssApiUrl, ttrssCall } from './ttrss-api';

describe('ttrssApiUrl', () => {
  it('finds the API from the address the editor opens the reader at', () => {
    expect(ttrssApiUrl('https://rss.example.org/tt-rss/')).toBe('https://rss.example.org/tt-rss/api/');
    expect(ttrssApiUrl('https://rss.example.org/tt-rss')).toBe('https://rss.example.org/tt-rss/api/');
    expect(ttrssApiUrl('https://rss.example.org/tt-rss/index.php?op=x#f=-1')).toBe('https://rss.example.org/tt-rss/api/');
    expect(ttrssApiUrl('https://rss.example.org')).toBe('https://rss.example.org/api/');
    expect(ttrssApiUrl(' https://rss.example.org/api ')).toBe('https://rss.example.org/api/');
  });
});

/**
 * The answers Tiny Tiny RSS gives (HTTP 200, errors inside the body; recorded from tt-rss 21, see
 * scripts/ttrss.sh), served on 127.0.0.1 by path; the real reader is exercised in ttrss-source.ttrss.test.ts.
 */
const ANSWERS: Record<string, { status?: number; type?: string; body: string }> = {
  '/login-error/api/': { body: '{"seq":0,"status":1,"content":{"error":"LOGIN_ERROR"}}' },
  '/disabled/api/': { body: '{"seq":0,"status":1,"content":{"error":"API_DISABLED"}}' },
  '/usage/api/': { body: '{"seq":0,"status":1,"content":{"error":"INCORRECT_USAGE"}}' },
  '/ok/api/': { body: '{"seq":0,"status":0,"content":{"session_id":"abc123","api_level":15}}' },
  '/odd/api/': { body: '{"seq":0,"status":0,"content":{"sid":42}}' },
  '/page/api/': { type: 'text/html', body: '<!DOCTYPE html><html><body>Login</body></html>' },
  '/gone/api/': { status: 404, body: 'Not Found' },
};

let base = '';
const server = createServer((req, res) => {
  const answer = ANSWERS[new URL(req.url ?? '/', 'http://x').pathname];
  if (!answer) return void res.writeHead(404).end();
  res.writeHead(answer.status ?? 200, { 'Content-Type': answer.type ?? 'text/json; charset=utf-8' }).end(answer.body);
});
beforeAll(() =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)).then(
    () => (base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
  ),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const http: FeedHttp = { fetch: (...args) => fetch(...args), timeoutMs: 5000, maxBytes: 1024 * 1024, now: () => Date.now() };
const login = (path: string) => ttrssCall(http, ttrssApiUrl(`${base}${path}`), { op: 'login', user: 'u', password: 'p' }, LoginContent);
const code = (path: string) =>
  login(path).then(
    () => 'ok',
    (error: unknown) => (error instanceof FeedError ? error.data : error),
  );

describe('ttrssCall', () => {
  it('reads the session id from a good answer', async () => {
    expect(await login('/ok/')).toEqual({ session_id: 'abc123', api_level: 15 });
  });

  it('turns the errors inside HTTP 200 bodies into codes', async () => {
    expect(await code('/login-error/')).toEqual({ code: 'auth', said: 'LOGIN_ERROR' });
    expect(await code('/disabled/')).toEqual({ code: 'api-disabled' });
    expect(await code('/usage/')).toEqual({ code: 'bad-response', said: 'INCORRECT_USAGE' });
    expect(await code('/odd/')).toEqual({ code: 'bad-response', said: 'unexpected login answer' });
  });

  it('says there is no API where a web page or a 404 answers', async () => {
    expect(await code('/page/')).toEqual({ code: 'no-api', status: 200 });
    expect(await code('/gone/')).toEqual({ code: 'no-api', status: 404 });
  });
});
