import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DIST, DIST_TEST, launchWithExtension } from '../browser';
import { ExtensionDriver } from '../pages/extension-driver';
import { PageReads } from './page-reads';
import {
  type BrowserTab,
  type ExtensionBrowser,
  type LaunchOptions,
  READ_CLIPPINGS_EXPRESSION,
  type StoredClipping,
} from './extension-browser';

/** CLIP_LINK_MENU_ID of src/platform/context-menu.ts (not imported: that module loads the polyfill, which throws outside a browser). */
const CLIP_LINK_MENU_ID = 'clip-link';

class ChromiumTab extends PageReads implements BrowserTab {
  constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {
    super();
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate<T>(expression);
  }

  private locate(selector: string, text?: string) {
    const all = this.page.locator(selector);
    return (text === undefined ? all : all.filter({ hasText: text })).locator('visible=true').first();
  }

  async click(selector: string, text?: string): Promise<void> {
    await this.locate(selector, text).click();
  }

  async fill(selector: string, value: string): Promise<void> {
    await this.locate(selector).fill(value);
  }

  async type(selector: string, text: string): Promise<void> {
    const field = this.locate(selector);
    await field.click();
    await field.press('End');
    await field.pressSequentially(text);
  }

  async press(selector: string, chord: string, text?: string): Promise<void> {
    await this.locate(selector, text).press(chord);
  }

  async select(selector: string, label: string): Promise<void> {
    await this.locate(selector).selectOption({ label });
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    await this.page.locator(selector).first().setInputFiles(paths);
  }

  override value(selector: string): Promise<string> {
    return this.page.locator(selector).first().inputValue();
  }

  override async text(selector: string): Promise<string> {
    const first = this.page.locator(selector).first();
    return (await first.count()) ? first.innerText() : '';
  }

  override count(selector: string): Promise<number> {
    return this.page.locator(selector).count();
  }

  override url(): Promise<string> {
    return Promise.resolve(this.page.url());
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Debian's Chromium with the built extension loaded, driven through Playwright and the DevTools protocol. */
export class ChromiumBrowser implements ExtensionBrowser {
  readonly engine = 'chromium' as const;

  private constructor(private readonly driver: ExtensionDriver) {}

  static async launch(options: LaunchOptions = {}): Promise<ChromiumBrowser> {
    if (options.permissionPrompt === 'refuse')
      throw new Error('Chromium shows its permission prompt to no test: a refusal is tested in Firefox');
    return new ChromiumBrowser(
      new ExtensionDriver(
        await launchWithExtension({
          dist: options.testBuild ? DIST_TEST : DIST,
          ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
        }),
      ),
    );
  }

  async openTab(url: string): Promise<BrowserTab> {
    const { page, tabId } = await this.driver.openTab(url);
    return new ChromiumTab(page, tabId);
  }

  async openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<BrowserTab> {
    const page = await this.driver.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${this.driver.extensionId}/${path}`);
    const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())?.id ?? -1);
    return new ChromiumTab(page, tabId);
  }

  async clickToolbarButton(tab: BrowserTab): Promise<void> {
    await this.driver.clickToolbarButton((tab as ChromiumTab).page);
  }

  async openToolbarPopup(tab: BrowserTab): Promise<BrowserTab> {
    const popup = await this.driver.openToolbarPopup((tab as ChromiumTab).page);
    const deadline = Date.now() + 15_000;
    while (!(await popup.count('#summary, [role=alert]').catch(() => 0)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    return popup;
  }

  pressClipShortcut(): Promise<void> {
    // Extension shortcuts are handled by the browser window's accelerators, which the DevTools
    // protocol's key events (sent to the page) never reach.
    throw new Error('Chromium: a test cannot press a browser-level shortcut');
  }

  async clipShortcut(): Promise<string> {
    const worker = await this.driver.runningWorker();
    return worker.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === '_execute_action')?.shortcut ?? '');
  }

  async setClipShortcut(shortcut: string): Promise<void> {
    // What chrome://extensions/shortcuts does when the editor types or clears a shortcut there: the page's
    // own chrome.developerPrivate (a WebUI API no extension has).
    const page = await this.driver.context.newPage();
    try {
      await page.goto('chrome://extensions/shortcuts');
      await page.evaluate(
        ({ extensionId, keybinding }) =>
          (
            chrome as unknown as {
              developerPrivate: {
                updateExtensionCommand(update: { extensionId: string; commandName: string; keybinding: string }): Promise<void>;
              };
            }
          ).developerPrivate.updateExtensionCommand({ extensionId, commandName: '_execute_action', keybinding }),
        { extensionId: this.driver.extensionId, keybinding: shortcut },
      );
    } finally {
      await page.close();
    }
  }

  tabUrls(): Promise<string[]> {
    return Promise.resolve(this.driver.context.pages().map((page) => page.url()));
  }

  async clipLinkFromContextMenu(tab: BrowserTab, linkSelector: string): Promise<void> {
    // The DevTools protocol cannot open Chromium's native context menu (it is browser UI, not page
    // content; Input.dispatchMouseEvent with the right button only fires the page's contextmenu event).
    // What the menu click does is: grant activeTab, then fire contextMenus.onClicked in the worker with
    // the link and the tab. The toolbar button grants the same activeTab; the event is then dispatched
    // to the listener background/index.ts registered (Chromium's extension event objects carry a
    // `dispatch` method that runs the worker's own listeners), with the info and the real tab Chromium
    // would pass: no linkText, as in Chrome's event.
    const chromiumTab = tab as ChromiumTab;
    const href = await chromiumTab.page
      .locator(linkSelector)
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).href);
    await this.clickToolbarButton(tab);
    const worker = await this.driver.runningWorker();
    const fired = await worker.evaluate(
      async ({ tabId, linkUrl, menuItemId }) => {
        const event = chrome.contextMenus.onClicked as typeof chrome.contextMenus.onClicked & { dispatch?: (...args: unknown[]) => void };
        if (!event.hasListeners() || typeof event.dispatch !== 'function') return false;
        const clicked = await chrome.tabs.get(tabId);
        event.dispatch({ menuItemId, linkUrl, pageUrl: clicked.url, frameId: 0, editable: false }, clicked);
        return true;
      },
      { tabId: tab.tabId, linkUrl: href, menuItemId: CLIP_LINK_MENU_ID },
    );
    if (!fired) throw new Error('the worker has no contextMenus.onClicked listener to fire');
  }

  stopBackground(): Promise<void> {
    return this.driver.stopWorker();
  }

  async storedClippings(): Promise<StoredClipping[]> {
    return (await this.driver.extensionPage()).evaluate<StoredClipping[]>(READ_CLIPPINGS_EXPRESSION);
  }

  message<T = unknown>(type: string, payload: unknown): Promise<T> {
    return this.driver.message<T>(type, payload);
  }

  badgeText(tabId: number): Promise<string> {
    return this.driver.badgeText(tabId);
  }

  async download(tab: BrowserTab, selector: string, text?: string): Promise<string> {
    const page = (tab as ChromiumTab).page;
    const downloading = page.waitForEvent('download');
    await tab.click(selector, text);
    const path = await (await downloading).path();
    return readFile(path, 'utf8');
  }

  async close(): Promise<void> {
    await this.driver.context.close();
  }
}
