/// <reference types="vite/client" />
/**
 * The issue benchmark's in-browser half (built by vite.bench.config.ts into one IIFE and evaluated
 * in an extension page by bench/issue.ts). It defines `globalThis.__issueBench`:
 *   - makeRows() + writeRows(): fill the store (after Node has checked a sample with zod);
 *   - exportRun(): reads the open issue from the extension's IndexedDB through the product's repos
 *     and times each export renderer on it (first call in the page = what the editor waits for,
 *     then warm repeats);
 *   - profile*(): replays, stage by stage, what the worker and the issue page do for `issue.view`,
 *     `clip.move` and `clip.prepare`, and the HTML export's parts, so a slow number can be pinned
 *     on one stage.
 * Everything here is the product's own code (same schemas, repos, renderers, zod in jitless mode);
 * only the timing around it is new. Read-only towards the store, except the fill (writeRows) and
 * putMany of rows unchanged.
 */
import '../src/platform/zod-setup';
import DOMPurify from 'dompurify';
import { Clipping } from '../src/clip/clipping';
import { weekWindow } from '../src/clip/week';
import { renderHtmlPage } from '../src/export/html';
import { renderMarkdown } from '../src/export/markdown';
import { SANITIZE_CONFIG, createSanitizer } from '../src/export/sanitize-config';
import type { Issue } from '../src/issue/issue';
import { groupBySection, moveClipping } from '../src/issue/issue-order';
import { toIssueDocument } from '../src/issue/to-document';
import { Reply, protocol } from '../src/messages/protocol';
import type { Settings } from '../src/settings/settings';
import { ClippingsRepo } from '../src/store/clippings-repo';
import { lazyOpener } from '../src/store/db';
import { DraftsRepo } from '../src/store/drafts-repo';
import { IssuesRepo } from '../src/store/issues-repo';
import { SettingsRepo } from '../src/store/settings-repo';
import { defaultSettings } from '../src/settings/settings';
import { makeStoreData, sampleStoreData, type StoreData, type StoreDataOptions, type StoreSample } from './issue-data';

/** The JSON export, if the colleague's module exists when this bundle is built (a glob of one file is empty otherwise). */
interface JsonExportModule {
  buildIssueExport(input: {
    newsletter: string;
    issue: Issue;
    sections: Settings['sections'];
    clippings: readonly Clipping[];
    now: number;
  }): unknown;
  renderJson(file: never): string;
}
const jsonModules = import.meta.glob<JsonExportModule>('../src/export/json-export.ts', { eager: true });
const jsonExport = Object.values(jsonModules).find((m) => typeof m.renderJson === 'function' && typeof m.buildIssueExport === 'function');

const sanitize = createSanitizer(DOMPurify);

/** One timed call: its result and how long it took, in ms. */
function timed<T>(work: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = work();
  return { value, ms: performance.now() - t0 };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** First call (cold) and the median of `warm` further calls of the same work. */
function coldWarm(work: () => unknown, warm = 5): { coldMs: number; warmMs: number } {
  const coldMs = timed(work).ms;
  const rest: number[] = [];
  for (let i = 0; i < warm; i++) rest.push(timed(work).ms);
  return { coldMs, warmMs: median(rest) };
}

function repos() {
  const open = lazyOpener();
  return {
    open,
    clippings: new ClippingsRepo(open),
    issues: new IssuesRepo(open),
    settings: new SettingsRepo(open),
    drafts: new DraftsRepo(open),
  };
}

async function openIssue(r: ReturnType<typeof repos>): Promise<Issue> {
  const issue = (await r.issues.list()).find((i) => i.status === 'open');
  if (!issue) throw new Error('no open issue in the store');
  return issue;
}

export interface ExportTiming {
  coldMs: number;
  warmMs: number;
  bytes: number;
}

export interface ExportRunResult {
  clippings: number;
  /** Reading the issue, settings and clippings through the repos (zod included). */
  loadMs: number;
  /** toIssueDocument: grouping and ordering (the issue page has this already when the editor clicks). */
  documentMs: number;
  markdown: ExportTiming;
  html: ExportTiming;
  json: ExportTiming | { skipped: string };
}

/**
 * Times every export of the open issue in this page: each renderer's very first call (what the
 * editor waits for on the first click; call this in a fresh page) and the median of warm repeats.
 */
async function exportRun(): Promise<ExportRunResult> {
  const r = repos();
  const load = await timedAsync(async () => {
    const issue = await openIssue(r);
    const [settings, clippings] = await Promise.all([r.settings.get(), r.clippings.listByIssue(issue.id)]);
    return { issue, settings, clippings };
  });
  const { issue, settings, clippings } = load.value;
  const documentTime = timed(() => toIssueDocument(issue, settings, clippings));
  const doc = documentTime.value;
  const md = timed(() => renderMarkdown(doc));
  const mdWarm = coldWarm(() => renderMarkdown(doc)).warmMs;
  const html = timed(() => renderHtmlPage(doc, { sanitize }));
  const htmlWarm = coldWarm(() => renderHtmlPage(doc, { sanitize })).warmMs;
  let json: ExportRunResult['json'];
  if (!jsonExport) {
    json = { skipped: 'src/export/json-export.ts was not there when the bench bundle was built' };
  } else {
    const render = () =>
      jsonExport.renderJson(
        jsonExport.buildIssueExport({
          newsletter: settings.newsletterName,
          issue,
          sections: settings.sections,
          clippings,
          now: Date.now(),
        }) as never,
      );
    try {
      const first = timed(render);
      json = { coldMs: first.ms, warmMs: coldWarm(render).warmMs, bytes: first.value.length };
    } catch (error) {
      json = { skipped: `renderJson failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return {
    clippings: clippings.length,
    loadMs: load.ms,
    documentMs: documentTime.ms,
    markdown: { coldMs: md.ms, warmMs: mdWarm, bytes: md.value.length },
    html: { coldMs: html.ms, warmMs: htmlWarm, bytes: html.value.length },
    json,
  };
}

type Stages = Record<string, { coldMs: number; warmMs: number }>;
type Stage = () => unknown;

/**
 * Times each stage `reps` times, the stages interleaved (stage 1, 2, 3, 1, 2, 3, …) so a busy
 * moment of a shared machine hits them alike: the first round is `coldMs`, the median of the
 * rest `warmMs`.
 */
async function sampleStages(stages: Record<string, Stage>, reps = 9): Promise<Stages> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(stages).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) {
    for (const [name, stage] of Object.entries(stages)) {
      const t0 = performance.now();
      await stage();
      times[name]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, { coldMs: v[0]!, warmMs: median(v.slice(1)) }]));
}

/** Parses rows as the repos do (safeParse, tombstones dropped). */
function parseRows(rows: readonly unknown[]): Clipping[] {
  const out: Clipping[] = [];
  for (const row of rows) {
    const parsed = Clipping.safeParse(row);
    if (parsed.success && !parsed.data.deletedAt) out.push(parsed.data);
  }
  return out;
}

/**
 * `issue.view` stage by stage: the worker's reads (IndexedDB, then zod per row), the router's parse
 * of its own reply, the message's JSON round trip, the page's two parses of the reply, then the
 * page's grouping, issue document and preview HTML.
 */
async function profileIssueView(): Promise<{ stages: Stages; replyBytes: number; rows: number }> {
  const r = repos();
  const dbOpenMs = (await timedAsync(() => r.open())).ms;
  const settings = await r.settings.get();
  const now = Date.now();
  const issue = await openIssue(r);
  const db = await r.open();
  const rows = await db.getAllFromIndex('clippings', 'byIssue', issue.id);
  const clippings = await r.clippings.listByIssue(issue.id);
  const all = await r.issues.list();
  const value = {
    issue,
    clippings,
    settings,
    issues: [...all].reverse().map(({ id, number, title, status }) => ({ id, number, title, status })),
  };
  const json = JSON.stringify({ ok: true, value });
  const doc = toIssueDocument(issue, settings, clippings);
  const stages = await sampleStages({
    'worker: settings.get': () => r.settings.get(),
    'worker: issues.ensureOpen': () => r.issues.ensureOpen({ now, settings, newId: () => crypto.randomUUID() }),
    'worker: getAll byIssue (IndexedDB only)': () => db.getAllFromIndex('clippings', 'byIssue', issue.id),
    'worker: zod parse of the 200 rows': () => parseRows(rows),
    'worker: clippings.listByIssue (both)': () => r.clippings.listByIssue(issue.id),
    'worker: issues.list (105 issues)': () => r.issues.list(),
    'worker: router parses its reply (zod)': () => protocol['issue.view'].response.parse(value),
    'message: JSON stringify + parse of the reply': (): unknown => JSON.parse(JSON.stringify({ ok: true, value })),
    'page: client parses the reply (zod, Reply + response)': () => {
      const reply = Reply.safeParse(JSON.parse(json));
      if (reply.success && reply.data.ok) protocol['issue.view'].response.safeParse(reply.data.value);
    },
    'page: groupBySection': () => groupBySection(clippings, settings.sections),
    'page: toIssueDocument': () => toIssueDocument(issue, settings, clippings),
    'page: preview renderHtmlPage (markdown-it + DOMPurify)': () => renderHtmlPage(doc, { sanitize }),
  });
  return {
    stages: { 'db open (first use in a page)': { coldMs: dbOpenMs, warmMs: Number.NaN }, ...stages },
    replyBytes: json.length,
    rows: rows.length,
  };
}

/**
 * `clip.move` stage by stage. The writes are putMany of rows unchanged (the store keeps its order).
 * A first move in a section renumbers it (positions start as creation times), later ones change two rows.
 */
async function profileMove(): Promise<{ stages: Stages; sectionSize: number; changedOnFirstMove: number; changedOnLaterMove: number }> {
  const r = repos();
  const settings = await r.settings.get();
  const issue = await openIssue(r);
  const clippings = await r.clippings.listByIssue(issue.id);
  const articles = groupBySection(clippings, settings.sections).find((g) => g.section?.id === 'articles')?.clippings ?? [];
  const moving = articles[Math.min(10, articles.length - 1)];
  if (!moving) throw new Error('no clipping in the Articles section');
  const index = Math.max(0, articles.indexOf(moving) - 1);
  const asCreated = clippings.map((c) => ({ ...c, position: c.createdAt }));
  const first = moveClipping(asCreated, settings.sections, moving.id, 'articles', index, Date.now());
  const renumbered = clippings.map((c) => (c.section === 'articles' ? { ...c, position: (articles.indexOf(c) + 1) * 1024 } : c));
  const later = moveClipping(renumbered, settings.sections, moving.id, 'articles', index, Date.now());
  const two = articles.slice(0, 2);
  const stages = await sampleStages(
    {
      'worker: clippings.get': () => r.clippings.get(moving.id),
      'worker: settings.get': () => r.settings.get(),
      'worker: clippings.listByIssue': () => r.clippings.listByIssue(issue.id),
      'worker: moveClipping': () => moveClipping(clippings, settings.sections, moving.id, 'articles', index, Date.now()),
      'worker: putMany 2 rows (a later move)': () => r.clippings.putMany(two),
      [`worker: putMany ${first.length} rows (a first move renumbers)`]: () =>
        r.clippings.putMany(first.map((c) => clippings.find((o) => o.id === c.id)!)),
    },
    5,
  );
  return { stages, sectionSize: articles.length, changedOnFirstMove: first.length, changedOnLaterMove: later.length };
}

/** `clip.prepare` stage by stage, and the week count the popup asks for after it (clip.weekCount); without the capture (which does not touch the store). */
async function profilePrepare(pageUrlKey: string): Promise<{ stages: Stages; weekRows: number }> {
  const r = repos();
  const settings = await r.settings.get();
  const window = weekWindow(new Date(), settings.weekStartsOn, settings.timeZone);
  const db = await r.open();
  const range = IDBKeyRange.bound(window.start, window.end, false, true);
  const rows = await db.getAllFromIndex('clippings', 'byCreatedAt', range);
  const stages = await sampleStages({
    'worker: settings.get': () => r.settings.get(),
    'worker: findByUrlKey': () => r.clippings.findByUrlKey(pageUrlKey),
    'worker: drafts.get': () => r.drafts.get(pageUrlKey),
    'worker: getAll byCreatedAt this week (IndexedDB only)': () => db.getAllFromIndex('clippings', 'byCreatedAt', range),
    "worker: zod parse of this week's rows": () => parseRows(rows),
    'worker: countCreatedIn (both: what clip.weekCount runs, after the form is shown)': () => r.clippings.countCreatedIn(window),
    'alternative: countFromIndex (IndexedDB count, no rows)': () => db.countFromIndex('clippings', 'byCreatedAt', range),
  });
  return { stages, weekRows: rows.length };
}

/**
 * The HTML export taken apart. Call in a fresh page: the first stage pays for markdown-it's first
 * run, the second for DOMPurify's. Then the sanitising of the summaries three ways (as now: the
 * export's sanitiser, one DOMPurify call over every piece; as before: one call per piece with its
 * config; one call per piece with the config set once).
 */
async function profileHtml(): Promise<Stages> {
  const r = repos();
  const issue = await openIssue(r);
  const [settings, clippings] = await Promise.all([r.settings.get(), r.clippings.listByIssue(issue.id)]);
  const doc = toIssueDocument(issue, settings, clippings);
  const identity = (pieces: readonly string[]) => [...pieces];
  const noSanitize = coldWarm(() => renderHtmlPage(doc, { sanitize: identity }));
  const calls: string[] = [];
  const recording = (pieces: readonly string[]) => (calls.push(...pieces), [...pieces]);
  renderHtmlPage(doc, { sanitize: recording });
  const real = coldWarm(() => renderHtmlPage(doc, { sanitize }));
  const config = SANITIZE_CONFIG;
  const batch = coldWarm(() => sanitize(calls));
  const perCall = coldWarm(() => calls.map((html) => DOMPurify.sanitize(html, config)));
  DOMPurify.setConfig(config);
  const setOnce = coldWarm(() => calls.map((html) => DOMPurify.sanitize(html)));
  DOMPurify.clearConfig();
  return {
    'renderHtmlPage, sanitize = identity (markdown-it, escaping)': noSanitize,
    'renderHtmlPage with DOMPurify (the export)': real,
    [`the export's sanitiser alone: ${calls.length} pieces in one DOMPurify call (as now)`]: batch,
    [`DOMPurify alone: ${calls.length} calls, config passed each time (as before)`]: perCall,
    [`DOMPurify alone: ${calls.length} calls, setConfig once`]: setOnce,
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('the IndexedDB request failed'));
  });
}

/** The rows made by makeRows, kept in the page until writeRows (or dropped by a reload). */
let pendingFill: StoreData | undefined;

/**
 * Makes the store's rows here in the page (shipping 100 MB of rows through the DevTools protocol
 * took longer than writing them) and returns a sample for Node to check with zod before
 * writeRows() writes them.
 */
function makeRows(options: Omit<StoreDataOptions, 'settings'>, sampleEvery: number): { generateMs: number; sample: StoreSample } {
  const t0 = performance.now();
  pendingFill = makeStoreData({ ...options, settings: defaultSettings() });
  const generateMs = performance.now() - t0;
  return { generateMs, sample: sampleStoreData(pendingFill, sampleEvery) };
}

/**
 * Writes the rows makeRows made straight into the extension's IndexedDB (raw IndexedDB, not the
 * repos: this is the set-up, not the product), `batchRows` rows per readwrite transaction.
 */
async function writeRows(
  batchRows: number,
): Promise<{ insertMs: number; transactions: number; counts: { clippings: number; open: number; issues: number } }> {
  const data = pendingFill;
  if (!data) throw new Error('makeRows() first');
  const t0 = performance.now();
  const db = await request(indexedDB.open('newsletter-clipper'));
  const put = (store: 'issues' | 'clippings', rows: readonly unknown[]) =>
    new Promise<void>((ok, fail) => {
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const target = tx.objectStore(store);
      for (const row of rows) target.put(row);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error ?? new Error('the IndexedDB transaction failed'));
      tx.onabort = () => fail(tx.error ?? new Error('transaction aborted'));
    });
  let transactions = 1;
  await put('issues', data.issues);
  for (let i = 0; i < data.clippings.length; i += batchRows) {
    await put('clippings', data.clippings.slice(i, i + batchRows));
    transactions += 1;
  }
  const insertMs = performance.now() - t0;
  const tx = db.transaction(['clippings', 'issues']);
  const counts = {
    clippings: await request(tx.objectStore('clippings').count()),
    open: await request(tx.objectStore('clippings').index('byIssue').count(data.openIssue.id)),
    issues: await request(tx.objectStore('issues').count()),
  };
  db.close();
  pendingFill = undefined;
  return { insertMs, transactions, counts };
}

const api = { makeRows, writeRows, exportRun, profileIssueView, profileMove, profilePrepare, profileHtml, hasJsonExport: !!jsonExport };
export type IssueBenchApi = typeof api;
(globalThis as unknown as { __issueBench: IssueBenchApi }).__issueBench = api;
