/**
 * The worker half of the capture pipeline as a classic script for the capture benchmark
 * (bench/capture.ts builds it with vite and evaluates it in the page after dist/capture.js), so
 * "ours" is timed and scored as the extension runs it: the page half, then the worker's zod check,
 * name cleaning and date parsing (src/clip/capture-from-page.ts). Defines `globalThis.__newsletterClipperWorker`.
 */
import '../src/platform/zod-setup';
import { captureFromPage } from '../src/clip/capture-from-page';

declare global {
  var __newsletterClipperWorker: { captureFromPage: typeof captureFromPage } | undefined;
}

globalThis.__newsletterClipperWorker = { captureFromPage };
