import { finishCapture } from '../capture/finish-capture';
import { captureWithoutBidi } from './bidi';
import { Capture, PageCapture } from './capture';

/** What the worker made of the capture script's answer: a capture, or why there is none in plain words. */
export type PageCaptureResult = { ok: true; capture: Capture } | { ok: false; reason: 'nothing' | 'garbled'; detail: string };

/**
 * The worker half of the capture pipeline, from the content script's answer to a {@link Capture}:
 * the zod check of the page's data (the page is never trusted: a hostile one may send anything),
 * then the author names cleaned and the dates parsed (src/capture/finish-capture.ts), then the
 * zod check of the result, bidirectional controls removed from its single-line fields. Pure: no browser APIs, no DOM.
 */
export function captureFromPage(raw: unknown, now: Date = new Date()): PageCaptureResult {
  if (raw === undefined || raw === null) return { ok: false, reason: 'nothing', detail: 'The page gave back nothing.' };
  const page = PageCapture.safeParse(raw);
  if (!page.success)
    return { ok: false, reason: 'garbled', detail: `The page gave back data that does not fit: ${describeIssue(page.error.issues[0])}.` };
  // Single-line fields lose their bidirectional controls here, before anything shows them (bidi.ts).
  const capture = Capture.safeParse(captureWithoutBidi(finishCapture(page.data, { now })));
  if (!capture.success)
    return {
      ok: false,
      reason: 'garbled',
      detail: `The capture made from the page does not fit: ${describeIssue(capture.error.issues[0])}.`,
    };
  return { ok: true, capture: capture.data };
}

/** One zod issue in words: where ("candidates › authors › 3 › names") and what (zod's message). */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'unknown problem';
  const where = issue.path.map(String).join(' › ');
  return `${where ? `${where}: ` : ''}${issue.message}`.slice(0, 200);
}
