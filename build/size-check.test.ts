import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * scripts/size-check.mjs against a fake release build in a temporary folder: it must pass below
 * the budgets and fail, naming the file, its size and its budget, above them. Random bytes do not
 * compress, so a file of N random bytes is about N bytes gzipped.
 */
const SCRIPT = resolve(import.meta.dirname, '../scripts/size-check.mjs');
const CAPTURE_BUDGET = 10_240;

let root: string;

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A "script" of `code` around `bytes` random bytes, which gzip cannot shrink. */
const padded = (code: string, bytes: number) => Buffer.concat([Buffer.from(`${code}/*`), randomBytes(bytes), Buffer.from('*/')]);

/** A release build with a worker, popup, options page and desk; the popup's chunk imports a shared one. */
function fakeBuild(dir: string, sizes: { capture: number; popup: number }): void {
  write(
    `${dir}/manifest.json`,
    JSON.stringify({
      background: { service_worker: 'service-worker-loader.js' },
      action: { default_popup: 'popup/index.html' },
      options_ui: { page: 'options/index.html' },
    }),
  );
  write(`${dir}/service-worker-loader.js`, "import './assets/index.ts-abc.js';\n");
  write(`${dir}/assets/index.ts-abc.js`, 'console.log(1);');
  for (const page of ['popup', 'options', 'issue'])
    write(`${dir}/${page}/index.html`, `<script type="module" crossorigin src="/assets/${page}-x1.js"></script>`);
  write(`${dir}/assets/popup-x1.js`, padded('import{a}from"./shared-x2.js";', sizes.popup));
  write(`${dir}/assets/shared-x2.js`, 'export const a=1;');
  write(`${dir}/assets/options-x1.js`, 'console.log(2);');
  write(`${dir}/assets/issue-x1.js`, 'console.log(3);');
  write(`${dir}/capture.js`, padded('(function(){})();', sizes.capture));
}

/** Baselines as if the popup had weighed `popupBaseline` bytes gzipped. */
function budget(popupBaseline: number): void {
  const small = { worker: 200, options: 200, desk: 200 };
  write(
    'build/size-budget.json',
    JSON.stringify({
      builds: ['dist'],
      captureMaxGzip: CAPTURE_BUDGET,
      tolerance: 0.1,
      baselines: { dist: { ...small, popup: popupBaseline } },
    }),
  );
}

function run(): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('scripts/size-check.mjs', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'size-check-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('passes and prints a table when every entry is within its budget', () => {
    fakeBuild('dist', { capture: 9_000, popup: 3_000 });
    budget(3_200);
    const { status, out } = run();
    expect(out).toMatch(/dist\s+capture\s+1\s+[\d,]+\s+9,\d{3}\s+10,240\s+ok/);
    expect(out).toMatch(/dist\s+popup\s+2\s/);
    expect(out).toContain('within budget');
    expect(status).toBe(0);
  });

  it('fails when capture.js is over 10,240 B gzipped, naming the file, its size and its budget', () => {
    fakeBuild('dist', { capture: 11_000, popup: 3_000 });
    budget(3_200);
    const { status, out } = run();
    expect(status).toBe(1);
    expect(out).toMatch(/dist\/capture\.js is 11,\d{3} B gzipped, over its budget of 10,240 B/);
  });

  it('fails when the popup grows more than 10 % over its baseline (its imported chunks count too)', () => {
    fakeBuild('dist', { capture: 9_000, popup: 4_000 });
    // 4,000 random bytes and the shared chunk are ~4,070 B gzipped: over 3,600 × 1.1 = 3,960, under 3,800 × 1.1 = 4,180.
    budget(3_600);
    const over = run();
    expect(over.status).toBe(1);
    expect(over.out).toMatch(
      /dist: the popup's JavaScript \(assets\/popup-x1\.js, assets\/shared-x2\.js\) is 4,\d{3} B gzipped, over its budget of 3,960 B \(baseline 3,600 B \+ 10 %\)/,
    );
    budget(3_800);
    expect(run().status).toBe(0);
  });

  it('fails when the release build holds a source map or a sourceMappingURL comment', () => {
    fakeBuild('dist', { capture: 9_000, popup: 3_000 });
    budget(3_200);
    write('dist/assets/shared-x2.js.map', '{}');
    expect(run().out).toContain('dist/assets/shared-x2.js.map is a source map');
    rmSync(join(root, 'dist/assets/shared-x2.js.map'));
    write('dist/assets/shared-x2.js', 'export const a=1;\n//# sourceMappingURL=shared-x2.js.map\n');
    const { status, out } = run();
    expect(status).toBe(1);
    expect(out).toContain('dist/assets/shared-x2.js has a sourceMappingURL comment');
  });

  it('fails in words when the build is missing', () => {
    budget(3_200);
    const { status, out } = run();
    expect(status).toBe(1);
    expect(out).toContain('dist/manifest.json is missing: run `npm run build` first');
  });

  it('pads the fake files with bytes gzip cannot shrink (self-check of the fixture)', () => {
    const size = gzipSync(padded('', 4_000), { level: 9 }).length;
    expect(size).toBeGreaterThan(4_000);
    expect(size).toBeLessThan(4_070);
  });
});
