import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vite';

/** Where the issue benchmark's bundle goes: outside the repository, so it never mixes with dist/. */
export const ISSUE_BENCH_OUT_DIR = join(tmpdir(), 'newsletter-clipper-issue-bench');
export const ISSUE_BENCH_FILE = 'issue-bench.js';

/**
 * The issue benchmark's in-browser bundle (bench/issue-exports-entry.ts): the product's export
 * renderers, schemas and repos as one classic script (IIFE) that defines `globalThis.__issueBench`.
 * bench/issue.ts builds it with this config and evaluates it in an extension page, so the exports
 * run in Chromium, on the real store's rows, with the same minifier and target as the extension.
 */
export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: ISSUE_BENCH_OUT_DIR,
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    lib: {
      entry: 'bench/issue-exports-entry.ts',
      formats: ['iife'],
      name: 'NewsletterClipperIssueBench',
      fileName: () => ISSUE_BENCH_FILE,
    },
  },
});
