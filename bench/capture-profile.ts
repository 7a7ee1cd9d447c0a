/**
 * Where the cold capture's time goes: Chromium's CPU profile (CDP Profiler, 50 µs sampling) of the
 * first `capturePage()` call on fresh pages of the shared corpora, loaded as bench/capture.ts loads
 * them (the page's own scripts off, every other request answered empty). The capture script is an
 * unminified build of src/capture/content.ts (same code as dist/capture.js, readable function names).
 * Per page: a fresh tab, the script evaluated (timed apart: parse and top-level run), then the
 * profiled first call, then a second (warm) call, unprofiled. Self time is summed per function
 * over all pages.
 *
 *   npx tsx bench/capture-profile.ts DIR [DIR…] [--pages N] [--label NAME] [--interval µs] [--per-page]
 *
 * Prints the top functions and writes bench/results/capture-profile-NAME.json.
 */
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { buildClassicScript } from './classic-script';
import { median, quantile, round } from './stats';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { pages: { type: 'string' }, label: { type: 'string' }, 'per-page': { type: 'boolean' }, interval: { type: 'string' } },
});
if (!positionals.length) throw new Error('usage: tsx bench/capture-profile.ts DIR [DIR…] [--pages N] [--label NAME]');
const pagesPerCorpus = Math.min(200, Math.max(1, Number(values.pages ?? 20)));
const label = values.label ?? 'now';
/** Sampling interval of the CPU profile, µs. */
const samplingUs = Math.max(10, Number(values.interval ?? 50));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The capture script unminified, so the profile names functions. */
const readableScript = () =>
  buildClassicScript(root, {
    entry: 'src/capture/content.ts',
    name: 'NewsletterClipperCapture',
    dirName: 'newsletter-clipper-capture-profile',
    minify: false,
    target: 'chrome116',
  });

function casesOf(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((d) => existsSync(join(d, 'source.html')) && existsSync(join(d, 'meta.json')))
    .slice(0, pagesPerCorpus);
}

const script = await readableScript();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const self = new Map<string, number>();
const evalMs: number[] = [];
const coldMs: number[] = [];
const warmMs: number[] = [];
let totalSampled = 0;
try {
  for (const dir of positionals) {
    for (const caseDir of casesOf(dir)) {
      const { pageUrl } = JSON.parse(readFileSync(join(caseDir, 'meta.json'), 'utf8')) as { pageUrl: string };
      const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true, serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) =>
          route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()
            ? route.fulfill({
                status: 200,
                headers: { 'content-type': 'text/html; charset=utf-8' },
                body: readFileSync(join(caseDir, 'source.html')),
              })
            : route.fulfill({ status: 200, headers: { 'content-type': 'text/plain' }, body: '' }),
        );
        await page.goto(pageUrl, { waitUntil: 'load', timeout: 20_000 });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: samplingUs });
        // The script's evaluation (parse and top-level run) is timed apart from the profiled first call.
        evalMs.push(
          await page.evaluate<number>(
            `((s) => { const t = performance.now(); (0, eval)(s); return performance.now() - t; })(${JSON.stringify(script)})`,
          ),
        );
        await cdp.send('Profiler.start');
        const cold = await page.evaluate(
          `(() => { const t = performance.now(); globalThis.__newsletterClipper.capturePage(); return performance.now() - t; })()`,
        );
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
        const warm = await page.evaluate(
          `(() => { const t = performance.now(); globalThis.__newsletterClipper.capturePage(); return performance.now() - t; })()`,
        );
        coldMs.push(cold as number);
        warmMs.push(warm as number);
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const pageSelf = new Map<string, number>();
        profile.samples.forEach((id, i) => {
          const node = byId.get(id)!;
          const f = node.callFrame;
          // The capture script is evaluated from a string (no url): its functions are named with their line in the unminified build.
          const key = `${f.functionName || '(anonymous)'} :${f.lineNumber + 1}`;
          const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
          self.set(key, (self.get(key) ?? 0) + dt);
          pageSelf.set(key, (pageSelf.get(key) ?? 0) + dt);
          totalSampled += dt;
        });
        if (values['per-page'])
          console.log(
            [...pageSelf.entries()]
              .filter(([name]) => name !== '(idle) :0')
              .sort((a, b) => b[1] - a[1])
              .slice(0, 8)
              .map(([name, ms]) => `  ${ms.toFixed(1)} ms ${name}`)
              .join('\n'),
          );
        console.log(
          `${basename(dir)}/${basename(caseDir)}: eval ${(evalMs.at(-1) ?? NaN).toFixed(1)} ms, cold ${(cold as number).toFixed(1)} ms, warm ${(warm as number).toFixed(1)} ms`,
        );
      } catch (error) {
        console.log(`${basename(caseDir)}: skipped (${String(error).split('\n')[0]})`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}

const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
const result = {
  label,
  date: new Date().toISOString(),
  pages: coldMs.length,
  corpora: positionals.map((d) => basename(resolve(d))),
  scriptEvalMsMedian: round(median(evalMs.filter(Number.isFinite)), 2),
  coldMsMedian: round(median(coldMs), 2),
  coldMsP95: round(quantile(coldMs, 0.95), 2),
  warmMsMedian: round(median(warmMs), 2),
  sampledMsTotal: round(totalSampled, 1),
  selfMsByFunction: top.map(([name, ms]) => ({ name, ms: round(ms, 1), share: round(ms / totalSampled, 3) })),
};
console.log(
  `\n${result.pages} pages: script evaluation ${result.scriptEvalMsMedian} ms, cold capture ${result.coldMsMedian} ms (p95 ${result.coldMsP95}), warm ${result.warmMsMedian} ms (medians)`,
);
console.log(`self time in the profiled cold calls (${result.sampledMsTotal} ms sampled in all):`);
for (const row of result.selfMsByFunction)
  console.log(`${row.ms.toFixed(1).padStart(8)} ms ${(row.share * 100).toFixed(1).padStart(5)} %  ${row.name}`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', `capture-profile-${label}.json`), `${JSON.stringify(result, null, 2)}\n`);
