/**
 * Profiling aid for the capture benchmark: loads a few corpus pages exactly as bench/capture.ts
 * does and times pieces of work inside the page on a cold first call.
 *   npx tsx bench/capture-probe.ts DIR [N] 'js expression to time first' ...
 * Environment: SCRIPT (another build to load), CHROMIUM_ARGS (extra browser flags, e.g. `--js-flags=--no-lazy`).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, n = '20', ...probes] = process.argv.slice(2);
const script = readFileSync(process.env.SCRIPT ?? join(root, 'dist', 'capture.js'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...(process.env.CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? [])],
});
const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true, serviceWorkers: 'block' });
const page = await context.newPage();
let current = '';
await page.route('**/*', (route) =>
  route.request().isNavigationRequest() && route.request().frame() === page.mainFrame() && current
    ? route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: readFileSync(join(current, 'source.html')),
      })
    : route.fulfill({ status: 200, headers: { 'content-type': 'text/plain' }, body: '' }),
);
const rows: number[][] = [];
for (const name of readdirSync(dir!).sort().slice(0, Number(n))) {
  const caseDir = join(dir!, name);
  if (!existsSync(join(caseDir, 'meta.json'))) continue;
  current = caseDir;
  const { pageUrl } = JSON.parse(readFileSync(join(caseDir, 'meta.json'), 'utf8')) as { pageUrl: string };
  await page.goto(pageUrl, { waitUntil: 'load' });
  const times = await page.evaluate<number[]>(`((probes, source) => {
    const out = [];
    (0, eval)(source);
    for (const p of probes) { const t = performance.now(); (0, eval)(p); out.push(performance.now() - t); }
    let t = performance.now(); globalThis.__newsletterClipper.capturePage(); out.push(performance.now() - t);
    t = performance.now(); globalThis.__newsletterClipper.capturePage(); out.push(performance.now() - t);
    return out;
  })(${JSON.stringify(probes)}, ${JSON.stringify(script)})`);
  rows.push(times);
  console.log(name.padEnd(40), times.map((t) => t.toFixed(1).padStart(7)).join(''));
  await page.goto('about:blank');
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  'median'.padEnd(40),
  rows[0]!
    .map((_, i) =>
      median(rows.map((r) => r[i]!))
        .toFixed(1)
        .padStart(7),
    )
    .join(''),
);
await browser.close();
