import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningInstances, parseEnv, runLauncher } from './launcher-script';

/**
 * A real WordPress on 127.0.0.1 for the sync tests, started and stopped by the test itself through
 * scripts/wordpress.sh (Debian's wordpress package, PHP's built-in server, a private MariaDB on a unix
 * socket; packages installed on first use). Each instance gets its own temporary state dir and a
 * free port, so test files may run several at once.
 *
 * Between tests, `reset()` puts the site's content back to "just installed": no posts, pages,
 * revisions, comments or terms other than "Uncategorized". It is a DB-level reset (SQL over the unix
 * socket, restoring the content tables from a snapshot taken at install), ~20-50 ms whatever the test
 * made, and it catches what REST deletes miss (trash, revisions, autosaves, new terms). Users, options
 * and the Application Password stay. Post ids keep growing across resets (never reused), so a draft
 * id remembered from before a reset answers 404, as a deleted post does.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'wordpress.sh');

export interface StartWordPressOptions {
  /** A port for WordPress (default: a free one). */
  port?: number;
  /** The instance's state dir (default: a new temp dir, removed by stop()). */
  stateDir?: string;
  /** Upper bound for the whole start, installing packages included (default 240 s; a start alone takes ~1 s). */
  timeoutMs?: number;
  /** Where the script's progress lines go (default: stderr, prefixed `[wp]`). */
  log?: (line: string) => void;
}

export interface RestInit extends Omit<RequestInit, 'body'> {
  /** Sent as JSON (sets Content-Type). */
  json?: unknown;
  body?: RequestInit['body'];
  /** `false` sends no Authorization; an object sends those credentials instead of the instance's. */
  auth?: false | { user: string; password: string };
  /** Per-request bound (default 15 s). */
  timeoutMs?: number;
}

export interface WordPress {
  /** e.g. http://127.0.0.1:27802 (what the extension's "site URL" is set to). */
  url: string;
  /** `${url}/wp-json/` */
  restUrl: string;
  user: string;
  /** The Application Password (24 characters, no spaces); the only password the REST API accepts. */
  appPassword: string;
  /** The login password: the REST API refuses it (useful for a "wrong password" test). */
  adminPassword: string;
  /** `Basic ...` for `user:appPassword`. */
  authorization: string;
  version: string;
  stateDir: string;
  /** How long start took, in ms (script plus REST check). */
  startMs: number;
  /**
   * A REST call: `path` is under /wp-json (`/wp/v2/posts?context=edit`), or a full URL (to call it
   * through a fault proxy). Basic auth with the Application Password unless `auth` says otherwise.
   */
  rest(path: string, init?: RestInit): Promise<Response>;
  /** `rest()` then JSON: throws with the status and body when it is not 2xx. */
  restJson<T = unknown>(path: string, init?: RestInit): Promise<T>;
  /** Content back to "just installed" (see above). */
  reset(): Promise<void>;
  /** Ends the instance's processes and removes its temp state dir. Safe to call twice. */
  stop(): Promise<void>;
}

/** Whether this machine can run WordPress: the packages are there, or apt-get can install them. */
export function wordPressAvailability(): { ok: true } | { ok: false; reason: string } {
  const installed = ['/usr/share/wordpress/wp-settings.php', '/usr/sbin/mariadbd', '/usr/bin/php'].every((path) => existsSync(path));
  if (installed) return { ok: true };
  const apt = spawnSync('sh', ['-c', 'command -v apt-get && command -v dpkg-deb'], { encoding: 'utf8' });
  if (apt.status === 0) return { ok: true };
  return {
    ok: false,
    reason: 'no apt-get on this machine, and WordPress, PHP and MariaDB are not installed: scripts/wordpress.sh needs Debian packages',
  };
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function runScript(command: string, env: NodeJS.ProcessEnv, timeoutMs: number, log: (line: string) => void): Promise<string> {
  return runLauncher(SCRIPT, command, env, timeoutMs, log);
}

/** Polls until `GET /wp-json/` answers 200 with the site's index; bounded by `timeoutMs`. */
async function waitForRest(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/wp-json/`, {
        signal: AbortSignal.timeout(Math.min(5_000, Math.max(100, deadline - Date.now()))),
      });
      if (response.ok && ((await response.json()) as { namespaces?: string[] }).namespaces?.includes('wp/v2')) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`WordPress REST API at ${url} did not answer within ${timeoutMs} ms (${last})`);
}

/** Instances this process started; a test run that dies without calling stop() leaves no server behind. */
const running = new RunningInstances((stateDir) =>
  spawnSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, WP_STATE_DIR: stateDir, WP_CLEAN: '1' }, stdio: 'ignore', timeout: 10_000 }),
);

/**
 * Starts a fresh WordPress (installing Debian's packages on first use, ~35-100 s) and resolves once
 * its REST API accepts the Application Password.
 */
export async function startWordPress(options: StartWordPressOptions = {}): Promise<WordPress> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 240_000;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ownDir = options.stateDir === undefined;
  // Short: MariaDB's socket lives in it (unix socket paths stop at ~100 bytes).
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'nc-wp-')));
  const env = { WP_STATE_DIR: stateDir, WP_PORT: String(options.port ?? 0) };
  running.add(stateDir);

  const stop = async () => {
    if (!running.has(stateDir)) return;
    running.delete(stateDir);
    await runScript('stop', env, 30_000, () => {});
    if (ownDir) await rm(stateDir, { recursive: true, force: true });
  };

  let credentials: Record<string, string>;
  try {
    credentials = parseEnv(await runScript('start', env, timeoutMs, log));
    if (!credentials.WP_URL || !credentials.WP_APP_PASSWORD) throw new Error('scripts/wordpress.sh printed no WP_URL / WP_APP_PASSWORD');
    await waitForRest(credentials.WP_URL, Math.max(5_000, timeoutMs - (Date.now() - started)));
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }

  const url = credentials.WP_URL;
  const user = credentials.WP_USER ?? 'admin';
  const appPassword = credentials.WP_APP_PASSWORD;
  const authorization = basic(user, appPassword);

  const rest = (path: string, init: RestInit = {}): Promise<Response> => {
    const { json, auth, timeoutMs: requestTimeout, headers, ...others } = init;
    const target = /^https?:\/\//.test(path) ? path : `${url}/wp-json${path.startsWith('/') ? path : `/${path}`}`;
    const finalHeaders = new Headers(headers);
    if (auth !== false) finalHeaders.set('authorization', auth ? basic(auth.user, auth.password) : authorization);
    if (json !== undefined) finalHeaders.set('content-type', 'application/json');
    return fetch(target, {
      ...others,
      headers: finalHeaders,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      signal: init.signal ?? AbortSignal.timeout(requestTimeout ?? 15_000),
    });
  };

  return {
    url,
    restUrl: `${url}/wp-json/`,
    user,
    appPassword,
    adminPassword: credentials.WP_ADMIN_PASSWORD ?? 'admin-password',
    authorization,
    version: credentials.WP_VERSION ?? '',
    stateDir,
    startMs: Date.now() - started,
    rest,
    async restJson<T>(path: string, init?: RestInit): Promise<T> {
      const response = await rest(path, init);
      const text = await response.text();
      if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
      return JSON.parse(text) as T;
    },
    reset: async () => {
      await runScript('reset', env, 30_000, log);
    },
    stop,
  };
}
