/**
 * Sync benchmark: 1,000 clippings across 5 issues synced to a REAL local WordPress, by the very sync
 * engine the extension's worker runs, once clean and once with 20 % of the HTTP requests faulted.
 *
 *   npx tsx bench/sync.ts            (npm run bench:sync)
 *   options: --runs clean,faulted    --rate 0.2    --seed N    --edits 50    --json PATH
 *            --seeds N,N,…   (one faulted run per seed instead of one with --seed)
 *
 * Parts, all the product's own (nothing re-implemented):
 *   - WordPress: e2e/servers/wordpress.ts startWordPress() (Debian's WordPress + MariaDB on 127.0.0.1;
 *     packages installed on first use), reset() between runs;
 *   - a fault proxy in front of it: e2e/servers/fault-proxy.ts, every request counted there; the
 *     faulted run draws from EVERY fault kind (reset, 500, 503, 429 + Retry-After, stall, truncate,
 *     non-json, garbage-json) with a short stall (STALL_MS, past the adapter's TIMEOUT_MS, so the
 *     adapter's own timeout fires first, as it would on a long stall);
 *   - the store: openClipperDB() over fake-indexeddb; ClippingsRepo / IssuesRepo / SettingsRepo /
 *     OutboxRepo / SyncStateRepo; the outbox entries are made by the writes themselves (putMany,
 *     IssuesRepo.put), exactly as in the extension;
 *   - the engine: drainOutbox() with WordPressAdapter and draftForIssue(), with an injected clock
 *     (advanced past nextAttemptAt between drains instead of sleeping) and a seeded `random`.
 *
 * Each run has two phases:
 *   1. initial sync: 5 issues (3 closed, 1 open, 1 planned), 200 clippings each, drained until the
 *      outbox is empty (at most MAX_DRAINS drains);
 *   2. editing: EDITS edits of summaries (as the issue view's clip.update makes them: putMany of one
 *      clipping) spread over the issues in EDIT_ROUNDS rounds, one drain after each round (the alarm),
 *      a minute of clock between rounds, then drained until empty.
 * After each phase the drafts are read back from WordPress itself (directly, not through the proxy):
 * one draft per issue (by its marker), every clipping's title and current summary exactly once.
 *
 * Minimum requests: "absolute" = one request per issue per state change (a create per issue, then
 * one update per issue changed in a round); "adapter" = what this adapter needs on a fault-free run
 * (users/me + search + create for a first sync; GET post + POST update for an update).
 *
 * "lost" counts a clipping missing from its issue's draft, or there with an older summary ("stale");
 * "duplicated" one found more than once (or in another issue's draft); extra drafts are counted apart.
 *
 * Prints a table and writes bench/results/sync.json, plus bench/results/sync-trace.json: every request
 * and every push of the faulted runs (which fault hit which request, what the next push made of it).
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Clipping, Clipping as ClippingSchema } from '../src/clip/clipping';
import { weekWindow } from '../src/clip/week';
import { type Issue, issueTitle } from '../src/issue/issue';
import { defaultSettings, type Settings } from '../src/settings/settings';
import { ClippingsRepo } from '../src/store/clippings-repo';
import { openClipperDB } from '../src/store/db';
import { IssuesRepo } from '../src/store/issues-repo';
import { SettingsRepo } from '../src/store/settings-repo';
import { OutboxRepo, SyncStateRepo } from '../src/store/sync-repos';
import { type DrainReport, drainOutbox } from '../src/sync/engine';
import { findRegion } from '../src/sync/managed-region';
import type { OutboxEntry } from '../src/sync/outbox-entry';
import type { SyncAdapter } from '../src/sync/adapter';
import { SyncError } from '../src/sync/sync-error';
import { syncErrorWords } from '../src/sync/sync-words';
import { WordPressAdapter } from '../src/sync/wordpress';
import { draftForIssue } from '../src/worker/draft-for-issue';
import { ALL_FAULTS, type FaultProxy, type ProxyLogEntry, seededRandom, startFaultProxy } from '../e2e/servers/fault-proxy';
import { type WordPress, startWordPress } from '../e2e/servers/wordpress';

const here = dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------------------------------------ config
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const ISSUES = 5;
const PER_ISSUE = 200;
const SEED = Number(arg('seed') ?? 20250605);
const FAULT_RATE = Number(arg('rate') ?? 0.2);
const EDITS = Number(arg('edits') ?? 50);
const EDIT_ROUNDS = 10;
const MAX_DRAINS = 200;
/** The adapter's per-request timeout, and the proxy's stall (longer: the client gives up first). */
const TIMEOUT_MS = 4_000;
const STALL_MS = 4_500;
/** The whole bench is killed past this (WordPress and the proxy are stopped first). */
const WATCHDOG_MS = 8 * 60_000;
const RUNS = (arg('runs') ?? 'clean,faulted').split(',').filter((r): r is 'clean' | 'faulted' => r === 'clean' || r === 'faulted');
const FAULT_SEEDS = (arg('seeds') ?? String(SEED)).split(',').map(Number).filter(Number.isFinite);
const JSON_PATH = resolve(arg('json') ?? resolve(here, 'results', 'sync.json'));
/** Every request and every push of the faulted runs, for finding out why something went wrong. */
const TRACE_PATH = JSON_PATH.replace(/\.json$/, '-trace.json');
/** The injected clock's start: a Wednesday, so the open issue's week is well inside the windows. */
const T0 = Date.UTC(2025, 5, 4, 12, 0, 0);

// ------------------------------------------------------------------------------------------- data
const TOPICS = [
  'a retry storm in the CDN',
  'on-call fatigue',
  'error budgets in practice',
  'a DNS outage',
  'canary releases',
  'capacity planning',
  'a full disk at 3 am',
  'load shedding',
];

interface World {
  issues: Issue[];
  clippings: Clipping[];
  /** The summary revision of each clipping (1 when made; each edit adds one). */
  revision: Map<string, number>;
}

function hex(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
}

const titleToken = (id: string) => `Clipping ${id}:`;
const summaryPrefix = (id: string) => `Summary of ${id}, revision `;
const summaryToken = (id: string, revision: number) => `${summaryPrefix(id)}${revision}.`;

function summaryText(id: string, revision: number, rand: () => number): string {
  return `${summaryToken(id, revision)} ${rand() < 0.5 ? 'Worth reading for the timeline.' : 'Note how *small* the fix was.'}`;
}

function makeWorld(settings: Settings): World {
  const rand = seededRandom(SEED);
  const week = 7 * 86_400_000;
  const open = weekWindow(new Date(T0), settings.weekStartsOn, 'UTC');
  // Issues 1-3 closed (the three weeks before), 4 open (this week), 5 planned (next week).
  const issues: Issue[] = Array.from({ length: ISSUES }, (_, i) => {
    const number = i + 1;
    const start = open.start + (i - 3) * week;
    const status = number < 4 ? 'closed' : number === 4 ? 'open' : 'planned';
    return {
      id: `bench-issue-${number}-${hex(rand, 8)}`,
      number,
      title: issueTitle(settings.titleTemplate, { newsletter: settings.newsletterName, number }),
      status,
      start,
      end: start + week,
      sponsor: number % 2 ? `Issue ${number} is sponsored by **Contoso**.` : '',
      createdAt: start,
      updatedAt: T0,
      ...(status === 'closed' ? { closedAt: start + week + 3_600_000 } : {}),
    } satisfies Issue;
  });
  const clippings: Clipping[] = [];
  const revision = new Map<string, number>();
  for (const issue of issues) {
    for (let k = 0; k < PER_ISSUE; k++) {
      const id = `c${issue.number}-${String(k).padStart(3, '0')}-${hex(rand, 10)}`;
      const createdAt = Math.min(T0 - 60_000, issue.start + Math.floor(((issue.end - issue.start) * (k + 0.5)) / PER_ISSUE));
      const url = `https://bench.example/${issue.number}/${id}/`;
      const row: Clipping = {
        url,
        title: `${titleToken(id)} ${TOPICS[Math.floor(rand() * TOPICS.length)]}`,
        authors: rand() < 0.6 ? ['Priya Raman'] : [],
        siteName: 'Bench Weekly',
        publishedTime: new Date(createdAt - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        excerpt: 'An excerpt from the page.',
        lang: 'en',
        quote: rand() < 0.2 ? 'We had tested the failover, but never under load.' : '',
        quoteLink: '',
        summary: summaryText(id, 1, rand),
        section: rand() < 0.3 ? 'outages' : 'articles',
        id,
        urlKey: url.replace(/\/$/, ''),
        origin: 'page',
        sources: { url: 'canonical-link', title: 'opengraph' },
        notes: [],
        createdAt,
        updatedAt: T0,
        issueId: issue.id,
        position: createdAt,
      };
      const parsed = ClippingSchema.parse(row);
      if (JSON.stringify(parsed) !== JSON.stringify(ClippingSchema.parse(parsed))) throw new Error(`clipping ${id} does not round-trip`);
      clippings.push(parsed);
      revision.set(id, 1);
    }
  }
  return { issues, clippings, revision };
}

// ------------------------------------------------------------------------------------- measuring
type RequestKind = 'GET users/me' | 'GET search' | 'POST create' | 'GET post' | 'POST update' | 'other';
const KINDS: RequestKind[] = ['GET users/me', 'GET search', 'POST create', 'GET post', 'POST update', 'other'];

function kindOf(entry: ProxyLogEntry): RequestKind {
  const url = new URL(entry.url, 'http://127.0.0.1');
  if (entry.method === 'GET' && entry.route === '/wp/v2/users/me') return 'GET users/me';
  if (entry.route === '/wp/v2/posts') {
    if (entry.method === 'GET' && url.searchParams.has('search')) return 'GET search';
    if (entry.method === 'POST') return 'POST create';
  }
  if (/^\/wp\/v2\/posts\/\d+$/.test(entry.route)) {
    if (entry.method === 'GET') return 'GET post';
    if (entry.method === 'POST') return 'POST update';
  }
  return 'other';
}

function tally(entries: readonly ProxyLogEntry[]) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<RequestKind, number>;
  const faults: Record<string, number> = {};
  const faultsByKind: Record<string, number> = {};
  const passMs: number[] = [];
  for (const entry of entries) {
    const kind = kindOf(entry);
    byKind[kind] += 1;
    if (entry.fault !== 'pass') {
      faults[entry.fault] = (faults[entry.fault] ?? 0) + 1;
      faultsByKind[`${kind} ← ${entry.fault}`] = (faultsByKind[`${kind} ← ${entry.fault}`] ?? 0) + 1;
    } else if (entry.ms !== undefined) passMs.push(entry.ms);
  }
  passMs.sort((a, b) => a - b);
  const q = (p: number) => (passMs.length ? passMs[Math.min(passMs.length - 1, Math.floor(p * passMs.length))]! : 0);
  return {
    total: entries.length,
    byKind,
    faulted: entries.filter((e) => e.fault !== 'pass').length,
    faults,
    faultsByKind,
    reachedWordPress: entries.filter((e) => e.reachedTarget).length,
    passLatencyMs: { p50: q(0.5), p90: q(0.9), max: passMs.at(-1) ?? 0 },
  };
}

interface Verification {
  /** Posts carrying an issue's marker, per issue number. */
  draftsPerIssue: Record<string, number>;
  extraDrafts: number;
  issuesWithoutDraft: number;
  /** Issues whose managed region is exactly what draftForIssue renders now. */
  regionsCurrent: number;
  expected: number;
  delivered: number;
  lost: number;
  /** Of the lost: the clipping is there, but with an older summary. */
  stale: number;
  duplicated: number;
  /** Found in another issue's draft. */
  misplaced: number;
  examples: string[];
}

interface Post {
  id: number;
  status: string;
  content: { raw: string };
}

async function verify(wp: WordPress, world: World, regionFor: (issueId: string) => Promise<string | undefined>): Promise<Verification> {
  // Read WordPress directly (never through the fault proxy), every status but trash.
  const posts: Post[] = [];
  for (let page = 1; page <= 10; page++) {
    const batch = await wp.restJson<Post[]>(
      `/wp/v2/posts?context=edit&status=draft,pending,private,future,publish&per_page=100&page=${page}`,
      { timeoutMs: 30_000 },
    );
    posts.push(...batch);
    if (batch.length < 100) break;
  }
  const byIssue = new Map<string, Post[]>();
  for (const issue of world.issues)
    byIssue.set(
      issue.id,
      posts.filter((p) => p.content.raw.includes(`newsletter-clipper:managed issue="${issue.id}"`)),
    );
  const result: Verification = {
    draftsPerIssue: {},
    extraDrafts: 0,
    issuesWithoutDraft: 0,
    regionsCurrent: 0,
    expected: world.clippings.length,
    delivered: 0,
    lost: 0,
    stale: 0,
    duplicated: 0,
    misplaced: 0,
    examples: [],
  };
  const note = (text: string) => {
    if (result.examples.length < 8) result.examples.push(text);
  };
  for (const issue of world.issues) {
    const drafts = byIssue.get(issue.id)!;
    result.draftsPerIssue[String(issue.number)] = drafts.length;
    if (drafts.length === 0) result.issuesWithoutDraft += 1;
    if (drafts.length > 1) {
      result.extraDrafts += drafts.length - 1;
      note(`issue ${issue.number}: ${drafts.length} drafts (${drafts.map((d) => d.id).join(', ')})`);
    }
    const want = await regionFor(issue.id);
    if (drafts.length === 1 && want !== undefined && findRegion(drafts[0]!.content.raw)?.text.trim() === want.trim())
      result.regionsCurrent += 1;
  }
  const all = posts.map((p) => p.content.raw).join('\n');
  const count = (text: string, token: string) => text.split(token).length - 1;
  for (const clipping of world.clippings) {
    const own = byIssue
      .get(clipping.issueId!)!
      .map((p) => p.content.raw)
      .join('\n');
    const titles = count(own, titleToken(clipping.id));
    const current = count(own, summaryToken(clipping.id, world.revision.get(clipping.id)!));
    const anySummary = count(own, summaryPrefix(clipping.id));
    const elsewhere = count(all, titleToken(clipping.id)) - titles;
    if (elsewhere > 0) {
      result.misplaced += 1;
      note(`${clipping.id}: also in another issue's draft`);
    }
    if (titles === 1 && current === 1 && anySummary === 1 && elsewhere === 0) result.delivered += 1;
    else if (titles > 1 || anySummary > 1 || elsewhere > 0) {
      result.duplicated += 1;
      note(`${clipping.id}: title ×${titles}, summaries ×${anySummary}`);
    } else {
      result.lost += 1;
      if (titles === 1 && current === 0) {
        result.stale += 1;
        note(`${clipping.id}: stale summary (want revision ${world.revision.get(clipping.id)})`);
      } else note(`${clipping.id}: not in the draft`);
    }
  }
  return result;
}

// ------------------------------------------------------------------------------------------- a run
interface PhaseResult {
  phase: 'initial' | 'edits';
  seconds: number;
  drains: number;
  /** Issue pushes the engine reported, by outcome, over the phase. */
  outcomes: { synced: number; retrying: number; failed: number; conflicts: number };
  requests: ReturnType<typeof tally>;
  minimum: {
    absolute: number;
    adapter: number;
    absoluteByKind: Partial<Record<RequestKind, number>>;
    adapterByKind: Partial<Record<RequestKind, number>>;
  };
  ratio: { absolute: number; adapter: number };
  /** For the editing phase: edits made, and the issue updates they needed (changed issues per round). */
  edits?: { edits: number; rounds: number; issueUpdates: number; requestsPerIssueUpdate: number };
  /** Outbox entries left at the end of the phase (none when the queue finished). */
  outboxLeft: { issue: number; state: string; attempts: number; lastError?: string }[];
  outboxEmpty: boolean;
  verification: Verification;
  /** Errors the engine recorded (lastError of retried entries), by message, first words. */
  errors: Record<string, number>;
  diagnosis: Diagnosis;
}

/**
 * Lost responses, read from the push trace: a write WordPress carried out whose answer the client
 * never got (truncate, non-json, garbage-json, a timeout after the target answered), and what the
 * issue's next push made of it.
 */
interface Diagnosis {
  lostCreateResponses: number;
  /** ... after which the next push found the draft by its marker (no second create). */
  lostCreatesFoundByMarker: number;
  lostUpdateResponses: number;
  /** ... after which the next push of the issue raised a conflict. */
  conflictsAfterLostUpdate: number;
  /** Conflicts in all, and those with no lost update response before them. */
  conflicts: number;
  otherConflicts: number;
}

function diagnose(pushes: readonly PushTrace[]): Diagnosis {
  const d: Diagnosis = {
    lostCreateResponses: 0,
    lostCreatesFoundByMarker: 0,
    lostUpdateResponses: 0,
    conflictsAfterLostUpdate: 0,
    conflicts: 0,
    otherConflicts: 0,
  };
  const lost = (push: PushTrace, kind: RequestKind) =>
    push.requests.some(
      (r) => r.kind === kind && r.reachedTarget && r.targetStatus !== undefined && r.targetStatus < 300 && r.fault !== 'pass',
    );
  pushes.forEach((push, i) => {
    const next = pushes.slice(i + 1).find((p) => p.issue === push.issue);
    if (lost(push, 'POST create')) {
      d.lostCreateResponses += 1;
      const later = pushes.slice(i + 1).filter((p) => p.issue === push.issue);
      if (later.some((p) => p.outcome === 'ok') && !later.some((p) => p.requests.some((r) => r.kind === 'POST create')))
        d.lostCreatesFoundByMarker += 1;
    }
    if (lost(push, 'POST update')) {
      d.lostUpdateResponses += 1;
      if (next?.outcome === 'conflict') d.conflictsAfterLostUpdate += 1;
    }
    if (push.outcome === 'conflict') {
      d.conflicts += 1;
      const before = pushes
        .slice(0, i)
        .filter((p) => p.issue === push.issue)
        .at(-1);
      if (!before || !lost(before, 'POST update')) d.otherConflicts += 1;
    }
  });
  return d;
}

/** One push of one issue, as the engine made it (recorded by a pass-through wrapper around the adapter). */
interface PushTrace {
  phase: PhaseResult['phase'];
  issue: number;
  /** The requests this push made, as the proxy saw them. */
  requests: { seq: number; kind: RequestKind; fault: string; reachedTarget: boolean; targetStatus?: number }[];
  outcome: 'ok' | 'temporary' | 'permanent' | 'conflict' | 'error';
  error?: string;
}

interface RunTrace {
  run: string;
  seed: number;
  pushes: PushTrace[];
  requests: {
    seq: number;
    phase: PhaseResult['phase'];
    kind: RequestKind;
    post?: number;
    fault: string;
    reachedTarget: boolean;
    targetStatus?: number;
    clientStatus?: number;
    ms?: number;
  }[];
}

interface Ctx {
  wp: WordPress;
  proxy: FaultProxy;
  world: World;
  clippings: ClippingsRepo;
  outbox: OutboxRepo;
  deps: Parameters<typeof drainOutbox>[0];
  clock: { now: number };
  issueNumber: Map<string, number>;
  regionFor: (issueId: string) => Promise<string | undefined>;
}

function addOutcomes(total: PhaseResult['outcomes'], report: DrainReport) {
  total.synced += report.synced.length;
  total.retrying += report.retrying.length;
  total.failed += report.failed.length;
  total.conflicts += report.conflicts.length;
}

/** One drain as the alarm brings it, recording the errors it met. */
async function drainOnce(ctx: Ctx, outcomes: PhaseResult['outcomes'], errors: Record<string, number>): Promise<void> {
  const report = await drainOutbox(ctx.deps);
  addOutcomes(outcomes, report);
  for (const issueId of [...report.retrying, ...report.failed, ...report.conflicts]) {
    const entry = await ctx.outbox.get(issueId);
    const key = `${entry?.state ?? '?'}: ${(entry?.lastError ? syncErrorWords(entry.lastError, undefined).message : '?').replace(/\d+/g, 'N').slice(0, 110)}`;
    errors[key] = (errors[key] ?? 0) + 1;
  }
  ctx.clock.now += 1_000; // a drain takes a moment on the clock too
}

/** Drains until the outbox is empty, nothing is pending any more (failed / conflict), or MAX_DRAINS. */
async function drainUntilEmpty(
  ctx: Ctx,
  outcomes: PhaseResult['outcomes'],
  errors: Record<string, number>,
  budget: { drains: number },
): Promise<OutboxEntry[]> {
  while (budget.drains < MAX_DRAINS) {
    const entries = await ctx.outbox.all();
    const pending = entries.filter((e) => e.state === 'pending');
    if (!pending.length) return entries;
    const soonest = Math.min(...pending.map((e) => e.nextAttemptAt));
    if (soonest > ctx.clock.now) ctx.clock.now = soonest; // the alarm's time, without the wait
    await drainOnce(ctx, outcomes, errors);
    budget.drains += 1;
  }
  return ctx.outbox.all();
}

async function finishPhase(
  ctx: Ctx,
  phase: PhaseResult['phase'],
  started: number,
  logStart: number,
  drains: number,
  outcomes: PhaseResult['outcomes'],
  errors: Record<string, number>,
  left: OutboxEntry[],
  minimum: PhaseResult['minimum'],
  pushes: readonly PushTrace[],
  edits?: PhaseResult['edits'],
): Promise<PhaseResult> {
  const seconds = (performance.now() - started) / 1000;
  const requests = tally(ctx.proxy.log.slice(logStart));
  const verification = await verify(ctx.wp, ctx.world, ctx.regionFor);
  return {
    phase,
    seconds,
    drains,
    outcomes,
    requests,
    minimum,
    ratio: { absolute: requests.total / Math.max(1, minimum.absolute), adapter: requests.total / Math.max(1, minimum.adapter) },
    ...(edits ? { edits: { ...edits, requestsPerIssueUpdate: requests.total / Math.max(1, edits.issueUpdates) } } : {}),
    outboxLeft: left.map((e) => ({
      issue: ctx.issueNumber.get(e.issueId) ?? -1,
      state: e.state,
      attempts: e.attempts,
      ...(e.lastError ? { lastError: syncErrorWords(e.lastError, undefined).message } : {}),
    })),
    outboxEmpty: left.length === 0,
    verification,
    errors,
    diagnosis: diagnose(pushes.filter((p) => p.phase === phase)),
  };
}

async function runOne(
  kind: 'clean' | 'faulted',
  seed: number,
  wp: WordPress,
  proxy: FaultProxy,
): Promise<{ result: { run: string; seed: number | null; seconds: number; phases: PhaseResult[] }; trace: RunTrace }> {
  const name = kind === 'clean' ? 'clean' : FAULT_SEEDS.length > 1 ? `faulted#${seed}` : 'faulted';
  await wp.reset();
  proxy.clearFaults();
  proxy.clearLog();
  if (kind === 'faulted') proxy.random({ seed, rate: FAULT_RATE, faults: [...ALL_FAULTS] });

  // The store, as the worker opens it (a fresh database per run).
  const db = await openClipperDB(`bench-sync-${name}-${Date.now()}`);
  const open = () => Promise.resolve(db);
  const repos = {
    clippings: new ClippingsRepo(open),
    issues: new IssuesRepo(open),
    settings: new SettingsRepo(open),
    outbox: new OutboxRepo(open),
    syncStates: new SyncStateRepo(open),
  };
  const settings = await repos.settings.put({ ...defaultSettings(), newsletterName: 'Bench Weekly', timeZone: 'UTC' });
  const world = makeWorld(settings);
  const clock = { now: T0 };
  const wordpress = new WordPressAdapter({ siteUrl: proxy.origin, user: wp.user, appPassword: wp.appPassword }, { timeoutMs: TIMEOUT_MS });
  const issueNumber = new Map(world.issues.map((i) => [i.id, i.number]));
  const trace: RunTrace = { run: name, seed, pushes: [], requests: [] };
  let phase: PhaseResult['phase'] = 'initial';
  // Pass-through: the engine talks to the real adapter; this only notes which requests each push made and how it ended.
  const adapter: SyncAdapter = {
    target: wordpress.target,
    remoteRegion: (issueId, previous) => wordpress.remoteRegion(issueId, previous),
    async push(update, previous, options) {
      const from = proxy.log.length;
      const record = (outcome: PushTrace['outcome'], error?: string) =>
        trace.pushes.push({
          phase,
          issue: issueNumber.get(update.issueId) ?? -1,
          requests: proxy.log.slice(from).map((e) => ({
            seq: e.seq,
            kind: kindOf(e),
            fault: e.fault,
            reachedTarget: e.reachedTarget,
            ...(e.targetStatus !== undefined ? { targetStatus: e.targetStatus } : {}),
          })),
          outcome,
          ...(error ? { error } : {}),
        });
      try {
        const state = await wordpress.push(update, previous, options);
        record('ok');
        return state;
      } catch (error) {
        record(error instanceof SyncError ? error.kind : 'error', error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
  };
  const draftFor = (issueId: string) => draftForIssue(repos, issueId);
  const ctx: Ctx = {
    wp,
    proxy,
    world,
    clippings: repos.clippings,
    outbox: repos.outbox,
    deps: {
      outbox: repos.outbox,
      syncStates: repos.syncStates,
      adapter,
      draftFor,
      now: () => clock.now,
      random: seededRandom(SEED ^ 0x5eed),
    },
    clock,
    issueNumber,
    regionFor: async (issueId) => (await draftFor(issueId))?.region,
  };

  // Fill the store the way the extension writes it: each write makes its issue's outbox entry in the same transaction.
  for (const issue of world.issues) await repos.issues.put(issue);
  for (const issue of world.issues) {
    const rows = world.clippings.filter((c) => c.issueId === issue.id);
    for (let i = 0; i < rows.length; i += 50) await repos.clippings.putMany(rows.slice(i, i + 50));
  }
  const entries = await repos.outbox.all();
  if (entries.length !== ISSUES || entries.some((e) => e.state !== 'pending'))
    throw new Error(`expected ${ISSUES} pending outbox entries, found ${entries.length}`);
  for (const issue of world.issues) {
    const stored = await repos.clippings.listByIssue(issue.id);
    if (stored.length !== PER_ISSUE) throw new Error(`issue ${issue.number} holds ${stored.length} clippings, not ${PER_ISSUE}`);
  }
  process.stderr.write(`[bench] ${name}: store filled (${world.clippings.length} clippings, ${entries.length} outbox entries); syncing…\n`);

  const runStarted = performance.now();
  const phases: PhaseResult[] = [];

  // ---- phase 1: the initial sync
  {
    const started = performance.now();
    const logStart = proxy.log.length;
    const outcomes = { synced: 0, retrying: 0, failed: 0, conflicts: 0 };
    const errors: Record<string, number> = {};
    const budget = { drains: 0 };
    const left = await drainUntilEmpty(ctx, outcomes, errors, budget);
    const minimum = {
      absolute: ISSUES,
      adapter: 3 * ISSUES,
      absoluteByKind: { 'POST create': ISSUES },
      adapterByKind: { 'GET users/me': ISSUES, 'GET search': ISSUES, 'POST create': ISSUES },
    };
    phases.push(await finishPhase(ctx, 'initial', started, logStart, budget.drains, outcomes, errors, left, minimum, trace.pushes));
    process.stderr.write(
      `[bench] ${name}: initial sync done in ${phases[0]!.seconds.toFixed(1)} s (${budget.drains} drains, ${phases[0]!.requests.total} requests)\n`,
    );
  }

  // ---- phase 2: editing while syncing
  if (EDITS > 0) {
    const started = performance.now();
    const logStart = proxy.log.length;
    const outcomes = { synced: 0, retrying: 0, failed: 0, conflicts: 0 };
    const errors: Record<string, number> = {};
    const budget = { drains: 0 };
    phase = 'edits';
    const rand = seededRandom(SEED + 1); // the same edits in every run
    let issueUpdates = 0;
    let made = 0;
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      const inRound = Math.round((EDITS * (round + 1)) / EDIT_ROUNDS) - Math.round((EDITS * round) / EDIT_ROUNDS);
      const touched = new Set<string>();
      for (let e = 0; e < inRound; e++) {
        const target = world.clippings[Math.floor(rand() * world.clippings.length)]!;
        const current = (await repos.clippings.get(target.id))!;
        const revision = world.revision.get(target.id)! + 1;
        clock.now += 1_000 + Math.floor(rand() * 5_000); // the editor types
        // As the issue view's clip.update saves an edit: one clipping, putMany, updatedAt = now.
        await repos.clippings.putMany([{ ...current, summary: summaryText(target.id, revision, rand), updatedAt: clock.now }]);
        world.revision.set(target.id, revision);
        touched.add(target.issueId!);
        made += 1;
      }
      issueUpdates += touched.size;
      // The alarm fires: one drain of whatever is due now (entries in backoff wait for their time).
      if (budget.drains < MAX_DRAINS) {
        await drainOnce(ctx, outcomes, errors);
        budget.drains += 1;
      }
      clock.now += 60_000; // a minute until the next burst of edits
    }
    const left = await drainUntilEmpty(ctx, outcomes, errors, budget);
    const minimum = {
      absolute: issueUpdates,
      adapter: 2 * issueUpdates,
      absoluteByKind: { 'POST update': issueUpdates },
      adapterByKind: { 'GET post': issueUpdates, 'POST update': issueUpdates },
    };
    phases.push(
      await finishPhase(ctx, 'edits', started, logStart, budget.drains, outcomes, errors, left, minimum, trace.pushes, {
        edits: made,
        rounds: EDIT_ROUNDS,
        issueUpdates,
        requestsPerIssueUpdate: 0,
      }),
    );
    process.stderr.write(
      `[bench] ${name}: ${made} edits synced in ${phases[1]!.seconds.toFixed(1)} s (${budget.drains} drains, ${phases[1]!.requests.total} requests)\n`,
    );
  }
  db.close();
  let logPhase: PhaseResult['phase'] = 'initial';
  const editsFrom = phases[1] ? phases[0]!.requests.total : Infinity;
  trace.requests = proxy.log.map((e, i) => {
    if (i >= editsFrom) logPhase = 'edits';
    const post = /^\/wp\/v2\/posts\/(\d+)$/.exec(e.route)?.[1];
    return {
      seq: e.seq,
      phase: logPhase,
      kind: kindOf(e),
      ...(post ? { post: Number(post) } : {}),
      fault: e.fault,
      reachedTarget: e.reachedTarget,
      ...(e.targetStatus !== undefined ? { targetStatus: e.targetStatus } : {}),
      ...(e.clientStatus !== undefined ? { clientStatus: e.clientStatus } : {}),
      ...(e.ms !== undefined ? { ms: e.ms } : {}),
    };
  });
  return { result: { run: name, seed: kind === 'faulted' ? seed : null, seconds: (performance.now() - runStarted) / 1000, phases }, trace };
}

// ------------------------------------------------------------------------------------------- output
function table(runs: { run: string; phases: PhaseResult[] }[]): string {
  const head = [
    'run',
    'phase',
    'time s',
    'drains',
    'requests',
    'min abs',
    'min adapter',
    'ratio abs',
    'ratio adapter',
    'delivered',
    'lost',
    'duplicated',
    'extra drafts',
    'outbox left',
  ];
  const rows = runs.flatMap((r) =>
    r.phases.map((p) => [
      r.run.startsWith('faulted') ? r.run.replace('faulted', `faulted ${Math.round(FAULT_RATE * 100)} %`) : r.run,
      p.phase === 'edits' ? `${p.edits?.edits ?? 0} edits` : 'initial',
      p.seconds.toFixed(1),
      String(p.drains),
      String(p.requests.total),
      String(p.minimum.absolute),
      String(p.minimum.adapter),
      p.ratio.absolute.toFixed(2),
      p.ratio.adapter.toFixed(2),
      `${p.verification.delivered}/${p.verification.expected}`,
      p.verification.stale ? `${p.verification.lost} (${p.verification.stale} stale)` : String(p.verification.lost),
      String(p.verification.duplicated),
      String(p.verification.extraDrafts),
      p.outboxLeft.length ? p.outboxLeft.map((e) => `#${e.issue} ${e.state}`).join(' ') : '0',
    ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Which code was measured: the commit, and the sync code's files changed since (read-only git calls). */
function codeVersion(): { commit: string; uncommittedSyncFiles: string[] } {
  const git = (...args: string[]) =>
    (spawnSync('git', args, { cwd: resolve(here, '..'), encoding: 'utf8', timeout: 10_000 }).stdout ?? '').replace(/\s+$/, '');
  const changed = git('status', '--porcelain', '--', 'src/sync', 'src/store', 'src/worker/draft-for-issue.ts');
  return { commit: git('rev-parse', 'HEAD'), uncommittedSyncFiles: changed ? changed.split('\n').map((line) => line.slice(3)) : [] };
}

// --------------------------------------------------------------------------------------------- main
async function main(): Promise<void> {
  let wp: WordPress | undefined;
  let proxy: FaultProxy | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await proxy?.close().catch(() => {});
      await wp?.stop().catch(() => {});
    })());
  const watchdog = setTimeout(() => {
    process.stderr.write(`[bench] gave up after ${WATCHDOG_MS / 1000} s\n`);
    void cleanup().finally(() => process.exit(2));
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  const benchStarted = performance.now();
  try {
    wp = await startWordPress({ log: (line) => process.stderr.write(`${line}\n`) });
    process.stderr.write(`[bench] WordPress ${wp.version} at ${wp.url} (started in ${(wp.startMs / 1000).toFixed(1)} s)\n`);
    proxy = await startFaultProxy({ target: wp.url, stallMs: STALL_MS, maxStallMs: STALL_MS, maxRequests: 5_000 });

    const runs = [];
    const traces: RunTrace[] = [];
    for (const kind of RUNS) {
      for (const seed of kind === 'faulted' ? FAULT_SEEDS : [SEED]) {
        const { result, trace } = await runOne(kind, seed, wp, proxy);
        runs.push(result);
        traces.push(trace);
      }
    }

    const result = {
      benchmark: 'sync',
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: process.platform,
      },
      wordpress: { version: wp.version, startSeconds: wp.startMs / 1000 },
      code: codeVersion(),
      config: {
        issues: ISSUES,
        clippingsPerIssue: PER_ISSUE,
        clippings: ISSUES * PER_ISSUE,
        issueStatuses: 'closed ×3, open ×1, planned ×1',
        edits: EDITS,
        editRounds: EDIT_ROUNDS,
        seed: SEED,
        faultSeeds: FAULT_SEEDS,
        faultRate: FAULT_RATE,
        faults: [...ALL_FAULTS],
        stallMs: STALL_MS,
        adapterTimeoutMs: TIMEOUT_MS,
        maxDrains: MAX_DRAINS,
        minimum: {
          absolute: 'one request per issue per state change: a create per issue, then one update per issue changed in a round',
          adapter:
            'this adapter on a fault-free run: GET users/me + GET search + POST create per new draft; GET post + POST update per update',
        },
      },
      runs,
      totalSeconds: (performance.now() - benchStarted) / 1000,
    };
    console.log(table(runs));
    console.log('');
    for (const r of runs) {
      for (const p of r.phases) {
        const kinds = KINDS.filter((k) => p.requests.byKind[k])
          .map((k) => `${k} ${p.requests.byKind[k]}`)
          .join(', ');
        console.log(
          `${r.run}/${p.phase}: ${kinds}; faulted ${p.requests.faulted} (${
            Object.entries(p.requests.faults)
              .map(([f, n]) => `${f} ${n}`)
              .join(', ') || 'none'
          }); engine: synced ${p.outcomes.synced}, retrying ${p.outcomes.retrying}, failed ${p.outcomes.failed}, conflicts ${p.outcomes.conflicts}; regions current ${p.verification.regionsCurrent}/${ISSUES}${p.edits ? `; ${p.edits.issueUpdates} issue updates for ${p.edits.edits} edits, ${p.edits.requestsPerIssueUpdate.toFixed(2)} requests per issue update` : ''}`,
        );
        for (const [error, n] of Object.entries(p.errors)) console.log(`    ${n}× ${error}`);
        const d = p.diagnosis;
        if (d.lostCreateResponses || d.lostUpdateResponses || d.conflicts)
          console.log(
            `    lost responses: ${d.lostCreateResponses} create (${d.lostCreatesFoundByMarker} found by marker, no second post), ${d.lostUpdateResponses} update (${d.conflictsAfterLostUpdate} followed by a conflict); conflicts ${d.conflicts}, ${d.otherConflicts} without a lost update before`,
          );
        for (const example of p.verification.examples) console.log(`    ! ${example}`);
      }
    }
    mkdirSync(dirname(JSON_PATH), { recursive: true });
    writeFileSync(JSON_PATH, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(TRACE_PATH, `${JSON.stringify(traces.filter((t) => t.run !== 'clean'))}\n`);
    console.log('');
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `\nwritten to ${JSON_PATH}, the faulted runs' request and push trace to ${TRACE_PATH} (${result.totalSeconds.toFixed(1)} s in all)`,
    );
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
