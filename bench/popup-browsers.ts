/**
 * Popup prefill time in each browser (issue "Firefox too"): the popup part of bench/issue.ts ("d")
 * extended to Firefox, through the cross-browser driver layer (e2e/driver/).
 *
 *   npm run bench:popup        (= npm run build:test && tsx bench/popup-browsers.ts)
 *   npx tsx bench/popup-browsers.ts --runs 15 [--out FILE]   (with dist/ and dist-firefox/ built)
 *
 * Both browsers are launched at once (ChromiumBrowser.launch() on dist/, FirefoxBrowser.launch() on
 * a private copy of dist-firefox/), each with a tab showing samples/articles/error-budgets-blog.html
 * (served by e2e/servers/article-server.ts) on which the toolbar button was clicked
 * (app.clickToolbarButton: activeTab is granted). Then the runs alternate between the browsers
 * (Chromium first on even runs, Firefox first on odd ones), so a busy moment of a shared machine
 * hits both; run 0 of each browser is a warm-up and is dropped.
 *
 * What is timed, and how (the method): the clip form popup/index.html?tab=ID, from the popup
 * document's time origin to the moment #title is given its pre-filled value, read in the page.
 * The driver's evaluate only runs once a page has loaded, and neither browser's driver here can
 * add a script at document start through the shared interface, so the popup is loaded where the
 * bench can reach it before it fills the form: in a same-origin <iframe> of an extension page.
 *   1. app.openExtensionPage('options/index.html', 480 × 780) is the "launcher" (opened once per
 *      browser; it is idle once loaded).
 *   2. Per run, one evaluate in the launcher: it appends an <iframe> covering the viewport
 *      (480 × 780, the popup's size), installs a hook on the iframe window's
 *      HTMLInputElement.prototype value setter (records performance.now() of the popup document the
 *      first time #title is set to a non-empty value), then sets iframe.src = popup URL. When the
 *      browser reuses the initial about:blank Window for the same-origin document (HTML spec), the
 *      hook is there from document start; when it does not, the launcher polls every 1 ms (a timer,
 *      not a busy loop) for the new Window and installs the hook then. Either way the run counts
 *      only if #title was still empty when the hook went in (the value arrives only after the
 *      clip.prepare round trip to the background, tens of ms later); otherwise it is retried
 *      (bounded). The prototype hook works on elements created before it, as preact sets `.value`.
 *   3. Reported per run: the popup document's own performance.now() when #title got its value
 *      (= ms since its time origin, the iframe navigation's start), also "from src set" on the
 *      shared epoch clock (performance.timeOrigin + now()) as a check that the time origin is
 *      the navigation's and not the reused about:blank's; the title is checked against
 *      samples/articles/error-budgets-blog.expected.json.
 * A cross-check, also per run and browser, in a top-level tab exactly as the journeys open the
 * form (app.openExtensionPage('popup/index.html?tab=ID')): Node polls #title every 10 ms through
 * the driver and takes the page's performance.now() at the first non-empty read (an upper bound,
 * coarser by the poll interval and the driver's round trip), plus Node's wall time from the
 * openExtensionPage call.
 *
 * Prints a table and a JSON summary, writes bench/results/popup-browsers.json. Every loop is
 * bounded, a watchdog ends the run after 10 minutes, and the browsers are closed in finally.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ChromiumBrowser } from '../e2e/driver/chromium-browser';
import type { BrowserTab, Engine, ExtensionBrowser } from '../e2e/driver/extension-browser';
import { DIST_FIREFOX, FirefoxBrowser } from '../e2e/driver/firefox/firefox-browser';
import { DIST } from '../e2e/browser';
import { expectedCapture, SAMPLE } from '../e2e/samples';
import { type ArticleServer, startArticleServer } from '../e2e/servers/article-server';

const ROOT = resolve(import.meta.dirname, '..');
const POPUP_VIEWPORT = { width: 480, height: 780 };
const WATCHDOG_MS = 10 * 60_000;
const RUN_TIMEOUT_MS = 30_000;
const MAX_RETRIES_PER_RUN = 3;
const started = performance.now();
const log = (...parts: unknown[]) => console.log(`[bench:popup ${((performance.now() - started) / 1000).toFixed(1)}s]`, ...parts);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  runs: number;
  out: string;
}

function options(argv: string[]): Options {
  // strict (the default): an unknown option or a stray argument is refused.
  const { values } = parseArgs({ args: argv.filter((a) => a !== '--'), options: { runs: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false });
  const runs = values.runs === undefined ? 15 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 3 || runs > 200) throw new Error(`--runs must be a whole number from 3 to 200, not ${values.runs}`);
  return { runs, out: values.out ? resolve(values.out) : join(ROOT, 'bench', 'results', 'popup-browsers.json') };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const round = (x: number, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const stats = (xs: readonly number[]) => ({ msMedian: round(median(xs)), msP95: round(quantile(xs, 0.95)), msMin: round(Math.min(...xs)), runs: xs.map((x) => round(x)) });

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function version(command: string): string {
  try {
    // Debian's /usr/bin/chromium wrapper prints a shell warning on stderr on some machines: keep stdout only.
    return execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
  } catch (error) {
    return `unknown (${String(error).split('\n')[0]})`;
  }
}

/** A fingerprint of a build folder (paths, sizes, mtimes), to notice a rebuild during the run. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else hash.update(`${relative(dir, path)} ${st.size} ${st.mtimeMs}\n`);
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// In-page code (plain JavaScript text: tsx would add a `__name` helper the page does not have)

interface FrameRun {
  ok: boolean;
  reason?: string;
  /** The popup document's performance.now() when #title got its value: ms since its time origin. */
  titleAt: number;
  /** The same moment on the shared epoch clock, minus the moment iframe.src was set. */
  fromSrcSet: number;
  /** The popup document's time origin minus the moment iframe.src was set (≈ 0 when it is the navigation's). */
  timeOriginAfterSrcSet: number;
  /** 'reused-window': the hook was in place from document start; 'after-commit': installed by polling. */
  hookMode: 'reused-window' | 'after-commit';
  /** The popup document's performance.now() when the hook went in (after-commit only). */
  hookedAt: number | null;
  readyStateAtHook: string | null;
  domInteractive: number;
  title: string;
}

function frameRunExpression(popupUrl: string, timeoutMs: number): string {
  return String.raw`(async () => {
  const url = ${JSON.stringify(popupUrl)};
  const deadline = performance.now() + ${timeoutMs};
  document.getElementById('bench-popup-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'bench-popup-frame';
  frame.style.cssText = 'position:fixed;left:0;top:0;width:${POPUP_VIEWPORT.width}px;height:${POPUP_VIEWPORT.height}px;border:0;margin:0;background:#fff;z-index:2147483647';
  document.body.append(frame);
  const hook = (w, mode) => {
    const b = { mode, titleAt: null, titleEpoch: null, title: null, hookedAt: null, readyStateAtHook: null, titleAtHook: null };
    w.__popupBench = b;
    const proto = w.HTMLInputElement.prototype;
    const d = Object.getOwnPropertyDescriptor(proto, 'value');
    Object.defineProperty(proto, 'value', {
      configurable: true,
      enumerable: d.enumerable,
      get() { return d.get.call(this); },
      set(v) {
        d.set.call(this, v);
        if (b.titleAt === null && this.id === 'title' && v) {
          const p = this.ownerDocument.defaultView.performance;
          b.titleAt = p.now();
          b.titleEpoch = p.timeOrigin + b.titleAt;
          b.title = String(v);
        }
      },
    });
    return b;
  };
  const blank = frame.contentWindow;
  hook(blank, 'reused-window');
  await new Promise((r) => setTimeout(r, 0));
  const srcSetEpoch = performance.timeOrigin + performance.now();
  frame.src = url;
  let b = null;
  let w = null;
  while (performance.now() < deadline) {
    w = frame.contentWindow;
    let here = false;
    try { here = !!w && w.location.href === url && !!w.document && w.document.URL === url; } catch (e) { here = false; }
    if (here) {
      if (w.__popupBench && w.__popupBench.mode === 'reused-window') {
        b = w.__popupBench;
      } else {
        b = hook(w, 'after-commit');
        b.hookedAt = w.performance.now();
      }
      b.readyStateAtHook = w.document.readyState;
      const t = w.document.getElementById('title');
      b.titleAtHook = t ? t.value : null;
      break;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  if (!b) return { ok: false, reason: 'the popup document never appeared' };
  if (b.titleAtHook) return { ok: false, reason: 'hooked too late: #title already had a value' };
  while (b.titleAt === null && performance.now() < deadline) {
    if (w.document.querySelector('[role=alert]')) return { ok: false, reason: 'the popup showed an error: ' + w.document.querySelector('[role=alert]').textContent };
    await new Promise((r) => setTimeout(r, 10));
  }
  if (b.titleAt === null) return { ok: false, reason: 'timed out waiting for #title' };
  const nav = w.performance.getEntriesByType('navigation')[0];
  return {
    ok: true,
    titleAt: b.titleAt,
    fromSrcSet: b.titleEpoch - srcSetEpoch,
    timeOriginAfterSrcSet: w.performance.timeOrigin - srcSetEpoch,
    hookMode: b.mode,
    hookedAt: b.hookedAt,
    readyStateAtHook: b.readyStateAtHook,
    domInteractive: nav ? nav.domInteractive : NaN,
    title: w.document.getElementById('title').value,
  };
})()`;
}

// ---------------------------------------------------------------------------------------------
// One side per browser

interface Side {
  engine: Engine;
  app: ExtensionBrowser;
  article: BrowserTab;
  launcher: BrowserTab;
  popupPath: string;
  popupUrl: string;
  frame: FrameRun[];
  retries: string[];
  /** Cross-check: top-level tab via openExtensionPage, #title polled from Node every 10 ms. */
  topPageNow: number[];
  topWallMs: number[];
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function frameRun(side: Side, expectedTitle: string | undefined): Promise<FrameRun> {
  for (let attempt = 0; attempt <= MAX_RETRIES_PER_RUN; attempt++) {
    await sleep(250); // the previous page's teardown settles before a measured run
    const run = await withTimeout(side.launcher.evaluate<FrameRun>(frameRunExpression(side.popupUrl, RUN_TIMEOUT_MS - 2000)), RUN_TIMEOUT_MS, `${side.engine} popup in an iframe`);
    if (!run.ok) {
      side.retries.push(run.reason ?? 'unknown');
      log(`${side.engine}: run not counted (${run.reason}), retrying`);
      continue;
    }
    if (expectedTitle && run.title !== expectedTitle) throw new Error(`${side.engine}: the popup pre-filled "${run.title}", expected "${expectedTitle}"`);
    return run;
  }
  throw new Error(`${side.engine}: ${MAX_RETRIES_PER_RUN + 1} attempts failed: ${side.retries.slice(-3).join('; ')}`);
}

async function topLevelRun(side: Side): Promise<{ pageNow: number; wallMs: number }> {
  await sleep(250);
  const t0 = performance.now();
  const popup = await withTimeout(side.app.openExtensionPage(side.popupPath, POPUP_VIEWPORT), RUN_TIMEOUT_MS, `${side.engine} openExtensionPage`);
  try {
    const deadline = t0 + RUN_TIMEOUT_MS;
    while (performance.now() < deadline) {
      const at = await popup.evaluate<number | null>(`(document.getElementById('title')?.value ? performance.now() : null)`);
      if (at !== null) return { pageNow: at, wallMs: performance.now() - t0 };
      await sleep(10);
    }
    throw new Error(`${side.engine}: #title stayed empty in the top-level popup tab`);
  } finally {
    await popup.close();
  }
}

async function prepareSide(app: ExtensionBrowser, server: ArticleServer): Promise<Side> {
  const article = await app.openTab(server.url(`/articles/${SAMPLE.blogPost}.html`));
  await app.clickToolbarButton(article);
  const launcher = await app.openExtensionPage('options/index.html', POPUP_VIEWPORT);
  const base = await launcher.evaluate<string>(`new URL('/', location.href).href`);
  const popupPath = `popup/index.html?tab=${article.tabId}`;
  return { engine: app.engine, app, article, launcher, popupPath, popupUrl: `${base}${popupPath}`, frame: [], retries: [], topPageNow: [], topWallMs: [] };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const expectedTitle = expectedCapture(SAMPLE.blogPost).title;
  const loadAtStart = loadavg().map((x) => round(x, 2));
  const versions = { chromium: version('chromium'), firefox: version('firefox-esr') };
  log(`${versions.chromium} | ${versions.firefox} | ${opts.runs} runs per browser after a warm-up`);
  const distAtStart = fingerprint(DIST);
  // Firefox installs from a path: a private copy, so a rebuild of dist-firefox/ mid-run changes nothing.
  // (ChromiumBrowser.launch() loads dist/ itself: a rebuild is noticed by the fingerprint instead.)
  const firefoxDist = mkdtempSync(join(tmpdir(), 'clipper-bench-firefox-'));
  cpSync(DIST_FIREFOX, firefoxDist, { recursive: true });

  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = () => Promise.allSettled(closers.splice(0).reverse().map((close) => withTimeout(close(), 30_000, 'close')));
  const watchdog = setTimeout(() => {
    console.error(`[bench:popup] watchdog: still running after ${WATCHDOG_MS / 60_000} minutes, giving up`);
    void closeAll().finally(() => process.exit(2));
  }, WATCHDOG_MS);
  closers.push(async () => rmSync(firefoxDist, { recursive: true, force: true }));
  try {
    const server = await startArticleServer();
    closers.push(() => server.close());
    const chromium = await ChromiumBrowser.launch();
    closers.push(() => chromium.close());
    const firefox = await FirefoxBrowser.launch({}, firefoxDist);
    closers.push(() => firefox.close());
    const sides = [await prepareSide(chromium, server), await prepareSide(firefox, server)];
    log('both browsers ready; measuring');

    for (let i = 0; i <= opts.runs; i++) {
      const order = i % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const run = await frameRun(side, expectedTitle);
        const top = await topLevelRun(side);
        if (i === 0) continue; // warm-up
        side.frame.push(run);
        side.topPageNow.push(top.pageNow);
        side.topWallMs.push(top.wallMs);
      }
      if (i % 5 === 0) log(`run ${i}/${opts.runs}: ${sides.map((s) => `${s.engine} ${s.frame.length ? fmt(s.frame.at(-1)!.titleAt) : '(warm-up)'} ms`).join(', ')}`);
    }

    const distAtEnd = fingerprint(DIST);
    const per = Object.fromEntries(
      sides.map((s) => [
        s.engine,
        {
          titlePrefilled: stats(s.frame.map((r) => r.titleAt)),
          fromSrcSet: stats(s.frame.map((r) => r.fromSrcSet)),
          timeOriginAfterSrcSetMsMedian: round(median(s.frame.map((r) => r.timeOriginAfterSrcSet)), 2),
          domInteractive: stats(s.frame.map((r) => r.domInteractive)),
          hookModes: s.frame.reduce<Record<string, number>>((m, r) => ({ ...m, [r.hookMode]: (m[r.hookMode] ?? 0) + 1 }), {}),
          hookedAtMsMedian: round(median(s.frame.map((r) => r.hookedAt ?? 0))),
          readyStateAtHook: s.frame.reduce<Record<string, number>>((m, r) => ({ ...m, [String(r.readyStateAtHook)]: (m[String(r.readyStateAtHook)] ?? 0) + 1 }), {}),
          retried: s.retries,
          crossCheckTopLevelTab: { pageNowAtFirstPoll: stats(s.topPageNow), nodeWallMs: stats(s.topWallMs) },
        },
      ]),
    ) as Record<Engine, { titlePrefilled: ReturnType<typeof stats>; fromSrcSet: ReturnType<typeof stats>; timeOriginAfterSrcSetMsMedian: number; domInteractive: ReturnType<typeof stats>; hookModes: Record<string, number>; hookedAtMsMedian: number; readyStateAtHook: Record<string, number>; retried: string[]; crossCheckTopLevelTab: { pageNowAtFirstPoll: ReturnType<typeof stats>; nodeWallMs: ReturnType<typeof stats> } }>;
    const ratio = (f: (e: Engine) => number) => round(f('firefox') / f('chromium'), 3);
    const result = {
      benchmark: 'popup prefill time per browser (popup/index.html?tab=ID until #title holds its pre-filled value)',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) },
      versions,
      method:
        'popup loaded in a same-origin <iframe> (480x780) of an extension page (options/index.html) opened with app.openExtensionPage; a hook on the iframe window\'s HTMLInputElement value setter records the popup document\'s performance.now() when #title is first set to a non-empty value (ms since the popup document\'s time origin). Runs alternate between the browsers; one warm-up dropped. Cross-check: top-level tab via app.openExtensionPage, #title polled from Node every 10 ms.',
      runsPerBrowser: opts.runs,
      article: `samples/articles/${SAMPLE.blogPost}.html`,
      expectedTitle,
      distFingerprint: { start: distAtStart, end: distAtEnd, unchanged: distAtStart === distAtEnd },
      ratioFirefoxOverChromium: {
        titlePrefilledMedian: ratio((e) => per[e].titlePrefilled.msMedian),
        titlePrefilledP95: ratio((e) => per[e].titlePrefilled.msP95),
        crossCheckTopLevelMedian: ratio((e) => per[e].crossCheckTopLevelTab.pageNowAtFirstPoll.msMedian),
      },
      browsers: per,
    };
    if (!result.distFingerprint.unchanged) console.warn('[bench:popup] WARNING: dist/ changed during the run (someone rebuilt it): the Chromium numbers may mix two builds');

    console.log('\nPopup: time origin → #title pre-filled (ms, in the page)\n');
    const row = (label: string, s: ReturnType<typeof stats>) => [label, fmt(s.msMedian), fmt(s.msP95), fmt(s.msMin)];
    console.log(
      table([
        ['', 'median', 'p95', 'min'],
        row(`Chromium (${versions.chromium.split(' ').slice(0, 2).join(' ')})`, per.chromium.titlePrefilled),
        row(`Firefox (${versions.firefox.replace('Mozilla ', '')})`, per.firefox.titlePrefilled),
        ['Firefox / Chromium (medians)', result.ratioFirefoxOverChromium.titlePrefilledMedian.toFixed(3), result.ratioFirefoxOverChromium.titlePrefilledP95.toFixed(3), ''],
        row('cross-check: Chromium top-level tab, first 10 ms poll', per.chromium.crossCheckTopLevelTab.pageNowAtFirstPoll),
        row('cross-check: Firefox top-level tab, first 10 ms poll', per.firefox.crossCheckTopLevelTab.pageNowAtFirstPoll),
      ]),
    );
    console.log(`\n(${opts.runs} runs per browser after one warm-up, alternating; hook modes: Chromium ${JSON.stringify(per.chromium.hookModes)}, Firefox ${JSON.stringify(per.firefox.hookModes)})\n`);
    const summary = {
      runsPerBrowser: opts.runs,
      chromium: { version: versions.chromium, ...per.chromium.titlePrefilled, runs: undefined },
      firefox: { version: versions.firefox, ...per.firefox.titlePrefilled, runs: undefined },
      ratioFirefoxOverChromium: result.ratioFirefoxOverChromium.titlePrefilledMedian,
    };
    console.log(JSON.stringify(summary, null, 2));
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${relative(ROOT, opts.out)}`);
  } finally {
    clearTimeout(watchdog);
    await closeAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
