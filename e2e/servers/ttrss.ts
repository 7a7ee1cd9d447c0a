import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningInstances, parseEnv, runLauncher } from './launcher-script';

/**
 * A REAL Tiny Tiny RSS on 127.0.0.1 for the reading-queue tests, started and stopped by the test itself
 * through scripts/ttrss.sh (Debian's tt-rss, PHP's built-in server, a private PostgreSQL on a unix
 * socket; packages installed on first use). Each instance gets its own temporary state dir and two free
 * ports (the reader, and the local feeds it subscribes to), so test files may run several at once.
 *
 * As started, the reader is subscribed to an RSS 2.0 and an Atom feed of 5 articles each; RSS article 1
 * (with a note) and Atom article 2 are starred, RSS article 3 is published.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'ttrss.sh');

/** One headline as the API's getHeadlines answers it (the fields the tests read). */
export interface TtrssHeadline {
  id: number;
  title: string;
  link: string;
  marked: boolean;
  note?: string | null;
}

export interface Ttrss {
  /** The address the editor opens Tiny Tiny RSS at, e.g. http://127.0.0.1:27802/ */
  url: string;
  user: string;
  password: string;
  /** The reader's public feed of starred articles (Atom), with its access key. */
  starredFeedUrl: string;
  /** The local feed server's origin, e.g. http://127.0.0.1:27803 (article pages under /posts/). */
  feedsOrigin: string;
  /** How long start took, in ms. */
  startMs: number;
  /** Calls the JSON API as a client of its own (logs in once, then reuses the session). */
  api<T = unknown>(op: string, params?: Record<string, unknown>): Promise<T>;
  /** The article id of the article with this link (from all articles). */
  articleId(link: string): Promise<number>;
  /** Stars (or un-stars) an article, as the editor does in the reader. */
  star(id: number, starred?: boolean): Promise<void>;
  /** The starred headlines now. */
  starred(): Promise<TtrssHeadline[]>;
  /** Ends the instance's processes and removes its state dir. Safe to call twice. */
  stop(): Promise<void>;
}

function runScript(command: string, env: NodeJS.ProcessEnv, timeoutMs: number, log: (line: string) => void): Promise<string> {
  return runLauncher(SCRIPT, command, env, timeoutMs, log);
}

/** A port free on 127.0.0.1 right now (the script refuses a busy one, and start() then tries again). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Instances this process started; a test run that dies without calling stop() leaves no server behind. */
const running = new RunningInstances((stateDir) =>
  spawnSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TTRSS_STATE_DIR: stateDir }, stdio: 'ignore', timeout: 15_000 }),
);

/** Starts a fresh Tiny Tiny RSS (≈ 6 s here; installing Debian's packages on first use adds 15-60 s). */
export async function startTtrss(options: { timeoutMs?: number; log?: (line: string) => void } = {}): Promise<Ttrss> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 240_000;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let stateDir = '';
  let credentials: Record<string, string> | undefined;
  let lastError: unknown;
  // Two tries: a free port can be taken by someone else between freePort() and the script's own check.
  for (let attempt = 0; attempt < 2 && !credentials; attempt++) {
    // Short: PostgreSQL's socket lives in it (unix socket paths stop at ~100 bytes).
    stateDir = await mkdtemp(join(tmpdir(), 'nc-tt-'));
    running.add(stateDir);
    const port = await freePort();
    let feedPort = await freePort();
    if (feedPort === port) feedPort = await freePort();
    const env = { TTRSS_STATE_DIR: stateDir, TTRSS_PORT: String(port), TTRSS_FEED_PORT: String(feedPort) };
    try {
      credentials = parseEnv(await runScript('start', env, timeoutMs, log));
    } catch (error) {
      lastError = error;
      await runScript('stop', { TTRSS_STATE_DIR: stateDir }, 30_000, () => {}).catch(() => {});
      running.delete(stateDir);
      await rm(stateDir, { recursive: true, force: true });
    }
  }
  if (!credentials) throw lastError;
  if (!credentials.TTRSS_URL || !credentials.TTRSS_STARRED_FEED_URL || !credentials.FEED_RSS_URL)
    throw new Error('scripts/ttrss.sh printed no TTRSS_URL / TTRSS_STARRED_FEED_URL / FEED_RSS_URL');

  const url = credentials.TTRSS_URL;
  const user = credentials.TTRSS_USER ?? 'admin';
  const password = credentials.TTRSS_PASSWORD ?? '';
  let sid = '';
  const call = async (body: Record<string, unknown>): Promise<{ status: number; content: unknown }> => {
    const response = await fetch(`${url}api/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    return (await response.json()) as { status: number; content: unknown };
  };
  const api = async <T>(op: string, params: Record<string, unknown> = {}): Promise<T> => {
    if (!sid) {
      const login = await call({ op: 'login', user, password });
      sid = (login.content as { session_id?: string }).session_id ?? '';
      if (!sid) throw new Error(`Tiny Tiny RSS login failed: ${JSON.stringify(login)}`);
    }
    const reply = await call({ sid, op, ...params });
    if (reply.status !== 0) throw new Error(`Tiny Tiny RSS ${op} failed: ${JSON.stringify(reply)}`);
    return reply.content as T;
  };
  const stop = async () => {
    if (!running.has(stateDir)) return;
    running.delete(stateDir);
    await runScript('stop', { TTRSS_STATE_DIR: stateDir }, 30_000, () => {});
    await rm(stateDir, { recursive: true, force: true });
  };
  return {
    url,
    user,
    password,
    starredFeedUrl: credentials.TTRSS_STARRED_FEED_URL,
    feedsOrigin: new URL(credentials.FEED_RSS_URL).origin,
    startMs: Date.now() - started,
    api,
    async articleId(link) {
      // -4: all articles.
      const all = await api<TtrssHeadline[]>('getHeadlines', { feed_id: -4, limit: 200 });
      const found = all.find((headline) => headline.link === link);
      if (!found) throw new Error(`no article with the link ${link}`);
      return found.id;
    },
    async star(id, starred = true) {
      await api('updateArticle', { article_ids: String(id), field: 0, mode: starred ? 1 : 0 });
    },
    starred: () => api<TtrssHeadline[]>('getHeadlines', { feed_id: -1, limit: 200 }),
    stop,
  };
}
