/**
 * Feed import benchmark (issue 13): a 1,000-item feed served by a local server on 127.0.0.1, imported by the
 * worker's own poll (pollSources through the sources.checkNow handler: the real feedSource, parse-feed, the
 * filing transaction of SourcesRepo) into fake-indexeddb; then polled again with 50 new items, then once
 * more unchanged, which must be a 304 answered without parsing (parser calls are counted).
 *
 *   npx tsx bench/feeds.ts        (npm run bench:feeds)
 *   options: --runs N (default 3; fresh database and server state each run)   --json PATH
 *
 * Checks, per run, against what the feed offered: `duplicates` = feed clippings beyond one per address,
 * `lost` = offered items with no clipping. Targets: both 0, and 0 parser calls on the unchanged poll.
 * Prints a table with each poll's time and its ratio to the full import, and writes bench/results/feeds.json.
 */
import '../test/i18n-setup';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, makeRepos } from '../test/fixtures';
import { makeFeedDeps } from '../test/feed-deps';
import { type GeneratedItem, rssOf, serveGeneratedFeeds } from '../test/feeds/generated-feed-server';
import { urlKey } from '../src/clip/url-key';
import { parseFeed } from '../src/feeds/parse-feed';
import { createHandlers } from '../src/worker/handlers';
import type { HandlerDeps } from '../src/worker/handler-deps';
import { offlineSyncDeps } from '../src/worker/offline-sync-deps';
import { median, round } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Math.max(1, Math.min(20, Number(arg('runs') ?? 3)));
const JSON_PATH = resolve(arg('json') ?? resolve(here, 'results', 'feeds.json'));
const FIRST = 1000;
const ADDED = 50;

const numbered = (from: number, to: number): GeneratedItem[] => Array.from({ length: to - from + 1 }, (_, i) => ({ n: from + i }));

interface Poll {
  ms: number;
  filed: number;
  parserCalls: number;
  notModified: number;
}

interface Run {
  polls: { full: Poll; fifty: Poll; unchanged: Poll };
  imported: number;
  duplicates: number;
  lost: number;
  ledger: number;
}

async function run(index: number): Promise<Run> {
  const server = await serveGeneratedFeeds();
  const fresh = await freshDatabase(`bench-feeds-${index}`);
  try {
    let parserCalls = 0;
    const feeds = makeFeedDeps({ granted: [server.origin] });
    feeds.parse = (input) => {
      parserCalls += 1;
      return parseFeed(input);
    };
    const unused = (): never => {
      throw new Error('not used by the feed bench');
    };
    const deps: HandlerDeps = {
      ...makeRepos(fresh.open),
      sync: offlineSyncDeps(),
      feeds,
      resolveTab: unused,
      openTab: unused,
      captureTab: unused,
      readLinkText: unused,
      confirmLinkClip: unused,
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    };
    const handlers = createHandlers(deps);
    const path = '/starred.xml';
    server.set(path, numbered(1, FIRST));
    await handlers['sources.save'](
      {
        kind: 'feed',
        address: `${server.origin}${path}`,
        name: 'Bench',
        section: null,
        unstarAfterFiling: false,
        enabled: true,
        user: '',
        password: '',
      },
      {},
    );
    const poll = async (): Promise<Poll> => {
      const calls = parserCalls;
      const notModified = server.hits(path).notModified;
      const started = performance.now();
      const { filed } = await handlers['sources.checkNow']({}, {});
      return {
        ms: performance.now() - started,
        filed,
        parserCalls: parserCalls - calls,
        notModified: server.hits(path).notModified - notModified,
      };
    };
    const full = await poll();
    server.set(path, numbered(1, FIRST + ADDED));
    const fifty = await poll();
    const unchanged = await poll();

    const clippings = (await deps.clippings.listAll()).filter((c) => !c.deletedAt && c.origin === 'feed');
    const keys = new Set(clippings.map((c) => c.urlKey));
    const offered = numbered(1, FIRST + ADDED).map((item) => urlKey(`${server.origin}/posts/${item.n}`));
    return {
      polls: { full, fifty, unchanged },
      imported: clippings.length,
      duplicates: clippings.length - keys.size,
      lost: offered.filter((key) => !keys.has(key)).length,
      ledger: (await fresh.db.getAll('imported')).length,
    };
  } finally {
    fresh.close();
    await server.close();
  }
}

/** The parser alone on the same 1,000-item body, for the share of the full import it takes. */
function parseOnly(): number[] {
  const origin = 'http://127.0.0.1:1';
  const body = new TextEncoder().encode(rssOf('Bench', origin, numbered(1, FIRST)));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    parseFeed({ body, contentType: 'application/rss+xml', url: `${origin}/starred.xml`, now: Date.now() });
    times.push(performance.now() - started);
  }
  return times;
}

const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await run(i));
const parseMs = parseOnly();

const times = (pick: (r: Run) => Poll) => runs.map((r) => round(pick(r).ms));
const full = median(runs.map((r) => r.polls.full.ms));
const row = (name: string, pick: (r: Run) => Poll) => {
  const ms = median(runs.map((r) => pick(r).ms));
  const last = pick(runs.at(-1)!);
  return {
    poll: name,
    'median ms': round(ms),
    'vs full import': `${round(ms / full, 3)}×`,
    filed: last.filed,
    'parser calls': last.parserCalls,
    '304s': last.notModified,
  };
};
console.table([
  row(`full import (${FIRST} items)`, (r) => r.polls.full),
  row(`${ADDED} new items`, (r) => r.polls.fifty),
  row('unchanged', (r) => r.polls.unchanged),
]);
console.log(
  `parse-feed alone on the ${FIRST}-item body: median ${round(median(parseMs))} ms (${round((median(parseMs) / full) * 100)} % of the full import)`,
);

const worst = (pick: (r: Run) => number) => Math.max(...runs.map(pick));
const summary = {
  benchmark: 'feeds',
  date: new Date().toISOString(),
  runs: RUNS,
  feed: { first: FIRST, added: ADDED },
  imported: runs.at(-1)!.imported,
  duplicates: worst((r) => r.duplicates),
  lost: worst((r) => r.lost),
  ledgerRows: runs.at(-1)!.ledger,
  parserCalls: {
    full: runs.at(-1)!.polls.full.parserCalls,
    fifty: runs.at(-1)!.polls.fifty.parserCalls,
    unchanged: worst((r) => r.polls.unchanged.parserCalls),
  },
  unchangedAnswered304: runs.every((r) => r.polls.unchanged.notModified === 1),
  timingsMs: {
    fullImport: { median: round(full), runs: times((r) => r.polls.full) },
    fiftyNew: { median: round(median(runs.map((r) => r.polls.fifty.ms))), runs: times((r) => r.polls.fifty) },
    unchanged: { median: round(median(runs.map((r) => r.polls.unchanged.ms))), runs: times((r) => r.polls.unchanged) },
    parseOnly: { median: round(median(parseMs)), runs: parseMs.map((ms) => round(ms)) },
  },
  ratios: {
    fiftyNewVsFull: round(median(runs.map((r) => r.polls.fifty.ms)) / full, 3),
    unchangedVsFull: round(median(runs.map((r) => r.polls.unchanged.ms)) / full, 4),
  },
  targets: { duplicates: 0, lost: 0, unchangedParserCalls: 0 },
};
const met = summary.duplicates === 0 && summary.lost === 0 && summary.parserCalls.unchanged === 0 && summary.unchangedAnswered304;
console.log(
  `imported ${summary.imported}, duplicates ${summary.duplicates}, lost ${summary.lost}, unchanged poll: ${summary.parserCalls.unchanged} parser calls, 304: ${summary.unchangedAnswered304} → ${met ? 'targets met' : 'TARGETS MISSED'}`,
);
mkdirSync(dirname(JSON_PATH), { recursive: true });
writeFileSync(JSON_PATH, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`wrote ${JSON_PATH}`);
if (!met) process.exitCode = 1;
