/**
 * Popup prefill time in each browser (issue "Firefox too"): the popup part of bench/issue.ts ("d")
 * extended to Firefox, through the cross-browser driver layer (e2e/driver/).
 *
 *   npm run bench:popup        (= npm run build:test && tsx bench/popup-browsers.ts)
 *   npx tsx bench/popup-browsers.ts [--runs 15] [--out FILE] [--path-only]   (with dist/ and dist-firefox/ built)
 *
 * Set-up: both browsers are launched at once and stay up for the whole run (ChromiumBrowser.launch()
 * on dist/, FirefoxBrowser.launch() on a private copy of dist-firefox/). In each, a tab shows
 * samples/articles/error-budgets-blog.html (served by e2e/servers/article-server.ts) and the toolbar
 * button is clicked on it (app.clickToolbarButton: activeTab is granted, as the editor's click does).
 * Then the runs alternate between the browsers, measurement by measurement (Chromium first on even
 * runs, Firefox first on odd ones), so a busy moment of a shared machine hits both; run 0 of each
 * browser is a warm-up and is dropped. Every run is checked to have pre-filled the title in
 * samples/articles/error-budgets-blog.expected.json.
 *
 * What is timed: the clip form popup/index.html?tab=ID until #title holds its pre-filled value.
 * The moment is taken in the page by the existing bench's instrumentation (bench/issue.ts, the
 * `location.pathname.endsWith('/popup/index.html')` part): a hook on HTMLInputElement.prototype's
 * `value` setter records the popup document's performance.now() (ms since its time origin, i.e.
 * the navigation's start) the first time #title is set to a non-empty value. Preact sets `.value`,
 * so the prototype hook sees it; a MutationObserver would not (a property, not an attribute).
 *
 * A. The figure reported: a top-level tab per run, as bench/issue.ts and the journeys open the form.
 *    The bench opens a fresh tab (app.openTab('about:blank'), 480 × 780, the popup's size), waits
 *    250 ms for the machine to settle, then sends the driver's own navigate command to the popup's
 *    URL: Playwright's page.goto(url, { waitUntil: 'commit' }) in Chromium, WebDriver BiDi
 *    browsingContext.navigate (wait: 'none') in Firefox. The shared ExtensionBrowser interface has
 *    no "navigate" and no document-start script, so these come from the driver's tab objects
 *    (ChromiumTab.page, FirefoxTab's BiDi connection and context; checked at run time).
 *    The hook goes in:
 *      - Chromium: at document start, as in bench/issue.ts (page.addInitScript).
 *      - Firefox: nothing reaches a moz-extension:// document at its start over BiDi (a
 *        script.addPreloadScript never runs in extension pages; tried on Firefox ESR 153), so Node
 *        polls the tab with evaluate every 1 ms from the navigate command on and installs the hook
 *        as soon as the popup's document answers: well before the title arrives, which waits for
 *        the clip.prepare round trip to the background (committed run: hook at 91 ms, title at
 *        210 ms, medians).
 *    Either way a run counts only if #title was still empty when the hook went in (else it is
 *    retried, bounded, and the miss is recorded: misses would bias towards slow runs).
 *    Reported per run: (1) in the page, the popup document's performance.now() at the moment; and
 *    (2) the wall time from the driver's navigate command: the moment on the shared epoch clock
 *    (the page's performance.timeOrigin + now) minus Node's (performance.timeOrigin + now) just before
 *    the command was sent. (2) - (1) is the time from the command to the document's time origin,
 *    which is checked to be >= 0 (the two clocks agree).
 * B. A control with one method in both browsers: the same popup URL in a same-origin <iframe>
 *    (480 × 780) of an extension page (options/index.html), where one evaluate in that page sets
 *    iframe.src and installs the same hook on the iframe's new Window, polling for it every 1 ms
 *    in-page (no driver round trips). Its performance.now() is ms since the iframe navigation's start
 *    (checked: its time origin is within a ms of the moment src was set). It shows whether the
 *    different hook installation in A (document start vs polled) moves the Firefox/Chromium ratio.
 *
 * Versions: Chromium from Playwright's browser.version(); Firefox from the BiDi session's
 * capabilities when the driver keeps them (it does not: FirefoxBrowser discards session.new's
 * answer), else `firefox-esr --version`; the running Firefox's own runtime.getBrowserInfo() is
 * recorded beside it.
 *
 * Prints a table and a JSON summary, writes bench/results/popup-browsers.json (or --out). Every loop
 * is bounded, a watchdog ends the run after 10 minutes, and the browsers, the article server and the
 * private copy of the Firefox build are closed/removed in finally.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { DIST } from '../e2e/browser';
import { ChromiumBrowser } from '../e2e/driver/chromium-browser';
import type { BrowserTab, Engine, ExtensionBrowser } from '../e2e/driver/extension-browser';
import type { BidiConnection } from '../e2e/driver/firefox/bidi-connection';
import { DIST_FIREFOX, FirefoxBrowser } from '../e2e/driver/firefox/firefox-browser';
import { FIREFOX } from '../e2e/driver/firefox/firefox-process';
import { expectedCapture, SAMPLE } from '../e2e/samples';
import { type ArticleServer, startArticleServer } from '../e2e/servers/article-server';
import { quantile, median, round } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const POPUP_VIEWPORT = { width: 480, height: 780 };
const WATCHDOG_MS = 10 * 60_000;
const RUN_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS_PER_RUN = 4;
/** A pause before each measured run: the previous page's teardown settles (as in bench/issue.ts). */
const SETTLE_MS = 250;
const started = performance.now();
const log = (...parts: unknown[]) => console.log(`[bench:popup ${((performance.now() - started) / 1000).toFixed(1)}s]`, ...parts);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Node's reading of the shared epoch clock, in ms with sub-ms precision. */
const nodeEpoch = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  runs: number;
  out: string;
  /** Only C (the editor's path), not A and B. */
  pathOnly: boolean;
}

function options(argv: string[]): Options {
  // strict (the default): an unknown option or a stray argument is refused.
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: { runs: { type: 'string' }, out: { type: 'string' }, 'path-only': { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  const runs = values.runs === undefined ? 15 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 3 || runs > 200) throw new Error(`--runs must be a whole number from 3 to 200, not ${values.runs}`);
  return {
    runs,
    out: values.out ? resolve(values.out) : join(ROOT, 'bench', 'results', 'popup-browsers.json'),
    pathOnly: values['path-only'] === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
interface Stats {
  msMedian: number;
  msP95: number;
  msMin: number;
  runs: number[];
}
const stats = (xs: readonly number[]): Stats => ({
  msMedian: round(median(xs)),
  msP95: round(quantile(xs, 0.95)),
  msMin: round(Math.min(...xs)),
  runs: xs.map((x) => round(x)),
});
const count = <T>(xs: readonly T[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [String(x)]: (m[String(x)] ?? 0) + 1 }), {});

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function cliVersion(command: string): string {
  try {
    // Debian's /usr/bin/chromium wrapper may print a shell warning on stderr: keep stdout only.
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

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// In-page code (plain JavaScript text: tsx would add a `__name` helper the page does not have)

/**
 * The value-setter hook of bench/issue.ts, on a given window `w`; `b` records into `w.__popupBench`.
 * Installed once per window; the prototype hook also covers inputs created before it.
 */
const HOOK_FUNCTION = String.raw`function hookTitle(w, mode) {
  if (w.__popupBench) return w.__popupBench;
  const t = w.document.getElementById('title');
  const b = { mode, hookedAt: w.performance.now(), readyStateAtHook: w.document.readyState, titleAtHook: t ? t.value : null, titleAt: null, title: null };
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
        b.titleAt = w.performance.now();
        b.title = String(v);
      }
    },
  });
  return b;
}`;

/** Chromium's init script (document start): hooks the popup document only. */
function initScript(popupUrl: string): string {
  return `(() => { ${HOOK_FUNCTION}\n if (location.href === ${JSON.stringify(popupUrl)}) hookTitle(window, 'document-start'); })();`;
}

interface TabState {
  here: boolean;
  timeOrigin?: number;
  mode?: 'document-start' | 'polled';
  hookedAt?: number;
  readyStateAtHook?: string;
  titleAtHook?: string | null;
  titleAt?: number | null;
  title?: string | null;
  alert?: string | null;
}

/** One poll of the top-level tab: hooks the popup document if no hook is in yet, and reports. */
function pollExpression(popupUrl: string): string {
  return `(() => { ${HOOK_FUNCTION}
  if (location.href !== ${JSON.stringify(popupUrl)} || !document.documentElement) return { here: false };
  const b = hookTitle(window, 'polled');
  const alert = document.querySelector('[role=alert]');
  return { here: true, timeOrigin: performance.timeOrigin, mode: b.mode, hookedAt: b.hookedAt, readyStateAtHook: b.readyStateAtHook,
    titleAtHook: b.titleAtHook, titleAt: b.titleAt, title: b.title, alert: alert ? alert.textContent : null };
})()`;
}

interface FrameState {
  ok: boolean;
  reason?: string;
  titleAt: number;
  /** The popup document's time origin minus the moment iframe.src was set (≈ 0 when it is the navigation's). */
  timeOriginAfterSrcSet: number;
  hookedAt: number;
  title: string;
}

/** Control B: the popup in a same-origin iframe of the launcher page, hooked by in-page polling. */
function frameExpression(popupUrl: string, timeoutMs: number): string {
  return String.raw`(async () => { ${HOOK_FUNCTION}
  const url = ${JSON.stringify(popupUrl)};
  const deadline = performance.now() + ${timeoutMs};
  document.getElementById('bench-popup-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'bench-popup-frame';
  frame.style.cssText = 'position:fixed;left:0;top:0;width:${POPUP_VIEWPORT.width}px;height:${POPUP_VIEWPORT.height}px;border:0;margin:0;background:#fff;z-index:2147483647';
  document.body.append(frame);
  await new Promise((r) => setTimeout(r, 0));
  const srcSetEpoch = performance.timeOrigin + performance.now();
  frame.src = url;
  let b = null;
  let w = null;
  while (performance.now() < deadline) {
    w = frame.contentWindow;
    let here = false;
    try { here = !!w && w.location.href === url && !!w.document && w.document.URL === url && !!w.document.documentElement; } catch (e) { here = false; }
    if (here) { b = hookTitle(w, 'polled-in-page'); break; }
    await new Promise((r) => setTimeout(r, 1));
  }
  if (!b) return { ok: false, reason: 'the popup document never appeared' };
  if (b.titleAtHook) return { ok: false, reason: 'hooked too late: #title already had a value' };
  while (b.titleAt === null && performance.now() < deadline) {
    const alert = w.document.querySelector('[role=alert]');
    if (alert) return { ok: false, reason: 'the popup showed an error: ' + alert.textContent };
    await new Promise((r) => setTimeout(r, 10));
  }
  if (b.titleAt === null) return { ok: false, reason: 'timed out waiting for #title' };
  return { ok: true, titleAt: b.titleAt, timeOriginAfterSrcSet: w.performance.timeOrigin - srcSetEpoch, hookedAt: b.hookedAt, title: b.title };
})()`;
}

// ---------------------------------------------------------------------------------------------
// The driver's own navigate command and document-start script (not in the shared interface)

interface Navigator {
  /** Adds the document-start hook where the driver can (Chromium); false where it cannot (Firefox). */
  addInitScript(script: string): Promise<boolean>;
  /** Sends the driver's navigate command; resolves when the driver answers. */
  navigate(url: string): Promise<unknown>;
}

function navigatorOf(tab: BrowserTab): Navigator {
  const t = tab as unknown as { page?: Page; bidi?: BidiConnection; context?: unknown };
  if (t.page && typeof t.page.goto === 'function' && typeof t.page.addInitScript === 'function') {
    const page = t.page;
    return {
      addInitScript: async (script) => (await page.addInitScript(script), true),
      navigate: (url) => page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS }),
    };
  }
  if (t.bidi && typeof t.bidi.send === 'function' && typeof t.context === 'string') {
    const { bidi, context } = t as { bidi: BidiConnection; context: string };
    return {
      addInitScript: () => Promise.resolve(false),
      navigate: (url) => bidi.send('browsingContext.navigate', { context, url, wait: 'none' }, RUN_TIMEOUT_MS),
    };
  }
  throw new Error(
    'the driver tab has neither a Playwright page (ChromiumTab.page) nor a BiDi connection and context (FirefoxTab): e2e/driver changed, update navigatorOf',
  );
}

// ---------------------------------------------------------------------------------------------
// C. The editor's path: toolbar click → popup open → script injected → form filled

/** The sample articles the path is measured on, in turn (the typical article pages of samples/articles/). */
const PATH_SAMPLES = [SAMPLE.blogPost, SAMPLE.newsArticle, SAMPLE.statusPage, 'kubernetes-german', 'postmortem'];

/**
 * Read in the popup once it shows its form: the User Timing marks popup/main.tsx and clip-popup.tsx
 * leave on the way (ms since the popup document's time origin).
 */
const POPUP_MARKS = `(() => {
  // window.performance, not performance: the Firefox driver evaluates in a helper page with window and document bound to the popup's.
  const perf = window.performance;
  const at = (name) => { const e = perf.getEntriesByName(name); return e.length ? e[0].startTime : null; };
  const alert = document.querySelector('[role=alert]');
  return { timeOrigin: perf.timeOrigin, start: at('newsletter-clipper:popup-start'), loaded: at('newsletter-clipper:popup-loaded'), prepared: at('newsletter-clipper:prepared'),
    filled: at('newsletter-clipper:form-filled'), title: document.getElementById('title')?.value ?? null, alert: alert ? alert.textContent : null };
})()`;
/** Read in the article tab: the content script's own measure of the capture (the page's timeline is shared with the extension's world). */
const PAGE_CAPTURE = `(() => { const e = performance.getEntriesByName('newsletter-clipper:capture'); return e.length ? e[e.length - 1].duration : null; })()`;

interface PopupMarks {
  timeOrigin: number;
  start: number | null;
  loaded: number | null;
  prepared: number | null;
  filled: number | null;
  title: string | null;
  alert: string | null;
}

/** One clip along the editor's path, in ms. */
interface PathRun {
  sample: string;
  /** The driver's toolbar click → the form filled (the figure the target is about). */
  clickToFilled: number;
  /** The click → the popup document's time origin (the browser opens the popup; includes the driver's command). */
  clickToPopup: number;
  /** The popup's time origin → its first script (popup/start.ts) running and clip.prepare sent. */
  popupStart: number;
  /**
   * clip.prepare sent → the main bundle (preact, zod, the form: popup/main.tsx) loaded and running,
   * while the page is read (null on a build without the mark).
   */
  mainLoaded: number | null;
  /** clip.prepare sent → its reply parsed in the popup (the worker: tab look-up, injection, capture, finishing, storage; messages). */
  prepare: number;
  /** Of `prepare`: the content script's capture in the page (its own measure), null if the page's timeline did not show it. */
  capture: number | null;
  /** `prepare` minus `capture`: injection, the worker's work and the messages. */
  injectionWorkerMessages: number | null;
  /** The reply → the form filled (preact renders the form). */
  render: number;
}

async function pathRun(side: Side, server: ArticleServer, sample: string): Promise<PathRun> {
  // A fresh tab per run: the script is injected into a page that never had it, as when the editor clips.
  const article = await side.app.openTab(server.url(`/articles/${sample}.html`));
  try {
    await sleep(SETTLE_MS);
    const t0 = nodeEpoch();
    const popup = await withTimeout(side.app.openToolbarPopup(article), RUN_TIMEOUT_MS, `${side.engine} toolbar popup`);
    try {
      const m = await popup.evaluate<PopupMarks>(POPUP_MARKS);
      if (m.alert) throw new Error(`${side.engine}: the popup showed an error on ${sample}: ${m.alert}`);
      if (m.start === null || m.prepared === null || m.filled === null)
        throw new Error(`${side.engine}: the popup's marks are missing on ${sample}: ${JSON.stringify(m)}`);
      const expected = expectedCapture(sample).title;
      if (expected && m.title !== expected)
        throw new Error(`${side.engine}: the popup pre-filled "${m.title}" on ${sample}, expected "${expected}"`);
      const capture = await article.evaluate<number | null>(PAGE_CAPTURE).catch(() => null);
      const prepare = m.prepared - m.start;
      return {
        sample,
        clickToFilled: m.timeOrigin + m.filled - t0,
        clickToPopup: m.timeOrigin - t0,
        popupStart: m.start,
        mainLoaded: m.loaded === null ? null : m.loaded - m.start,
        prepare,
        capture,
        injectionWorkerMessages: capture === null ? null : prepare - capture,
        render: m.filled - m.prepared,
      };
    } finally {
      await popup.close();
    }
  } finally {
    await article.close();
  }
}

const PATH_PARTS = [
  'clickToFilled',
  'clickToPopup',
  'popupStart',
  'mainLoaded',
  'prepare',
  'capture',
  'injectionWorkerMessages',
  'render',
] as const;

function pathSummary(runs: readonly PathRun[]) {
  const part = (name: (typeof PATH_PARTS)[number]) => {
    const xs = runs.map((r) => r[name]).filter((x): x is number => x !== null);
    return xs.length ? stats(xs) : null;
  };
  return {
    parts: Object.fromEntries(PATH_PARTS.map((name) => [name, part(name)])) as Record<(typeof PATH_PARTS)[number], Stats | null>,
    clickToFilledMedianBySample: Object.fromEntries(
      PATH_SAMPLES.map((sample) => [sample, round(median(runs.filter((r) => r.sample === sample).map((r) => r.clickToFilled)))]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// One side per browser

interface TopRun {
  titleAt: number;
  wallFromNavigate: number;
  navigateToTimeOrigin: number;
  nodeSawTitle: number;
  mode: string;
  hookedAt: number;
  readyStateAtHook: string;
}

interface Side {
  engine: Engine;
  app: ExtensionBrowser;
  article: BrowserTab;
  launcher: BrowserTab;
  popupUrl: string;
  top: TopRun[];
  frame: FrameState[];
  path: PathRun[];
  misses: string[];
}

async function topLevelAttempt(side: Side, expectedTitle: string | undefined): Promise<TopRun | string> {
  const tab = await side.app.openTab('about:blank');
  try {
    await tab.setViewport(POPUP_VIEWPORT.width, POPUP_VIEWPORT.height);
    const nav = navigatorOf(tab);
    await nav.addInitScript(initScript(side.popupUrl));
    await sleep(SETTLE_MS);
    const poll = pollExpression(side.popupUrl);
    const t0 = nodeEpoch();
    const navigating = nav.navigate(side.popupUrl).then(
      () => null,
      (error: unknown) => error,
    );
    const deadline = performance.now() + RUN_TIMEOUT_MS;
    let state: TabState | null = null;
    for (let polls = 0; performance.now() < deadline && polls < 20_000; polls++) {
      state = await tab.evaluate<TabState>(poll).catch(() => null);
      if (state?.here) {
        if (state.titleAtHook)
          return `hooked too late (${state.mode} at ${fmt(state.hookedAt ?? Number.NaN)} ms, readyState ${state.readyStateAtHook}): #title already had a value`;
        if (state.alert) throw new Error(`${side.engine}: the popup showed an error: ${state.alert}`);
        if (state.titleAt !== null && state.titleAt !== undefined) break;
      }
      await sleep(state?.here ? 10 : 1);
    }
    const nodeSawTitle = nodeEpoch() - t0;
    const navError = await withTimeout(navigating, RUN_TIMEOUT_MS, `${side.engine} navigate`);
    if (navError) throw new Error(`${side.engine}: the navigate command failed: ${JSON.stringify(navError)}`);
    if (!state?.here || state.titleAt === null || state.titleAt === undefined)
      return `timed out waiting for #title (last state ${JSON.stringify(state)})`;
    if (expectedTitle && state.title !== expectedTitle)
      throw new Error(`${side.engine}: the popup pre-filled "${state.title}", expected "${expectedTitle}"`);
    const wallFromNavigate = state.timeOrigin! + state.titleAt - t0;
    const navigateToTimeOrigin = state.timeOrigin! - t0;
    // Sub-ms clock differences are fine; more would mean the two epoch clocks disagree.
    if (navigateToTimeOrigin < -2)
      throw new Error(
        `${side.engine}: the page's time origin is ${fmt(-navigateToTimeOrigin)} ms before the navigate command: the clocks disagree`,
      );
    return {
      titleAt: state.titleAt,
      wallFromNavigate,
      navigateToTimeOrigin,
      nodeSawTitle,
      mode: state.mode!,
      hookedAt: state.hookedAt!,
      readyStateAtHook: state.readyStateAtHook!,
    };
  } finally {
    await tab.close();
  }
}

async function topLevelRun(side: Side, expectedTitle: string | undefined): Promise<TopRun> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS_PER_RUN; attempt++) {
    const run = await withTimeout(topLevelAttempt(side, expectedTitle), RUN_TIMEOUT_MS * 3, `${side.engine} top-level popup`);
    if (typeof run !== 'string') return run;
    side.misses.push(`top-level: ${run}`);
    log(`${side.engine}: top-level run not counted (${run}), retrying`);
  }
  throw new Error(`${side.engine}: ${MAX_ATTEMPTS_PER_RUN} top-level attempts failed: ${side.misses.slice(-3).join('; ')}`);
}

async function frameRun(side: Side, expectedTitle: string | undefined): Promise<FrameState> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS_PER_RUN; attempt++) {
    await sleep(SETTLE_MS);
    const run = await withTimeout(
      side.launcher.evaluate<FrameState>(frameExpression(side.popupUrl, RUN_TIMEOUT_MS - 2000)),
      RUN_TIMEOUT_MS,
      `${side.engine} popup in an iframe`,
    );
    if (run.ok) {
      if (expectedTitle && run.title !== expectedTitle)
        throw new Error(`${side.engine}: the popup (iframe) pre-filled "${run.title}", expected "${expectedTitle}"`);
      return run;
    }
    side.misses.push(`iframe: ${run.reason}`);
    log(`${side.engine}: iframe run not counted (${run.reason}), retrying`);
  }
  throw new Error(`${side.engine}: ${MAX_ATTEMPTS_PER_RUN} iframe attempts failed: ${side.misses.slice(-3).join('; ')}`);
}

async function prepareSide(app: ExtensionBrowser, server: ArticleServer): Promise<Side> {
  const article = await app.openTab(server.url(`/articles/${SAMPLE.blogPost}.html`));
  await app.clickToolbarButton(article);
  const launcher = await app.openExtensionPage('options/index.html', POPUP_VIEWPORT);
  const base = await launcher.evaluate<string>(`new URL('/', location.href).href`);
  return {
    engine: app.engine,
    app,
    article,
    launcher,
    popupUrl: `${base}popup/index.html?tab=${article.tabId}`,
    top: [],
    frame: [],
    path: [],
    misses: [],
  };
}

async function versionsOf(chromium: Side, firefox: Side) {
  const page = (chromium.article as unknown as { page?: Page }).page;
  const chromiumVersion = page?.context().browser()?.version();
  const info = await firefox.launcher
    .evaluate<{ name: string; version: string; buildID: string }>(`browser.runtime.getBrowserInfo()`)
    .catch(() => null);
  return {
    chromium: chromiumVersion
      ? { version: chromiumVersion, source: "Playwright's browser.version()" }
      : { version: cliVersion('chromium'), source: 'chromium --version (no Playwright browser handle)' },
    firefox: {
      version: cliVersion(FIREFOX),
      source: `${FIREFOX} --version (the driver does not keep the BiDi session.new capabilities' browserVersion)`,
      runtimeGetBrowserInfo: info ? `${info.name} ${info.version} (build ${info.buildID})` : 'unavailable',
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const expectedTitle = expectedCapture(SAMPLE.blogPost).title;
  const loadAtStart = loadavg().map((x) => round(x, 2));
  const distAtStart = fingerprint(DIST);
  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = () =>
    Promise.allSettled(
      closers
        .splice(0)
        .reverse()
        .map((close) => withTimeout(close(), 30_000, 'close')),
    );
  const watchdog = setTimeout(() => {
    console.error(`[bench:popup] watchdog: still running after ${WATCHDOG_MS / 60_000} minutes, giving up`);
    void closeAll().finally(() => process.exit(2));
  }, WATCHDOG_MS);
  try {
    // Firefox installs from a path: a private copy, so a rebuild of dist-firefox/ mid-run changes nothing.
    // (ChromiumBrowser.launch() loads dist/ itself: a rebuild is noticed by the fingerprint instead.)
    const firefoxDist = mkdtempSync(join(tmpdir(), 'clipper-bench-firefox-'));
    closers.push(() => Promise.resolve(rmSync(firefoxDist, { recursive: true, force: true })));
    cpSync(DIST_FIREFOX, firefoxDist, { recursive: true });
    const server = await startArticleServer();
    closers.push(() => server.close());
    const chromium = await ChromiumBrowser.launch();
    closers.push(() => chromium.close());
    const firefox = await FirefoxBrowser.launch({}, firefoxDist);
    closers.push(() => firefox.close());
    const sides = [await prepareSide(chromium, server), await prepareSide(firefox, server)] as const;
    const versions = await versionsOf(sides[0], sides[1]);
    log(`Chromium ${versions.chromium.version} | ${versions.firefox.version} | ${opts.runs} runs per browser after a warm-up; measuring`);

    for (let i = 0; i <= opts.runs && !opts.pathOnly; i++) {
      const order = i % 2 === 0 ? [...sides] : [...sides].reverse();
      const top = [];
      for (const side of order) top.push([side, await topLevelRun(side, expectedTitle)] as const);
      const frame = [];
      for (const side of order) frame.push([side, await frameRun(side, expectedTitle)] as const);
      if (i === 0) continue; // warm-up: each browser's first popup also loads the popup's code for the first time
      for (const [side, run] of top) side.top.push(run);
      for (const [side, run] of frame) side.frame.push(run);
      if (i % 5 === 0 || i === opts.runs)
        log(
          `run ${i}/${opts.runs}: ${sides.map((s) => `${s.engine} ${fmt(s.top.at(-1)!.titleAt)} ms in page, ${fmt(s.top.at(-1)!.wallFromNavigate)} ms from navigate (iframe ${fmt(s.frame.at(-1)!.titleAt)})`).join('; ')}`,
        );
    }

    // C. The editor's path, over the sample articles in turn; run 0 of each browser is a warm-up.
    for (let i = 0; i <= opts.runs; i++) {
      const sample = PATH_SAMPLES[i % PATH_SAMPLES.length]!;
      for (const side of i % 2 === 0 ? [...sides] : [...sides].reverse()) {
        const run = await pathRun(side, server, sample);
        if (i > 0) side.path.push(run);
      }
      if (i % 5 === 0 || i === opts.runs)
        log(
          `path run ${i}/${opts.runs} (${sample}): ${sides.map((s) => `${s.engine} ${fmt(s.path.at(-1)?.clickToFilled ?? Number.NaN)} ms click to filled`).join('; ')}`,
        );
    }

    const distAtEnd = fingerprint(DIST);
    const per = (s: Side) => ({
      editorsPath: pathSummary(s.path),
      titlePrefilledInPage: stats(s.top.map((r) => r.titleAt)),
      wallFromNavigateCommand: stats(s.top.map((r) => r.wallFromNavigate)),
      navigateCommandToTimeOriginMsMedian: round(median(s.top.map((r) => r.navigateToTimeOrigin))),
      nodeSawTitleMsMedian: round(median(s.top.map((r) => r.nodeSawTitle))),
      hook: {
        modes: count(s.top.map((r) => r.mode)),
        hookedAtMsMedian: round(median(s.top.map((r) => r.hookedAt))),
        readyStateAtHook: count(s.top.map((r) => r.readyStateAtHook)),
      },
      controlIframe: {
        titlePrefilledInPage: stats(s.frame.map((r) => r.titleAt)),
        hookedAtMsMedian: round(median(s.frame.map((r) => r.hookedAt))),
        timeOriginAfterSrcSetMsMedian: round(median(s.frame.map((r) => r.timeOriginAfterSrcSet)), 2),
      },
      runsNotCounted: s.misses,
    });
    const browsers = { chromium: per(sides[0]), firefox: per(sides[1]) };
    const ratio = (f: (b: ReturnType<typeof per>) => number) => round(f(browsers.firefox) / f(browsers.chromium), 3);
    const ratios = {
      titlePrefilledInPageMedian: ratio((b) => b.titlePrefilledInPage.msMedian),
      titlePrefilledInPageP95: ratio((b) => b.titlePrefilledInPage.msP95),
      wallFromNavigateCommandMedian: ratio((b) => b.wallFromNavigateCommand.msMedian),
      controlIframeMedian: ratio((b) => b.controlIframe.titlePrefilledInPage.msMedian),
    };
    const result = {
      benchmark:
        'popup prefill time per browser: popup/index.html?tab=ID (after the toolbar button was clicked on the article tab) until #title holds its pre-filled value',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
      },
      versions,
      method: {
        reported:
          "a fresh top-level tab per run (480x780), the driver's navigate command (Chromium: Playwright page.goto waitUntil commit; Firefox: BiDi browsingContext.navigate wait none); bench/issue.ts's hook on HTMLInputElement.prototype's value setter records the popup document's performance.now() when #title is first set to a non-empty value. Hook at document start in Chromium (page.addInitScript); in Firefox installed by polling the tab with evaluate every 1 ms from the navigate command (BiDi preload scripts do not run in moz-extension pages), a run counting only if #title was still empty then. Wall time: that moment on the epoch clock minus Node's clock just before the navigate command.",
        control:
          'the same popup URL in a same-origin iframe of options/index.html, hooked by in-page polling every 1 ms in both browsers (one method for both)',
        order:
          'both browsers up throughout; each run does Chromium and Firefox back to back (order alternating), first the top-level runs, then the iframe runs; 250 ms settle before each; one warm-up run per browser dropped',
      },
      runsPerBrowser: opts.runs,
      article: `samples/articles/${SAMPLE.blogPost}.html`,
      expectedTitle,
      distFingerprint: { start: distAtStart, end: distAtEnd, unchanged: distAtStart === distAtEnd },
      ratioFirefoxOverChromium: ratios,
      browsers,
    };
    if (!result.distFingerprint.unchanged)
      console.warn('[bench:popup] WARNING: dist/ changed during the run (someone rebuilt it): the Chromium numbers may mix two builds');

    const row = (label: string, s: Stats) => [label, fmt(s.msMedian), fmt(s.msP95), fmt(s.msMin)];
    const cName = `Chromium ${versions.chromium.version}`;
    const fName = versions.firefox.version.replace(/^Mozilla /, '');
    if (!opts.pathOnly) {
      console.log(
        `\nPopup: popup/index.html?tab=ID until #title is pre-filled (ms; ${opts.runs} runs per browser after one warm-up, alternating)\n`,
      );
      console.log(
        table([
          ['', 'median', 'p95', 'min'],
          row(`${cName}: in the page (time origin → #title set)`, browsers.chromium.titlePrefilledInPage),
          row(`${fName}: in the page (time origin → #title set)`, browsers.firefox.titlePrefilledInPage),
          ['Firefox / Chromium, in the page', ratios.titlePrefilledInPageMedian.toFixed(3), ratios.titlePrefilledInPageP95.toFixed(3), ''],
          row(`${cName}: wall, from the navigate command`, browsers.chromium.wallFromNavigateCommand),
          row(`${fName}: wall, from the navigate command`, browsers.firefox.wallFromNavigateCommand),
          ['Firefox / Chromium, wall', ratios.wallFromNavigateCommandMedian.toFixed(3), '', ''],
          row('control: Chromium, popup in an iframe, in the page', browsers.chromium.controlIframe.titlePrefilledInPage),
          row('control: Firefox, popup in an iframe, in the page', browsers.firefox.controlIframe.titlePrefilledInPage),
          ['control: Firefox / Chromium, iframe', ratios.controlIframeMedian.toFixed(3), '', ''],
        ]),
      );
      console.log(
        `\n(ratios: of medians, and of p95s in the p95 column; hook in the top-level tab: Chromium ${JSON.stringify(browsers.chromium.hook.modes)}, Firefox ${JSON.stringify(browsers.firefox.hook.modes)} at ${fmt(browsers.firefox.hook.hookedAtMsMedian)} ms median; runs not counted: Chromium ${browsers.chromium.runsNotCounted.length}, Firefox ${browsers.firefox.runsNotCounted.length})\n`,
      );
    }
    const pathRow = (label: string, part: Stats | null) => (part ? row(label, part) : [label, '—', '—', '—']);
    console.log(
      `\nThe editor's path: toolbar click → form filled (ms; ${opts.runs} runs per browser over ${PATH_SAMPLES.length} sample articles in turn, a fresh tab each)\n`,
    );
    const partNames: Record<(typeof PATH_PARTS)[number], string> = {
      clickToFilled: 'click → form filled',
      clickToPopup: '  click → popup document starts',
      popupStart: '  popup first script runs, clip.prepare sent',
      mainLoaded: '  (meanwhile: main bundle loaded, from clip.prepare sent)',
      prepare: '  clip.prepare round trip (overlaps the main bundle loading)',
      capture: '    of which: capture in the page',
      injectionWorkerMessages: '    of which: injection, worker, messages',
      render: '  reply → form rendered',
    };
    console.log(
      table([
        ['', 'median', 'p95', 'min'],
        ...(['chromium', 'firefox'] as const).flatMap((engine) =>
          PATH_PARTS.map((name) =>
            pathRow(`${engine === 'chromium' ? 'Chromium' : 'Firefox'}: ${partNames[name]}`, browsers[engine].editorsPath.parts[name]),
          ),
        ),
      ]),
    );
    const brief = (b: ReturnType<typeof per>) => ({
      clickToFilledMsMedian: b.editorsPath.parts.clickToFilled?.msMedian,
      clickToFilledMsP95: b.editorsPath.parts.clickToFilled?.msP95,
      pathPartsMsMedian: Object.fromEntries(PATH_PARTS.map((name) => [name, b.editorsPath.parts[name]?.msMedian ?? null])),
      msMedian: b.titlePrefilledInPage.msMedian,
      msP95: b.titlePrefilledInPage.msP95,
      msMin: b.titlePrefilledInPage.msMin,
      wallFromNavigateMsMedian: b.wallFromNavigateCommand.msMedian,
      wallFromNavigateMsP95: b.wallFromNavigateCommand.msP95,
    });
    const summary = {
      runsPerBrowser: opts.runs,
      chromium: { version: versions.chromium.version, ...brief(browsers.chromium) },
      firefox: { version: versions.firefox.version, ...brief(browsers.firefox) },
      ratioFirefoxOverChromium: {
        inPageMedian: ratios.titlePrefilledInPageMedian,
        wallMedian: ratios.wallFromNavigateCommandMedian,
        controlIframeMedian: ratios.controlIframeMedian,
      },
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
