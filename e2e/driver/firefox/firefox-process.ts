import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiConnection } from './bidi-connection';

/** Debian's Firefox ESR (installed by scripts/ensure-deps.sh). */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export type Prefs = Record<string, string | number | boolean>;

/**
 * Prefs every test profile gets: quiet (no network of its own, no first-run pages) and fast (pages in
 * background tabs are not throttled: Preact runs its effects after a timer, which a background tab
 * would delay by a second or more).
 */
const BASE_PREFS: Prefs = {
  'browser.startup.page': 0,
  'browser.shell.checkDefaultBrowser': false,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.tabs.warnOnClose': false,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'dom.min_background_timeout_value_without_budget_throttling': 4,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.alwaysOpenPanel': false,
  'browser.download.panel.shown': true,
};

export interface FirefoxProcess {
  bidi: BidiConnection;
  profile: string;
  /** Closes Firefox (BiDi browser.close, then its whole process group) and deletes the profile. */
  close(): Promise<void>;
}

/** Live (not zombie) processes in Firefox's process group, plus its crash helper (which leaves the group). */
function leftovers(firefox: ChildProcess): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      const [, state, , pgid] = /\) (\S) (\d+) (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8')) ?? [];
      if (!state || state === 'Z') return false;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return pgid === String(firefox.pid) || (argv[0]!.endsWith('/crashhelper') && argv[1] === String(firefox.pid));
    } catch {
      return false;
    }
  });
}

function killAll(firefox: ChildProcess): void {
  try {
    process.kill(-firefox.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
  for (const pid of leftovers(firefox)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts headless Firefox on a fresh profile with WebDriver BiDi on a free port, and opens a session.
 * Prefs must be in user.js before Firefox starts.
 */
export async function startFirefox(prefs: Prefs, downloadDir: string): Promise<FirefoxProcess> {
  const profile = mkdtempSync(join(tmpdir(), 'clipper-firefox-'));
  const all = { ...BASE_PREFS, 'browser.download.dir': downloadDir, ...prefs };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(all)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
      .join(''),
  );
  const args = ['--headless', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access', '--no-remote'];
  const firefox = spawn(FIREFOX, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const exited = new Promise<void>((resolve) => {
    firefox.once('exit', () => resolve());
    firefox.once('error', () => resolve());
  });
  let output = '';
  const cleanUp = async () => {
    killAll(firefox);
    for (let i = 0; i < 50 && leftovers(firefox).length; i++) await sleep(100);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Firefox did not start WebDriver BiDi within 60 s:\n${output.slice(-2000)}`)),
        60_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      firefox.stdout.on('data', onData);
      firefox.stderr.on('data', onData);
      firefox.once(
        'exit',
        (code) => (
          clearTimeout(timer),
          reject(new Error(`Firefox exited (${code}) before WebDriver BiDi was up:\n${output.slice(-2000)}`))
        ),
      );
      firefox.once('error', (error) => (clearTimeout(timer), reject(new Error(`cannot start ${FIREFOX}: ${error.message}`))));
    });
    const bidi = await BidiConnection.open(`${url}/session`);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } }, 60_000);
    return {
      bidi,
      profile,
      close: async () => {
        if (bidi.isOpen) {
          await bidi.send('browser.close', {}, 10_000).catch(() => undefined);
          bidi.close();
        }
        await Promise.race([exited, sleep(15_000)]);
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
