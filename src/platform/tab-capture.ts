import browser from 'webextension-polyfill';
import type { Capture } from '../clip/capture';
import { captureFromPage } from '../clip/capture-from-page';
import { captureAfterFailure, captureBeforeReading, captureFromInvalidResult } from '../clip/tab-fallback';

/** The capture script, built by vite.capture.config.ts; it defines `globalThis.__newsletterClipper`. */
export const CAPTURE_SCRIPT_FILE = 'capture.js';
/** One statement, built beside it: `__newsletterClipper.capturePage()`, whose value is the injection's result. */
export const CAPTURE_RUN_FILE = 'capture-run.js';
/** A page that does not answer within this long is captured from its tab instead. */
export const CAPTURE_TIMEOUT_MS = 4000;

export interface TabInfo {
  id: number;
  url: string;
  title?: string;
}

export interface TabCapture {
  capture: Capture;
  /** 'page' when the page itself was read, 'tab' when only the tab's address and title were. */
  origin: 'page' | 'tab';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One round trip to the page: the script is injected and run by the same `executeScript` (its result
 * is the value of the last file's last statement). Asking first whether an earlier clip had injected
 * it already, then calling it in a second injection, cost two more round trips to the tab's renderer
 * on every clip; evaluating the script again in a page clipped before costs far less than one.
 */
async function runCaptureScript(tabId: number): Promise<unknown> {
  const [outcome] = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT_FILE, CAPTURE_RUN_FILE] });
  return outcome?.result;
}

/** True in Firefox (its extension pages are moz-extension:), which refuses extensions Mozilla's sites. */
function runsInFirefox(): boolean {
  try {
    return browser.runtime.getURL('').startsWith('moz-extension:');
  } catch {
    return false;
  }
}

/**
 * Reads the article in a tab with the on-demand capture script. Never fails: a tab that cannot be
 * read (browser pages, Reader View, stores, PDFs, error pages, a page that throws or hangs, garbage
 * data) yields a capture from its address and title, with a note saying why in plain words.
 */
export async function captureTab(tab: TabInfo): Promise<TabCapture> {
  const page = { url: tab.url, ...(tab.title !== undefined ? { title: tab.title } : {}) };
  const early = captureBeforeReading(page, { firefox: runsInFirefox() });
  if (early) return { capture: early, origin: 'tab' };
  try {
    const raw = await withTimeout(runCaptureScript(tab.id), CAPTURE_TIMEOUT_MS);
    // The page half's answer, checked and finished here (names cleaned, dates parsed). Only the
    // extension may offer to navigate the tab: the page's schema has no Reader View to claim.
    const result = captureFromPage(raw);
    return result.ok ? { capture: result.capture, origin: 'page' } : { capture: captureFromInvalidResult(page, raw), origin: 'tab' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { capture: captureAfterFailure(page, message), origin: 'tab' };
  }
}

/** What the injected function below reads of the tab's document (the worker itself has no DOM). */
interface PageLinks {
  querySelectorAll(selector: 'a[href]'): ArrayLike<{ href: string; innerText: string; textContent: string | null }>;
}

/** Runs inside the tab: the visible text of the first link whose resolved address is `wanted`. */
function readLinkTextInPage(wanted: string): string {
  const page = (globalThis as unknown as { document: PageLinks }).document;
  for (const anchor of Array.from(page.querySelectorAll('a[href]'))) {
    if (anchor.href === wanted) return (anchor.innerText || anchor.textContent || '').trim();
  }
  return '';
}

/** The visible text of the first link in the tab whose address is `href` (Chrome's menu event lacks it). */
export async function readLinkText(tabId: number, frameId: number | undefined, href: string): Promise<string | undefined> {
  try {
    const [outcome] = await withTimeout(
      browser.scripting.executeScript({
        target: frameId !== undefined ? { tabId, frameIds: [frameId] } : { tabId },
        args: [href],
        func: readLinkTextInPage,
      }),
      CAPTURE_TIMEOUT_MS,
    );
    const text = typeof outcome?.result === 'string' ? outcome.result.replace(/\s+/g, ' ').trim().slice(0, 1000) : '';
    return text || undefined;
  } catch {
    return undefined;
  }
}
