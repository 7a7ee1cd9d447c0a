/**
 * Hostile-page benchmark: what clipping a page with a 5 MB DOM costs that page and the editor, with a
 * normal article measured side by side as the peer, in Debian's Chromium with the built extension.
 *
 *   npm run bench:hostile        (= npm run build:test && tsx bench/hostile.ts)
 *   npx tsx bench/hostile.ts [--runs 7] [--dist DIR] [--out FILE] [--no-click]
 *     DIR: a built dist-test/ (e.g. an older build, to compare); --no-click: no toolbar click (the test
 *     build may read 127.0.0.1 pages without it), to tell the capture's share from the click's: the
 *     toolbar popup opening makes a 5 MB page restyle and repaint for up to a second on its own, and
 *     the worker's executeScript waits behind that.
 *
 * Pages (served by e2e/servers/article-server.ts): samples/articles/error-budgets-blog.html (the
 * peer, a normal article) and /special/huge-dom.html (e2e/servers/generated-pages.ts: about 5 MB of
 * HTML, 128,000 elements). Each run, for each page in turn (the order alternates between runs), as the
 * editor clips it:
 *   1. a fresh tab opens the page with a heartbeat at document start (page.addInitScript, the page's
 *      main world): a zero-delay timer that re-arms itself and records the gaps between its beats. (The
 *      Long Tasks API does not do: Chromium leaves the extension's isolated-world work out of it.);
 *   2. once the page's main thread has been quiet for a second (no heartbeat gap over 50 ms; a 5 MB
 *      page lays out and paints for seconds after its load event; at most 20 s), capture.js is injected as the worker would and its capturePage() wrapped to
 *      record when each call starts and ends (the worker sees the script there and only calls it);
 *   3. the toolbar button is clicked (activeTab) and the clip form opens in a tab at
 *      popup/index.html?tab=ID, as the journeys open it;
 *   4. prefill: the popup document's performance.now() (ms since its navigation started) when #title
 *      is first set to a non-empty value (a hook on HTMLInputElement.prototype's value setter,
 *      installed at document start, as bench/popup-browsers.ts does); checked against the expected title;
 *   5. the capture's block: the longest heartbeat gap the capture call falls in, i.e. how long the
 *      page's main thread could run none of its own tasks because of the capture; the call's own
 *      duration beside it; and, for context, the longest gap from the click to 250 ms after the
 *      prefill whatever caused it (a 5 MB page's own layout and paint show there too).
 * Run 0 is a warm-up and is dropped. Prints a table and a JSON summary, writes
 * bench/results/hostile.json (or --out). Bounded: every wait has a deadline, a watchdog ends the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST_TEST, launchWithExtension } from '../e2e/browser';
import { ExtensionDriver } from '../e2e/pages/extension-driver';
import { SAMPLE, expectedCapture } from '../e2e/samples';
import { startArticleServer } from '../e2e/servers/article-server';
import { HUGE_DOM_TITLE } from '../e2e/servers/generated-pages';
import { median, quantile, round } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const WATCHDOG_MS = 10 * 60_000;
const SETTLE_MS = 250;
/** At most this long to wait for the page's own work after load to end. */
const QUIET_WAIT_MS = 20_000;
const WAIT_MS = 20_000;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { runs: { type: 'string' }, dist: { type: 'string' }, out: { type: 'string' }, 'no-click': { type: 'boolean' } },
  strict: true,
});
const runs = values.runs === undefined ? 7 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 2 || runs > 100) throw new Error(`--runs must be a whole number from 2 to 100, not ${values.runs}`);
const dist = resolve(values.dist ?? DIST_TEST);
const out = resolve(values.out ?? join(ROOT, 'bench', 'results', 'hostile.json'));

const PAGES = [
  { name: 'normal article', path: `/articles/${SAMPLE.blogPost}.html`, title: expectedCapture(SAMPLE.blogPost).title! },
  { name: '5 MB DOM', path: '/special/huge-dom.html', title: HUGE_DOM_TITLE },
] as const;

/**
 * Document start of the article page: a heartbeat on the page's main thread. A zero-delay timer
 * re-arms itself (the browser runs it every 4 ms or so); a gap between two beats is a time the thread
 * was busy with something else, whichever world ran it. Gaps over 10 ms are kept as [start, length];
 * a hidden tab's timers are throttled, so the visibility is checked at each beat.
 */
const HEARTBEAT = `(() => {
  const b = (window.__beat = { last: performance.now(), gaps: [], hidden: false });
  const beat = () => {
    const now = performance.now();
    if (now - b.last > 10) b.gaps.push([b.last, now - b.last]);
    if (document.visibilityState !== 'visible') b.hidden = true;
    b.last = now;
    setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
})();`;

/** Document start of the popup: records when #title is first given a value (Preact sets the property). */
const TITLE_HOOK = `(() => {
  const b = (window.__prefill = { at: null, title: null });
  const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  Object.defineProperty(HTMLInputElement.prototype, 'value', { configurable: true, get() { return d.get.call(this); },
    set(v) { d.set.call(this, v); if (b.at === null && this.id === 'title' && v) { b.at = performance.now(); b.title = String(v); } } });
})();`;

interface Run {
  prefillMs: number;
  /** The longest heartbeat gap the capture call falls in. */
  longestBlockMs: number;
  /** The capture call itself (the worker's first, in the page's isolated world). */
  captureCallMs: number;
  /** The longest gap from the click until the form was pre-filled and 250 ms more, whatever ran (the page's own rendering too). */
  windowBlockMs: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const watchdog = setTimeout(() => {
  console.error('bench:hostile: watchdog: over 10 minutes, giving up');
  process.exit(2);
}, WATCHDOG_MS);

const server = await startArticleServer();
const launched = await launchWithExtension({ dist });
const driver = new ExtensionDriver(launched);
const results = new Map<string, Run[]>(PAGES.map((p) => [p.name, []]));
try {
  const helper = await driver.extensionPage();
  for (let run = 0; run <= runs; run++) {
    for (const page of run % 2 ? [...PAGES].reverse() : PAGES) {
      const { page: tab, tabId } = await driver.openTab(server.url(page.path), (p) => p.addInitScript(HEARTBEAT));
      // A 5 MB page goes on laying out and painting for seconds after its load event: wait until its
      // main thread has been quiet (no gap over 50 ms) for a second, so that its own work is not measured.
      const quiet = await tab.evaluate<boolean>(`new Promise((done) => {
        const until = performance.now() + ${QUIET_WAIT_MS};
        const check = () => {
          const now = performance.now();
          const last = window.__beat.gaps.filter(([, d]) => d > 50).pop();
          if (!last || now - (last[0] + last[1]) > 1000) done(true);
          else if (now > until) done(false);
          else setTimeout(check, 100);
        };
        check();
      })`);
      if (!quiet) console.log(`  ${page.name}: the page was not quiet after ${QUIET_WAIT_MS / 1000} s; measuring anyway`);
      // The capture script goes in first, its capturePage() wrapped to record when each call runs (the
      // page's clock): the worker finds it there and calls it as always (tab-capture.ts injects only once).
      await helper.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['capture.js'] }).then(() =>
        chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => {
          const api = globalThis.__newsletterClipper;
          const real = api.capturePage;
          const calls = (globalThis.__benchCalls = []);
          api.capturePage = () => { const started = performance.now(); try { return real(); } finally { calls.push([started, performance.now()]); } };
        } }))`);
      const t0 = await tab.evaluate(() => performance.now());
      if (!values['no-click']) await driver.clickToolbarButton(tab);
      const popup = await driver.context.newPage();
      await popup.setViewportSize({ width: 480, height: 780 });
      await popup.addInitScript(TITLE_HOOK);
      await popup.goto(`chrome-extension://${driver.extensionId}/popup/index.html?tab=${tabId}`, { waitUntil: 'commit' });
      const prefill = await popup.waitForFunction(
        () => (window as unknown as { __prefill: { at: number | null } }).__prefill.at !== null,
        null,
        {
          timeout: WAIT_MS,
          polling: 20,
        },
      );
      await prefill.dispose();
      const { at, title } = await popup.evaluate(() => (window as unknown as { __prefill: { at: number; title: string } }).__prefill);
      if (title !== page.title) throw new Error(`${page.name}: the form was pre-filled with the title “${title}”, not “${page.title}”`);
      await sleep(SETTLE_MS);
      const calls = await helper.evaluate<[number, number][]>(
        `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => globalThis.__benchCalls }).then(([outcome]) => outcome.result)`,
      );
      if (calls.length !== 1) throw new Error(`${page.name}: the worker called capturePage() ${calls.length} times, not once`);
      const [callStart, callEnd] = calls[0]!;
      // Plain JavaScript text (tsx would add a `__name` helper the page does not have).
      const beat = await tab.evaluate<{ capture: number; window: number; hidden: boolean }>(`(() => {
        const b = window.__beat;
        const longest = (gaps) => Math.max(0, ...gaps.map(([, d]) => d));
        return {
          // The gaps the capture call falls in: the page could run none of its own tasks then.
          capture: longest(b.gaps.filter(([s, d]) => s < ${callEnd} && s + d > ${callStart})),
          window: longest(b.gaps.filter(([s]) => s >= ${t0})),
          hidden: b.hidden,
        };
      })()`);
      if (beat.hidden)
        throw new Error(`${page.name}: the article tab was hidden during the run (its timers are throttled): the gaps would not be blocks`);
      const row = { prefillMs: at, longestBlockMs: beat.capture, captureCallMs: callEnd - callStart, windowBlockMs: beat.window };
      if (run > 0) results.get(page.name)!.push(row);
      console.log(
        `run ${run}${run ? '' : ' (warm-up)'}  ${page.name.padEnd(15)} prefill ${at.toFixed(0).padStart(5)} ms  capture's block ${row.longestBlockMs.toFixed(0).padStart(5)} ms  capture call ${row.captureCallMs.toFixed(1).padStart(6)} ms  longest block in the window ${row.windowBlockMs.toFixed(0).padStart(5)} ms`,
      );
      await popup.close();
      await tab.close();
    }
  }
} finally {
  clearTimeout(watchdog);
  await launched.context.close();
  await server.close();
}

const summarise = (xs: number[]) => ({ median: round(median(xs)), p95: round(quantile(xs, 0.95)), max: round(Math.max(...xs)) });
const summary = {
  bench: 'hostile',
  dist,
  runs,
  when: new Date().toISOString(),
  pages: Object.fromEntries(
    PAGES.map(({ name, path }) => {
      const rows = results.get(name)!;
      return [
        name,
        {
          path,
          prefillMs: summarise(rows.map((r) => r.prefillMs)),
          longestBlockMs: summarise(rows.map((r) => r.longestBlockMs)),
          captureCallMs: summarise(rows.map((r) => r.captureCallMs)),
          windowBlockMs: summarise(rows.map((r) => r.windowBlockMs)),
          runs: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]: [string, number]) => [k, round(v)]))),
        },
      ];
    }),
  ),
};
const [peer, huge] = PAGES.map(({ name }) => summary.pages[name]!);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '—');
const cell = (ms: number) => ms.toFixed(0);
console.log(`\n${runs} runs, medians (p95) in ms; dist: ${dist}`);
console.log('measure                      normal article      5 MB DOM   5 MB / normal');
for (const [label, key] of [
  ['popup prefill', 'prefillMs'],
  ["capture's main-thread block", 'longestBlockMs'],
  ['capturePage() call', 'captureCallMs'],
  ['any block, click to prefill', 'windowBlockMs'],
] as const) {
  const a = peer![key];
  const b = huge![key];
  console.log(
    `${label.padEnd(27)} ${`${cell(a.median)} (${cell(a.p95)})`.padStart(15)} ${`${cell(b.median)} (${cell(b.p95)})`.padStart(13)}   ${ratio(b.median, a.median).padStart(13)}`,
  );
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\n${JSON.stringify({ bench: 'hostile', normal: { ...peer, runs: undefined }, hugeDom: { ...huge, runs: undefined } })}`);
console.log(`wrote ${out}`);
