import { expect } from '@playwright/test';
import type { BrowserTab, ExtensionBrowser } from '../driver/extension-browser';

/** The toolbar popup's size, about; the clip form is opened in a tab of this size for a given tab. */
export const POPUP_VIEWPORT = { width: 480, height: 780 };
/** Firefox for Android's narrow screen. */
export const PHONE_VIEWPORT = { width: 360, height: 640 };

/** Waits until `read` gives a value `ok` accepts (polled, bounded by the expect timeout). */
export async function eventually<T>(read: () => Promise<T>, matcher: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  await expect.poll(async () => matcher((last = await read())), { message: what, intervals: [100, 250, 500] }).toBe(true);
  return last!;
}

/** Waits until the first element matching `selector` shows text containing (or matching) `expected`. */
export async function waitForText(tab: BrowserTab, selector: string, expected: string | RegExp): Promise<string> {
  return eventually(
    () => tab.text(selector),
    (text) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text)),
    `${selector} to show ${String(expected)}`,
  );
}

/** Opens the clip form for a tab (the toolbar popup's own page) and waits until it is filled. */
export async function openClipForm(app: ExtensionBrowser, tab: BrowserTab, viewport = POPUP_VIEWPORT): Promise<BrowserTab> {
  const popup = await app.openExtensionPage(`popup/index.html?tab=${tab.tabId}`, viewport);
  await eventually(
    () => popup.count('#summary, [role=alert]'),
    (n) => n > 0,
    'the clip form',
  );
  return popup;
}

/** The editor's first steps: open the article, click the toolbar button, open the form. */
export async function startClip(app: ExtensionBrowser, url: string): Promise<{ tab: BrowserTab; popup: BrowserTab }> {
  const tab = await app.openTab(url);
  await app.clickToolbarButton(tab);
  return { tab, popup: await openClipForm(app, tab) };
}

/** Clicks Save and waits for "Saved ✓". */
export async function save(popup: BrowserTab): Promise<void> {
  await popup.click('button[type=submit]');
  await waitForText(popup, '[data-testid=save-status]', 'Saved ✓');
}

/** Clips an article with a summary and closes its tabs; returns the title the form was filled with. */
export async function clipArticle(app: ExtensionBrowser, url: string, summary: string, section?: string): Promise<string> {
  const { tab, popup } = await startClip(app, url);
  const title = await popup.value('#title');
  if (summary) await popup.type('#summary', summary);
  if (section) await popup.select('#section', section);
  await save(popup);
  await popup.close();
  await tab.close();
  return title;
}

/** Opens the issue desk and waits until it shows the issue. */
export async function openDesk(app: ExtensionBrowser, viewport = { width: 1400, height: 900 }): Promise<BrowserTab> {
  const desk = await app.openExtensionPage('issue/index.html', viewport);
  await eventually(
    () => desk.count('[data-testid=issue-count]'),
    (n) => n > 0,
    'the issue desk',
  );
  return desk;
}

/** The titles of a desk section's clippings, in order. */
export function sectionTitles(desk: BrowserTab, section: string): Promise<string[]> {
  return desk.evaluate(`Array.from(document.querySelectorAll('[data-testid=section]'))
    .filter((s) => (s.querySelector('h2')?.textContent ?? '').trim().startsWith(${JSON.stringify(section)}))
    .flatMap((s) => Array.from(s.querySelectorAll('[data-testid=clipping] .card-title')).map((t) => t.innerText.trim()))`);
}

/** Waits until a desk section shows exactly these titles, in this order. */
export async function expectOrder(desk: BrowserTab, section: string, titles: string[]): Promise<void> {
  await expect.poll(() => sectionTitles(desk, section)).toEqual(titles);
}

/** A CSS selector for an element whose aria-label is exactly `label`. */
export const byLabel = (tag: string, label: string) => `${tag}[aria-label=${JSON.stringify(label)}]`;

/**
 * The page's controls that have no accessible name (a rough reading of the accname rules: aria-label,
 * aria-labelledby, a <label>, the text, or a title; a placeholder is not a name). Each as its outer HTML's start.
 */
export function unlabelledControls(tab: BrowserTab): Promise<string[]> {
  return tab.evaluate(`Array.from(document.querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href], [tabindex]'))
    .filter((el) => {
      const byIds = (el.getAttribute('aria-labelledby') ?? '').split(/\\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const named = [el.getAttribute('aria-label'), byIds, ...Array.from(el.labels ?? []).map((l) => l.textContent),
        ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) ? '' : el.textContent, el.getAttribute('title')];
      return !named.some((name) => (name ?? '').trim() !== '');
    })
    .map((el) => el.outerHTML.slice(0, 120))`);
}
