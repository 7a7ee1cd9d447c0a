/**
 * The content script, injected on demand with `scripting.executeScript({ files: ['capture.js'] })`.
 * It only defines `globalThis.__newsletterClipper.capturePage()`; the extension calls it in a
 * second `executeScript` and receives its return value (structured-cloned, so plain JSON data).
 * No zod and no polyfill here: the worker validates what comes back.
 */
import type { Capture } from '../clip/capture';
import { extractCapture } from './extract';

/** The API this script exposes in the page's isolated world. */
export interface NewsletterClipperApi {
  capturePage(): Capture;
}

declare global {
  // eslint-disable-next-line no-var
  var __newsletterClipper: NewsletterClipperApi | undefined;
}

function capturePage(): Capture {
  let url = '';
  try {
    url = String(document.URL);
    const selection = window.getSelection();
    // Round-trip through JSON: the result must survive structured cloning whatever a hostile page did to prototypes.
    return JSON.parse(JSON.stringify(extractCapture(document, { selection, now: new Date() }))) as Capture;
  } catch (error) {
    let title = '';
    try {
      title = String(document.title).slice(0, 1000);
    } catch {
      // A page may have replaced document.title with a throwing getter; keep going without it.
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      pageUrl: url.slice(0, 4096),
      ...(title ? { title: { value: title, source: 'tab' as const } } : {}),
      notes: [`This page could not be read (${reason.slice(0, 200)}): only its address and title were kept.`],
    };
  }
}

globalThis.__newsletterClipper = { capturePage };
