/**
 * Capture benchmark: this project's capture against @mozilla/readability and defuddle, on the
 * same pages, in the same headless Chromium, in one run.
 *
 *   npx vite build -c vite.capture.config.ts && npx tsx bench/capture.ts DIR [DIR…]
 *   options: --concurrency N (default 2)  --timeout MS (per page, default 20000)
 *            --details DIR (write per-case results there)  --limit N (first N cases per corpus)
 *
 * Each DIR is a corpus in the layout of ../shared/corpus/README.md (CASE/source.html,
 * expected.json, meta.json). Every case is loaded at its meta.json `pageUrl` through Playwright
 * routing (source.html for that address, an empty answer for every other request), with the
 * page's own scripts off so runs are repeatable. Then, on that loaded page, each extractor runs
 * and is timed inside the page with performance.now():
 *   - newsletter-clipper: the whole capture pipeline. Its page half is dist/capture.js, the very
 *     script the extension injects (`globalThis.__newsletterClipper.capturePage()`); its worker
 *     half (zod check, name cleaning, date parsing: src/clip/capture-from-page.ts) is built from
 *     bench/capture-worker-entry.ts and run in the same page on a JSON copy of the page half's answer
 *     (the worker receives a structured clone). Timed together; the page half's share is reported too;
 *   - readability: `new Readability(document.cloneNode(true)).parse()` (it needs its own copy);
 *   - defuddle: `new Defuddle(document).parse()` (last, because it edits the document).
 * Prints one table per corpus and writes bench/results/capture-<corpus>.json.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { parseArgs as parseCommandLine } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { buildClassicScript } from './classic-script';
import { SCORED_FIELDS, percent, quantile, scoreCase, type CorpusScoring, type FieldTally, type ScoredField } from './capture-scoring';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const require = createRequire(import.meta.url);

const OURS = 'newsletter-clipper';
/** The shared corpora `npm run bench:capture` reads when given no DIR (../shared/corpus/README.md). */
const SHARED_CORPORA = ['postlight', 'readability', 'htmldate'];
/** Corpora scored their own way: htmldate annotates only the publication day (see CorpusScoring). */
const CORPUS_SCORING: Record<string, CorpusScoring> = { htmldate: { fields: ['publishedTime'], daysAsWritten: true } };
/** Fields the capture may mark as uncertain (shown in the popup as a suggestion to confirm). */
const MAY_BE_UNSURE = ['byline', 'publishedTime'] as const;
const EXTRACTORS = [OURS, 'readability', 'defuddle'] as const;
type Extractor = (typeof EXTRACTORS)[number];
type Fields = Partial<Record<ScoredField, string | undefined>>;

interface RunResult {
  ok: boolean;
  /** First call in the page: what the editor waits for (code compiled cold). */
  ms?: number;
  /** A second call on the same page: the extraction work alone (not for defuddle, which edits the page). */
  warmMs?: number;
  /** Ours: the page half's share of `ms` (what the content script costs the page), and of `warmMs`. */
  pageMs?: number;
  warmPageMs?: number;
  /** Ours: the worker half alone, run a third time (warm, as in the extension's long-lived worker). */
  workerWarmMs?: number;
  fields?: Fields;
  /** Ours: the authors as a list (the byline is written from them in the expected value's style: bylineLike). */
  authors?: string[];
  /** Ours: the fields shown as a suggestion to confirm, not as fact. */
  unsure?: Partial<Record<ScoredField, boolean>>;
  error?: string;
}

interface CaseInput {
  name: string;
  dir: string;
  pageUrl: string;
  bytes: number;
  expected: Partial<Record<ScoredField, string>>;
}

interface Options {
  concurrency: number;
  timeout: number;
  details?: string;
  limit?: number;
  dirs: string[];
}

function parseArgs(argv: string[]): Options {
  const { values, positionals } = parseCommandLine({
    args: argv.filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: { concurrency: { type: 'string' }, timeout: { type: 'string' }, details: { type: 'string' }, limit: { type: 'string' } },
  });
  if (!positionals.length) {
    // The shared corpora next to the main checkout, wherever this checkout is (a worktree elsewhere finds /work/shared).
    const base = [resolve(root, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((dir) => existsSync(join(dir, 'postlight')));
    if (!base) throw new Error('usage: tsx bench/capture.ts DIR [DIR…] [--concurrency N] [--timeout MS] [--details DIR] [--limit N]');
    positionals.push(...SHARED_CORPORA.map((name) => join(base, name)).filter((dir) => existsSync(dir)));
  }
  return {
    concurrency: Math.max(1, Number(values.concurrency ?? 2)),
    timeout: Number(values.timeout ?? 20_000),
    ...(values.details ? { details: values.details } : {}),
    ...(values.limit ? { limit: Number(values.limit) } : {}),
    dirs: positionals,
  };
}

function loadCases(dir: string, limit?: number): CaseInput[] {
  const cases: CaseInput[] = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name);
    const source = join(caseDir, 'source.html');
    if (!existsSync(source) || !existsSync(join(caseDir, 'meta.json'))) continue;
    const meta = JSON.parse(readFileSync(join(caseDir, 'meta.json'), 'utf8')) as { pageUrl?: string };
    const expectedPath = join(caseDir, 'expected.json');
    const expected = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, unknown>) : {};
    const scored: Partial<Record<ScoredField, string>> = {};
    for (const field of SCORED_FIELDS) if (typeof expected[field] === 'string') scored[field] = expected[field];
    cases.push({
      name,
      dir: caseDir,
      pageUrl: meta.pageUrl ?? `http://127.0.0.1/${name}.html`,
      bytes: statSync(source).size,
      expected: scored,
    });
    if (limit && cases.length >= limit) break;
  }
  return cases;
}

/** Builds the worker half (bench/capture-worker-entry.ts) as one classic script, minified like the extension's worker. */
const buildWorkerHalf = () =>
  buildClassicScript(root, {
    entry: 'bench/capture-worker-entry.ts',
    name: 'NewsletterClipperCaptureWorker',
    dirName: 'newsletter-clipper-capture-bench',
    minify: true,
    target: 'chrome110',
  });

/** The scripts injected into each page, as source text evaluated in the page's global scope. */
async function loadScripts(): Promise<Record<Extractor, string>> {
  const capturePath = join(root, 'dist', 'capture.js');
  if (!existsSync(capturePath)) throw new Error('dist/capture.js is missing: run `npx vite build -c vite.capture.config.ts` first');
  return {
    // The page half, then the worker half: both define their global when evaluated.
    [OURS]: `${readFileSync(capturePath, 'utf8')}
;${await buildWorkerHalf()}`,
    readability: `${readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8')}\n;globalThis.Readability = Readability;`,
    // The UMD build sets self.Defuddle when there is no module system.
    defuddle: readFileSync(require.resolve('defuddle'), 'utf8'),
  };
}

/**
 * Runs in the page: load one extractor's script and time its extraction. Kept as plain
 * JavaScript text because tsx's transpiler decorates functions with helpers (`__name`) that do
 * not exist inside the page.
 */
const RUN_IN_PAGE = String.raw`(([name, source]) => {
  const g = globalThis;
  try {
    (0, eval)(source);
    const text = (v) => (typeof v === 'string' && v.trim() ? v : undefined);
    if (name === 'newsletter-clipper') {
      // The page half, then the worker half on a copy of its answer (the worker gets a structured clone).
      const finish = (raw) => {
        const r = g.__newsletterClipperWorker.captureFromPage(JSON.parse(JSON.stringify(raw)));
        if (!r.ok) throw new Error(r.detail);
        return r.capture;
      };
      const t0 = performance.now();
      const raw = g.__newsletterClipper.capturePage();
      const pageMs = performance.now() - t0;
      const c = finish(raw);
      const ms = performance.now() - t0;
      const t1 = performance.now();
      const warmRaw = g.__newsletterClipper.capturePage();
      const warmPageMs = performance.now() - t1;
      finish(warmRaw);
      const warmMs = performance.now() - t1;
      // The worker half as it runs in the extension: in the long-lived worker, compiled by earlier clips (a third run).
      const t2 = performance.now();
      finish(raw);
      const workerWarmMs = performance.now() - t2;
      const names = c.authors?.value ?? [];
      return { ok: true, ms, warmMs, pageMs, warmPageMs, workerWarmMs, authors: names, fields: {
        url: c.canonicalUrl?.value, title: c.title?.value, byline: names[0], siteName: c.siteName?.value,
        publishedTime: c.publishedTime?.value, excerpt: c.excerpt?.value, lang: c.lang?.value },
        unsure: { byline: !!c.authors?.uncertain, publishedTime: !!c.publishedTime?.uncertain } };
    }
    if (name === 'readability') {
      const t0 = performance.now();
      const r = new g.Readability(document.cloneNode(true)).parse();
      const ms = performance.now() - t0;
      const t1 = performance.now();
      new g.Readability(document.cloneNode(true)).parse();
      const warmMs = performance.now() - t1;
      return { ok: true, ms, warmMs, fields: r ? { title: text(r.title), byline: text(r.byline), siteName: text(r.siteName),
        publishedTime: text(r.publishedTime), excerpt: text(r.excerpt), lang: text(r.lang) } : {} };
    }
    const Defuddle = g.Defuddle?.Defuddle ?? g.Defuddle?.default ?? g.Defuddle;
    const t0 = performance.now();
    const r = new Defuddle(document).parse();
    const ms = performance.now() - t0;
    return { ok: true, ms, fields: { title: text(r.title), byline: text(r.author), siteName: text(r.site),
      publishedTime: text(r.published), excerpt: text(r.description), lang: text(r.language) } };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error).slice(0, 300) };
  }
})`;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** A worker: one context and page at a time, replaced after any failure so a stuck page cannot stall the run. */
class Lane {
  private context?: BrowserContext;
  private page?: Page;
  private current?: CaseInput;
  constructor(
    private readonly browser: Browser,
    private readonly timeout: number,
  ) {}

  private async fresh(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page;
    await this.dispose();
    this.context = await this.browser.newContext({ javaScriptEnabled: false, bypassCSP: true, serviceWorkers: 'block' });
    this.page = await this.context.newPage();
    await this.page.route('**/*', async (route) => {
      const request = route.request();
      const c = this.current;
      if (
        c &&
        request.isNavigationRequest() &&
        request.frame() === this.page?.mainFrame() &&
        stripHash(request.url()) === stripHash(c.pageUrl)
      ) {
        await route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: readFileSync(join(c.dir, 'source.html')),
        });
      } else {
        await route.fulfill({ status: 200, headers: { 'content-type': 'text/plain' }, body: '' });
      }
    });
    return this.page;
  }

  async dispose(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    this.page = undefined;
    if (context) await withTimeout(context.close(), 5_000, 'closing the page').catch(() => undefined);
  }

  async run(c: CaseInput, scripts: Record<Extractor, string>): Promise<Record<Extractor, RunResult>> {
    const results = {} as Record<Extractor, RunResult>;
    this.current = c;
    try {
      const page = await this.fresh();
      await withTimeout(page.goto(c.pageUrl, { waitUntil: 'load', timeout: this.timeout }), this.timeout + 1_000, 'loading');
      for (const name of EXTRACTORS) {
        try {
          results[name] = await withTimeout(
            page.evaluate<RunResult>(`${RUN_IN_PAGE}(${JSON.stringify([name, scripts[name]])})`),
            this.timeout,
            name,
          );
        } catch (error) {
          results[name] = { ok: false, error: String((error as Error).message).slice(0, 300) };
          await this.dispose(); // the page may be stuck in a loop: never reuse it
          break;
        }
      }
      // Defuddle edited the document and the extractors left globals: start each case on a fresh page.
      await withTimeout(page.goto('about:blank'), 5_000, 'unloading').catch(() => this.dispose());
    } catch (error) {
      await this.dispose();
      for (const name of EXTRACTORS) results[name] ??= { ok: false, error: `page: ${String((error as Error).message).slice(0, 300)}` };
    }
    for (const name of EXTRACTORS) results[name] ??= { ok: false, error: 'not run (the page failed earlier)' };
    return results;
  }
}

/**
 * The address without its fragment, in the browser's form: a meta.json `pageUrl` may be written
 * with raw non-ASCII characters ("/news/1353889/تحلیل-…", "india’s-…") where the request the
 * browser makes is percent-encoded; compared as written, such a page was answered with an empty body.
 */
const stripHash = (url: string) => {
  try {
    return new URL(url).href.replace(/#.*$/, '');
  } catch {
    return url.replace(/#.*$/, '');
  }
};

/**
 * Our authors are a list of names; a byline is one way of writing it. Written the way the expected
 * value joins names ("A, B and C" when it uses a joining word, else "A, B"), so that the separator is
 * not scored, only the names.
 */
function bylineLike(names: readonly string[], expected = ''): string | undefined {
  if (names.length < 2) return names[0];
  return /\s(and|&|und|et|y|e)\s/i.test(expected) ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join(', ');
}

interface ExtractorReport {
  msMedian: number;
  msP95: number;
  /** Median of a second run on the same page (compiled code, extraction work only). */
  msWarmMedian?: number;
  errors: number;
  msLargestPage?: number;
  fields: Partial<Record<ScoredField, { n: number; exact: number; lenient: number }>>;
}

/**
 * Ours, per field that may be marked uncertain: how many scored cases showed a value, how many as a
 * suggestion to confirm, and how many showed a wrong value (lenient) as certain: the editor's real risk.
 */
interface CertaintyTally {
  n: number;
  shown: number;
  unsure: number;
  unsureRight: number;
  wrongAsCertain: number;
}

async function benchCorpus(browser: Browser, dir: string, options: Options, scripts: Record<Extractor, string>) {
  const corpus = basename(resolve(dir));
  const scoring = CORPUS_SCORING[corpus] ?? {};
  const cases = loadCases(dir, options.limit);
  const certainty: Partial<Record<ScoredField, CertaintyTally>> = {};
  const tallies = Object.fromEntries(EXTRACTORS.map((e) => [e, {}])) as Record<Extractor, Partial<Record<ScoredField, FieldTally>>>;
  const times = Object.fromEntries(EXTRACTORS.map((e) => [e, [] as number[]])) as Record<Extractor, number[]>;
  const warmTimes = Object.fromEntries(EXTRACTORS.map((e) => [e, [] as number[]])) as Record<Extractor, number[]>;
  const pageTimes: number[] = [];
  const warmPageTimes: number[] = [];
  const workerWarmTimes: number[] = [];
  const errors = Object.fromEntries(EXTRACTORS.map((e) => [e, 0])) as Record<Extractor, number>;
  const details: unknown[] = [];
  const largest = cases.reduce<CaseInput | undefined>((a, b) => (!a || b.bytes > a.bytes ? b : a), undefined);
  const largestMs: Partial<Record<Extractor, number>> = {};

  const started = Date.now();
  let next = 0;
  const lanes = Array.from({ length: Math.min(options.concurrency, cases.length) }, () => new Lane(browser, options.timeout));
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const results = await lane.run(c, scripts);
        const detail: Record<string, unknown> = { case: c.name, pageUrl: c.pageUrl, bytes: c.bytes, expected: c.expected };
        for (const name of EXTRACTORS) {
          const r = results[name];
          if (!r.ok) errors[name]++;
          if (r.ms !== undefined) times[name].push(r.ms);
          if (r.warmMs !== undefined) warmTimes[name].push(r.warmMs);
          if (r.pageMs !== undefined) pageTimes.push(r.pageMs);
          if (r.warmPageMs !== undefined) warmPageTimes.push(r.warmPageMs);
          if (r.workerWarmMs !== undefined) workerWarmTimes.push(r.workerWarmMs);
          if (c === largest && r.ms !== undefined) largestMs[name] = r.ms;
          if (r.authors && r.fields) r.fields.byline = bylineLike(r.authors, c.expected.byline);
          const scored = scoreCase(tallies[name], c.expected, r.ok ? r.fields : undefined, scoring);
          if (name === OURS) {
            for (const s of scored) {
              if (!(MAY_BE_UNSURE as readonly string[]).includes(s.field)) continue;
              const t = (certainty[s.field] ??= { n: 0, shown: 0, unsure: 0, unsureRight: 0, wrongAsCertain: 0 });
              const shown = !!r.fields?.[s.field];
              const unsure = shown && !!r.unsure?.[s.field];
              t.n++;
              if (shown) t.shown++;
              if (unsure) t.unsure++;
              if (unsure && s.lenient) t.unsureRight++;
              if (shown && !unsure && !s.lenient) t.wrongAsCertain++;
            }
          }
          detail[name] = {
            ms: r.ms,
            ...(r.unsure && { unsure: r.unsure }),
            error: r.error,
            fields: r.fields,
            misses: scored.filter((s) => !s.lenient).map((s) => s.field),
            inexact: scored.filter((s) => !s.exact).map((s) => s.field),
          };
        }
        details.push(detail);
      }
      await lane.dispose();
    }),
  );
  const seconds = (Date.now() - started) / 1000;

  const report = {
    corpus,
    cases: cases.length,
    ours: OURS,
    extractors: {} as Record<Extractor, ExtractorReport>,
    largestPage: largest ? { case: largest.name, bytes: largest.bytes } : undefined,
    seconds: Math.round(seconds * 10) / 10,
    /** dist/capture.js gzipped (zlib level 9, as `npm run size`), against the content script's 10 KB (10,240 bytes) budget. */
    contentScriptGzipBytes: gzipSync(readFileSync(join(root, 'dist', 'capture.js')), { level: 9 }).length,
    /** Ours: median of the page half's share of the first (cold) call. */
    oursPageHalfMsMedian: round(quantile(pageTimes, 0.5)),
    oursPageHalfWarmMsMedian: round(quantile(warmPageTimes, 0.5)),
    /** Ours: median of the worker half alone, warm (its third run: the extension's worker is long-lived). */
    oursWorkerHalfWarmMsMedian: round(quantile(workerWarmTimes, 0.5)),
    /**
     * The figures: the injected script (the page half, dist/capture.js: what runs in the page
     * when the editor clips) against each peer, cold and warm, medians of the same run.
     */
    injectedScriptRatios: {} as Record<string, { cold: number; warm: number }>,
    /** How the scoring differs from the shared rules for this corpus (htmldate: the day only). */
    scoring,
    /** Ours: values shown as a suggestion to confirm, and wrong values shown as certain (lenient), per field. */
    certainty: Object.fromEntries(
      Object.entries(certainty).map(([field, t]) => [field, { ...t, wrongAsCertainPercent: percent(t.wrongAsCertain, t.n) }]),
    ),
  };
  for (const name of EXTRACTORS) {
    const fields: ExtractorReport['fields'] = {};
    for (const field of SCORED_FIELDS) {
      const t = tallies[name][field];
      if (t) fields[field] = { n: t.n, exact: percent(t.exact, t.n), lenient: percent(t.lenient, t.n) };
    }
    report.extractors[name] = {
      msMedian: round(quantile(times[name], 0.5)),
      msP95: round(quantile(times[name], 0.95)),
      msWarmMedian: warmTimes[name].length ? round(quantile(warmTimes[name], 0.5)) : undefined,
      errors: errors[name],
      msLargestPage: largestMs[name] === undefined ? undefined : round(largestMs[name]),
      fields,
    };
  }
  for (const peer of EXTRACTORS.filter((e) => e !== OURS)) {
    const theirs = report.extractors[peer];
    report.injectedScriptRatios[peer] = {
      cold: theirs.msMedian ? round((report.oursPageHalfMsMedian / theirs.msMedian) * 1000) / 1000 : NaN,
      warm: theirs.msWarmMedian ? round((report.oursPageHalfWarmMsMedian / theirs.msWarmMedian) * 1000) / 1000 : NaN,
    };
  }
  printReport(report);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', `capture-${corpus}.json`), `${JSON.stringify(report, null, 2)}\n`);
  if (options.details) {
    mkdirSync(options.details, { recursive: true });
    writeFileSync(join(options.details, `capture-${corpus}.cases.json`), JSON.stringify(details, null, 1));
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

function printReport(report: {
  corpus: string;
  cases: number;
  extractors: Record<Extractor, ExtractorReport>;
  largestPage?: { case: string; bytes: number };
  seconds: number;
  contentScriptGzipBytes: number;
  oursPageHalfMsMedian: number;
  oursPageHalfWarmMsMedian: number;
  oursWorkerHalfWarmMsMedian: number;
  injectedScriptRatios: Record<string, { cold: number; warm: number }>;
  scoring: CorpusScoring;
  certainty: Record<string, CertaintyTally & { wrongAsCertainPercent: number }>;
}) {
  const fields = SCORED_FIELDS.filter((f) => report.extractors[OURS].fields[f]);
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\n${report.corpus}/ (${report.cases} cases, ${report.seconds} s)  cells: exact % / lenient %`);
  const budget = report.contentScriptGzipBytes <= 10_240 ? 'within' : 'OVER';
  console.log(`content script dist/capture.js: ${report.contentScriptGzipBytes} bytes gzipped (${budget} the 10,240-byte budget)`);
  console.log(
    `ours in the table = page half + worker half, both run in the page; the page half alone (the injected script): median ${report.oursPageHalfMsMedian.toFixed(2)} ms, warm ${report.oursPageHalfWarmMsMedian.toFixed(2)} ms; the worker half alone, warm (as in the extension's worker): ${report.oursWorkerHalfWarmMsMedian.toFixed(2)} ms`,
  );
  const header = [
    'extractor'.padEnd(20),
    ...fields.map((f) => pad(`${f} (n=${report.extractors[OURS].fields[f]!.n})`, 20)),
    'median ms',
    'p95 ms',
    'warm median ms',
    'errors',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const name of EXTRACTORS) {
    const e = report.extractors[name];
    const cells = fields.map((f) => pad(e.fields[f] ? `${e.fields[f].exact.toFixed(1)} / ${e.fields[f].lenient.toFixed(1)}` : '-', 20));
    console.log(
      `| ${[pad(name, 20), ...cells, e.msMedian.toFixed(2), e.msP95.toFixed(2), e.msWarmMedian?.toFixed(2) ?? '-', String(e.errors)].join(' | ')} |`,
    );
  }
  for (const [peer, r] of Object.entries(report.injectedScriptRatios))
    console.log(
      `the injected script (page half) / ${peer}: cold ${r.cold.toFixed(3)} (${report.oursPageHalfMsMedian.toFixed(2)} ms vs ${report.extractors[peer as Extractor].msMedian.toFixed(2)} ms), warm ${Number.isFinite(r.warm) ? r.warm.toFixed(3) : '-'}`,
    );
  const ours = report.extractors[OURS].msMedian;
  for (const peer of EXTRACTORS.filter((e) => e !== OURS)) {
    const theirs = report.extractors[peer].msMedian;
    const warmOurs = report.extractors[OURS].msWarmMedian;
    const warmTheirs = report.extractors[peer].msWarmMedian;
    const warm =
      warmOurs !== undefined && warmTheirs
        ? `; warm ${(warmOurs / warmTheirs).toFixed(3)} (${warmOurs.toFixed(2)} ms vs ${warmTheirs.toFixed(2)} ms)`
        : '';
    console.log(
      `median time, ours (page + worker half, both in the page) / ${peer}: ${theirs ? (ours / theirs).toFixed(3) : '-'} (${ours.toFixed(2)} ms vs ${theirs.toFixed(2)} ms)${warm}`,
    );
  }
  if (report.scoring.daysAsWritten)
    console.log('scored on the publication day only: exact = the day the value writes (page offset), lenient = that day or its UTC day');
  else if (report.extractors[OURS].fields.publishedTime)
    console.log(
      "dates, lenient: the same day in UTC, as written, or in the value's own zone (a bare day whose midnight the expected instant is, in a zone from UTC−12 to +14)",
    );
  const certain = Object.entries(report.certainty).map(
    ([field, t]) =>
      `${field} ${t.wrongAsCertain} of ${t.n} (${t.wrongAsCertainPercent.toFixed(1)} %), ${t.unsure} shown as a suggestion (${t.unsureRight} of them right)`,
  );
  if (certain.length) console.log(`ours, a wrong value shown as certain: ${certain.join('; ')}`);
  if (report.largestPage) {
    const times = EXTRACTORS.map((e) => `${e} ${report.extractors[e].msLargestPage?.toFixed(1) ?? 'error'} ms`).join(', ');
    console.log(`largest page: ${report.largestPage.case} (${(report.largestPage.bytes / 1e6).toFixed(2)} MB): ${times}`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const scripts = await loadScripts();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    for (const dir of options.dirs) await benchCorpus(browser, dir, options, scripts);
  } finally {
    await withTimeout(browser.close(), 10_000, 'closing the browser').catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
