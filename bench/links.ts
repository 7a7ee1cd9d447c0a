/**
 * Link-check benchmark (issue 12): a planted issue of 200 links over 20 local hosts (distinct ports on
 * 127.0.0.1, each a copy of e2e/servers/link-server.ts) with realistic delays and every fault kind,
 * checked by the product's own runner (src/check/links/link-runner.ts) with Node's real fetch, first as
 * the extension runs it (a few per host, a global limit), then one by one (the same requests in
 * sequence: one link at a time), and each verdict compared with the planted truth.
 *
 *   npx tsx bench/links.ts            (npm run bench:links)
 *   options: --seed N   --json PATH
 *
 * Prints a table and writes bench/results/links.json: checked, correct, wrong (classification against
 * the planted truth), falseBroken (a fine or couldn't-verify link called broken), wallMs, oneByOneMs and
 * their ratio. Targets: wrong 0, falseBroken 0, wall at most 1/5 of one-by-one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LinkServer, closedPort, startLinkServer } from '../e2e/servers/link-server';
import { seededRandom } from '../e2e/servers/fault-proxy';
import { cleanUrl } from '../src/clip/url-key';
import { type LinkCheckDeps, timerSleep } from '../src/check/links/check-link';
import { DEFAULT_RUN_LIMITS, type LinkRunLimits, runLinkCheck } from '../src/check/links/link-runner';
import type { LinkVerdict, LinkVerdictKind } from '../src/check/links/link-verdict';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SEED = Number(arg('seed') ?? 12);
const JSON_PATH = resolve(ROOT, arg('json') ?? 'bench/results/links.json');
const HOSTS = 20;
const LINKS = 200;

interface Planted {
  url: string;
  truth: LinkVerdictKind;
  /** For moved links: the address the fix must offer. */
  to?: string;
}

/** The mix of an issue's links: mostly fine, and every fault the check must name (weights out of 100). */
const KINDS: { weight: number; plant: (origin: string, n: number) => Omit<Planted, 'url'> & { path: string } }[] = [
  { weight: 48, plant: (_, n) => ({ path: `/ok/story-${n}`, truth: 'fine' }) },
  { weight: 4, plant: (_, n) => ({ path: `/temp/story-${n}`, truth: 'fine' }) },
  { weight: 4, plant: (_, n) => ({ path: `/no-head/story-${n}`, truth: 'fine' }) },
  { weight: 3, plant: (_, n) => ({ path: `/head-403/story-${n}`, truth: 'fine' }) },
  { weight: 2, plant: (_, n) => ({ path: `/head-501/story-${n}`, truth: 'fine' }) },
  { weight: 2, plant: (_, n) => ({ path: `/rate/story-${n}?after=1`, truth: 'fine' }) },
  { weight: 6, plant: (o, n) => ({ path: `/moved/${1 + (n % 3)}/story-${n}`, truth: 'moved', to: `${o}/ok/story-${n}` }) },
  { weight: 3, plant: (o, n) => ({ path: `/perm308/story-${n}`, truth: 'moved', to: `${o}/ok/story-${n}` }) },
  { weight: 5, plant: (_, n) => ({ path: `/missing/story-${n}`, truth: 'broken' }) },
  { weight: 3, plant: (_, n) => ({ path: `/gone/story-${n}`, truth: 'broken' }) },
  { weight: 2, plant: (_, n) => ({ path: `/reset/story-${n}`, truth: 'broken' }) },
  { weight: 1, plant: () => ({ path: `/loop/a`, truth: 'broken' }) },
  { weight: 1, plant: (_, n) => ({ path: `/stall/story-${n}`, truth: 'broken' }) },
  { weight: 3, plant: (_, n) => ({ path: `/forbidden/story-${n}`, truth: 'unverified' }) },
  { weight: 2, plant: (_, n) => ({ path: `/login/story-${n}`, truth: 'unverified' }) },
  { weight: 2, plant: (_, n) => ({ path: `/bot/story-${n}`, truth: 'unverified' }) },
  { weight: 1, plant: (_, n) => ({ path: `/captcha/story-${n}`, truth: 'unverified' }) },
  { weight: 1, plant: (_, n) => ({ path: `/rate-long/story-${n}`, truth: 'unverified' }) },
  { weight: 2, plant: (_, n) => ({ path: `/error/story-${n}`, truth: 'unverified' }) },
  { weight: 3, plant: (_, n) => ({ path: `/soft/story-${n}`, truth: 'soft-404' }) },
  { weight: 2, plant: (_, n) => ({ path: `/home/story-${n}`, truth: 'soft-404' }) },
];

function withDelay(path: string, delay: number): string {
  return `${path}${path.includes('?') ? '&' : '?'}delay=${delay}`;
}

function plantIssue(servers: LinkServer[], refusedPort: number, random: () => number): Planted[] {
  const total = KINDS.reduce((sum, k) => sum + k.weight, 0);
  const planted: Planted[] = [];
  // Each host has its own typical latency (a fast CDN, a slow blog): 20–250 ms, ±30 % per request.
  const latency = servers.map(() => 20 + Math.round(random() * 230));
  for (let n = 0; planted.length < LINKS; n++) {
    if (n === 7 || n === 123) {
      planted.push({ url: `http://127.0.0.1:${refusedPort}/story-${n}`, truth: 'broken' });
      continue;
    }
    const host = Math.floor(random() * servers.length);
    const origin = servers[host]!.origin;
    let pick = random() * total;
    const kind = KINDS.find((k) => (pick -= k.weight) < 0) ?? KINDS[0]!;
    const { path, truth, to } = kind.plant(origin, n);
    // A loop is one address per host; plant it once per host.
    if (path === '/loop/a' && planted.some((p) => p.url.startsWith(`${origin}/loop/`))) continue;
    const delay = Math.round(latency[host]! * (0.7 + random() * 0.6));
    const url = path.startsWith('/loop/') || path.startsWith('/stall/') ? `${origin}${path}` : `${origin}${withDelay(path, delay)}`;
    planted.push({ url, truth, ...(to ? { to: cleanUrl(`${to}${to.includes('?') ? '&' : '?'}delay=${delay}`) } : {}) });
  }
  return planted;
}

const deps: LinkCheckDeps = { fetch: (url, init) => fetch(url, init), sleep: timerSleep, now: () => Date.now() };

/** The bench's bounds: a shorter per-request timeout than the extension's 10 s, to keep the stalls short. */
const LIMITS: Partial<LinkRunLimits> = { timeoutMs: 3_000, retryDelayMs: 500 };

async function run(planted: Planted[], limits: Partial<LinkRunLimits>): Promise<{ ms: number; verdicts: Map<string, LinkVerdict> }> {
  const started = performance.now();
  const verdicts = await runLinkCheck(
    planted.map((p) => p.url),
    deps,
    { limits: { ...LIMITS, ...limits } },
  );
  return { ms: Math.round(performance.now() - started), verdicts };
}

function score(planted: Planted[], verdicts: Map<string, LinkVerdict>) {
  let correct = 0;
  let falseBroken = 0;
  const mistakes: { url: string; truth: string; got: string }[] = [];
  for (const p of planted) {
    const v = verdicts.get(p.url);
    const right = v?.kind === p.truth && (p.truth !== 'moved' || (v.kind === 'moved' && v.to === p.to));
    if (right) correct++;
    else
      mistakes.push({
        url: p.url,
        truth: p.truth,
        got: v ? `${v.kind}${'reason' in v ? ` (${v.reason})` : ''}${v.kind === 'moved' ? ` → ${v.to}` : ''}` : 'none',
      });
    if (v?.kind === 'broken' && (p.truth === 'fine' || p.truth === 'unverified')) falseBroken++;
  }
  return { correct, wrong: planted.length - correct, falseBroken, mistakes };
}

async function main() {
  const servers = await Promise.all(Array.from({ length: HOSTS }, () => startLinkServer()));
  try {
    const refusedPort = await closedPort();
    const planted = plantIssue(servers, refusedPort, seededRandom(SEED));
    const byTruth = Object.fromEntries(
      ['fine', 'moved', 'broken', 'unverified', 'soft-404'].map((k) => [k, planted.filter((p) => p.truth === k).length]),
    );

    const parallel = await run(planted, {});
    // The 429-once routes answer 429 again to the second run.
    for (const server of servers) server.reset();
    const oneByOne = await run(planted, { concurrency: 1, perHost: 1 });

    const p = score(planted, parallel.verdicts);
    const s = score(planted, oneByOne.verdicts);
    const ratio = Number((parallel.ms / oneByOne.ms).toFixed(3));
    const summary = {
      bench: 'links',
      seed: SEED,
      machine: { cpus: cpus().length, node: process.version },
      links: planted.length,
      hosts: HOSTS,
      planted: byTruth,
      limits: { ...DEFAULT_RUN_LIMITS, ...LIMITS },
      checked: parallel.verdicts.size,
      correct: p.correct,
      wrong: p.wrong,
      falseBroken: p.falseBroken,
      wallMs: parallel.ms,
      oneByOneMs: oneByOne.ms,
      ratio,
      oneByOne: { correct: s.correct, wrong: s.wrong, falseBroken: s.falseBroken },
      mistakes: p.mistakes,
      targets: { wrong: 0, falseBroken: 0, ratioAtMost: 0.2 },
      met: p.wrong === 0 && p.falseBroken === 0 && ratio <= 0.2,
    };
    console.log('link check: 200 planted links over 20 local hosts');
    console.table({
      parallel: { checked: parallel.verdicts.size, correct: p.correct, wrong: p.wrong, falseBroken: p.falseBroken, ms: parallel.ms },
      'one by one': { checked: oneByOne.verdicts.size, correct: s.correct, wrong: s.wrong, falseBroken: s.falseBroken, ms: oneByOne.ms },
    });
    console.log(`wall / one-by-one = ${ratio} (target ≤ 0.2)`);
    for (const m of p.mistakes) console.log(`  wrong: ${m.url}: planted ${m.truth}, got ${m.got}`);
    mkdirSync(dirname(JSON_PATH), { recursive: true });
    writeFileSync(JSON_PATH, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`wrote ${JSON_PATH}`);
    if (!summary.met) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

await main();
