/**
 * The content script, injected on demand with `scripting.executeScript({ files: ['capture.js'] })`.
 * It only defines `globalThis.__newsletterClipper.capturePage()`; the extension calls it with
 * capture-run.js in the same `executeScript` and receives its value (structured-cloned, so plain JSON data).
 * No zod and no polyfill here: the worker validates what comes back. This is the page half of the
 * capture pipeline (read-page.ts); the worker finishes it (src/clip/capture-from-page.ts): it
 * cleans the author names and parses the dates, whose code would not fit this script's budget.
 */
import type { PageCapture } from '../clip/capture';
import { readPage } from './read-page';

/** The API this script exposes in the page's isolated world. */
export interface NewsletterClipperApi {
  capturePage(): PageCapture;
}

declare global {
  var __newsletterClipper: NewsletterClipperApi | undefined;
}

/**
 * Milliseconds the capture may spend searching the page's text before it returns what it has (the
 * metadata is always read). The capture runs on the page's main thread: together with its bounded
 * steps (bounded-query.ts) this keeps a page with a 5 MB DOM from freezing while it is clipped.
 */
const BUDGET_MS = 50;

function capturePage(): PageCapture {
  const start = performance.now();
  try {
    const page = readPage(document, { selection: getSelection(), budgetMs: BUDGET_MS, clock: () => performance.now() });
    // The page's own timeline (DevTools, bench/popup-browsers.ts) shows the capture's share of the clip.
    performance.measure('newsletter-clipper:capture', { start });
    // Round-trip through JSON: the result must survive structured cloning whatever a hostile page did to prototypes.
    return JSON.parse(JSON.stringify(page)) as PageCapture;
  } catch (error) {
    // A page may have replaced document.URL or document.title with throwing getters: keep what can be read.
    const read = (get: () => unknown, max: number) => {
      try {
        return String(get()).slice(0, max);
      } catch {
        return '';
      }
    };
    const title = read(() => document.title, 1000);
    return {
      pageUrl: read(() => document.URL, 4096),
      ...(title && { title: { value: title, source: 'tab' as const } }),
      notes: [`This page could not be read (${read(() => (error as Error).message ?? error, 200)}): only its address and title were kept.`],
    };
  }
}

globalThis.__newsletterClipper = { capturePage };
