import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DIST, DIST_TEST, launchWithExtension } from '../browser';
import { ExtensionDriver } from '../pages/extension-driver';
import { type BrowserTab, type ExtensionBrowser, type LaunchOptions, READ_CLIPPINGS_EXPRESSION, type StoredClipping } from './extension-browser';


class ChromiumTab implements BrowserTab {
  constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {}

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
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

  value(selector: string): Promise<string> {
    return this.page.locator(selector).first().inputValue();
  }

  async text(selector: string): Promise<string> {
    const first = this.page.locator(selector).first();
    return (await first.count()) ? first.innerText() : '';
  }

  count(selector: string): Promise<number> {
    return this.page.locator(selector).count();
  }

  async url(): Promise<string> {
    return this.page.url();
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
    if (options.permissionPrompt === 'refuse') throw new Error('Chromium shows its permission prompt to no test: a refusal is tested in Firefox');
    return new ChromiumBrowser(new ExtensionDriver(await launchWithExtension({ dist: options.testBuild ? DIST_TEST : DIST })));
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

  pressClipShortcut(): Promise<void> {
    // Extension shortcuts are handled by the browser window's accelerators, which the DevTools
    // protocol's key events (sent to the page) never reach.
    throw new Error('Chromium: a test cannot press a browser-level shortcut');
  }

  async clipLinkFromContextMenu(tab: BrowserTab, linkSelector: string): Promise<void> {
    // The DevTools protocol cannot open Chromium's native context menu. A right-click grants activeTab,
    // as the toolbar button does; the menu's onClicked handler then calls this same worker path.
    const chromiumTab = tab as ChromiumTab;
    const href = await chromiumTab.page.locator(linkSelector).first().evaluate((a) => (a as HTMLAnchorElement).href);
    await this.clickToolbarButton(tab);
    const reply = await this.message<{ ok: boolean }>('clip.link', { url: href, tabId: tab.tabId });
    if (!reply.ok) throw new Error(`clip.link failed: ${JSON.stringify(reply)}`);
  }

  stopBackground(): Promise<void> {
    return this.driver.stopWorker();
  }

  async storedClippings(): Promise<StoredClipping[]> {
    return (await this.driver.extensionPage()).evaluate(READ_CLIPPINGS_EXPRESSION) as Promise<StoredClipping[]>;
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
