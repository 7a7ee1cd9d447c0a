import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { LaunchedExtension } from '../browser';
import { READ_CLIPPINGS_EXPRESSION } from '../driver/extension-browser';
import { CdpTargetTab } from '../driver/cdp-target-tab';
import { PopupPage } from './popup-page';

/** A stored clipping as read back from IndexedDB (only the fields the tests look at are typed). */
export interface StoredClipping {
  id: string;
  url: string;
  urlKey: string;
  title: string;
  authors: string[];
  siteName: string;
  publishedTime: string;
  excerpt: string;
  lang: string;
  quote: string;
  quoteLink: string;
  summary: string;
  section: string | null;
  /** The address the editor was reading, when the canonical one is on another host. */
  visitedUrl?: string;
  issueId: string | null;
  origin: string;
  notes: string[];
  sources: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
}

/**
 * Drives the loaded extension as the editor would: opens tabs, clicks the toolbar button (which
 * grants activeTab), opens the clip form, and reads back what the worker stored.
 */
export class ExtensionDriver {
  constructor(private readonly launched: LaunchedExtension) {}

  get context(): BrowserContext {
    return this.launched.context;
  }

  get extensionId(): string {
    return this.launched.extensionId;
  }

  private helperPage: Page | undefined;
  /**
   * The browser's tab target behind each page opened by `openTab`. Found by which tab target is new,
   * not by address: an error page's address differs between Playwright (chrome-error://) and the
   * browser (the requested URL, or neither while the error page is still being committed).
   */
  private readonly tabTargets = new WeakMap<Page, string>();

  /**
   * An extension page kept open for the driver's own look-ups (tab ids, IndexedDB rows, badges).
   * Extension pages share the worker's origin, so they see the same IndexedDB, and unlike
   * Playwright's Worker handle they do not hang while the worker is stopped.
   */
  async extensionPage(): Promise<Page> {
    if (!this.helperPage || this.helperPage.isClosed()) {
      this.helperPage = await this.context.newPage();
      await this.helperPage.goto(`chrome-extension://${this.extensionId}/options/index.html`);
    }
    return this.helperPage;
  }

  private async tabIds(): Promise<number[]> {
    const page = await this.extensionPage();
    return page.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id!).filter((id) => id !== undefined));
  }

  /**
   * Waits until the browser's own record of a tab has the address its renderer committed. On a busy
   * machine it lags: a toolbar click before it would grant activeTab to the previous document
   * (about:blank), and the grant ends when the article commits (the test build may read 127.0.0.1 tabs).
   */
  private async tabShows(tabId: number, url: string): Promise<void> {
    const page = await this.extensionPage();
    const current = () => page.evaluate(async (id) => (await chrome.tabs.get(id)).url ?? '', tabId);
    const deadline = Date.now() + 10_000;
    while ((await current()) !== url && Date.now() < deadline) await page.waitForTimeout(50);
  }

  /** The text of the toolbar button's badge on a tab. */
  async badgeText(tabId: number): Promise<string> {
    const page = await this.extensionPage();
    return page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /**
   * Opens `url` in a new tab and returns the page and its browser tab id. `beforeNavigate` may set up
   * page routes (context-level routes would hide the extension's service worker from Playwright).
   */
  async openTab(
    url: string,
    beforeNavigate?: (page: Page) => Promise<unknown>,
    waitUntil: 'load' | 'commit' = 'load',
  ): Promise<{ page: Page; tabId: number }> {
    const before = new Set(await this.tabIds());
    const targetsBefore = new Set((await this.browserTabTargets()).map((t) => t.targetId));
    const page = await this.context.newPage();
    const newTargets = (await this.browserTabTargets()).filter((t) => !targetsBefore.has(t.targetId));
    if (newTargets.length !== 1) throw new Error(`expected one new tab target, found ${newTargets.length}`);
    this.tabTargets.set(page, newTargets[0]!.targetId);
    await beforeNavigate?.(page);
    // An error page (refused connection) is a tab too: wait until it has been committed in place of the article.
    await page.goto(url, { waitUntil }).catch(() => page.waitForURL(/^chrome-error:/, { timeout: 5_000 }).catch(() => undefined));
    const added = (await this.tabIds()).filter((id) => !before.has(id));
    if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
    if (waitUntil === 'commit') await this.tabShows(added[0]!, page.url());
    return { page, tabId: added[0]! };
  }

  /** Runs `use` with a CDP session on the browser (not on a page: attaching to a page waits for a busy renderer). */
  private async withBrowserSession<T>(use: (session: CDPSession) => Promise<T>): Promise<T> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser handle');
    const session = await browser.newBrowserCDPSession();
    try {
      return await use(session);
    } finally {
      await session.detach();
    }
  }

  private browserTabTargets(): Promise<{ targetId: string; url: string }[]> {
    return this.withBrowserSession(async (session) => {
      const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
        targetInfos: { targetId: string; url: string }[];
      };
      return targetInfos;
    });
  }

  /** Clicks the extension's toolbar button on this page's tab, as the editor does (grants activeTab). */
  async clickToolbarButton(page: Page): Promise<void> {
    const targetId = this.tabTargets.get(page) ?? (await this.tabTargetShowing(page.url()));
    await this.withBrowserSession((session) =>
      session.send('Extensions.triggerAction' as never, { id: this.extensionId, targetId } as never),
    );
  }

  /**
   * Clicks the toolbar button on this page's tab and attaches to the popup the browser opens: a `page`
   * target at popup/index.html with no query (the popup finds the active tab itself), which Playwright
   * does not list among the context's pages. The session stays open for the returned tab.
   */
  async openToolbarPopup(page: Page): Promise<CdpTargetTab> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser handle');
    const session = await browser.newBrowserCDPSession();
    const popupUrl = `chrome-extension://${this.extensionId}/popup/index.html`;
    const popupTarget = async () => {
      const { targetInfos } = (await session.send('Target.getTargets')) as {
        targetInfos: { targetId: string; type: string; url: string }[];
      };
      return targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
    };
    if (await popupTarget()) throw new Error('a toolbar popup is already open');
    await this.clickToolbarButton(page);
    const deadline = Date.now() + 10_000;
    let target = await popupTarget();
    while (!target && Date.now() < deadline) {
      await page.waitForTimeout(100);
      target = await popupTarget();
    }
    if (!target) throw new Error(`no popup target at ${popupUrl} after the toolbar click`);
    return CdpTargetTab.attach(session, target.targetId);
  }

  /** The one tab target showing `url`, for pages not opened through `openTab`. */
  private async tabTargetShowing(url: string): Promise<string> {
    const matches = (await this.browserTabTargets()).filter((t) => t.url === url);
    if (matches.length !== 1) throw new Error(`expected one tab showing ${url}, found ${matches.length}`);
    return matches[0]!.targetId;
  }

  /** Opens the clip form for a tab in a page of its own (the toolbar popup's same UI). */
  async openPopup(tabId: number): Promise<PopupPage> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 480, height: 780 }); // about the toolbar popup's size
    await page.goto(`chrome-extension://${this.extensionId}/popup/index.html?tab=${tabId}`);
    const popup = new PopupPage(page);
    await popup.waitReady();
    return popup;
  }

  /** Opens an article, clicks the toolbar button and opens the form: the editor's first three steps. */
  async clipFlow(url: string, beforeNavigate?: (page: Page) => Promise<unknown>): Promise<{ page: Page; tabId: number; popup: PopupPage }> {
    const { page, tabId } = await this.openTab(url, beforeNavigate);
    await this.clickToolbarButton(page);
    const popup = await this.openPopup(tabId);
    return { page, tabId, popup };
  }

  /** Clips an article with a summary through the popup, as the editor does (saving starts a drain); returns its title. */
  async clipWithSummary(url: string, summary: string): Promise<string> {
    const { popup, page } = await this.clipFlow(url);
    const title = await popup.value('title');
    await popup.type('summary', summary);
    await popup.save();
    await popup.close();
    await page.close();
    return title;
  }

  /** The extension's service worker, woken by a message first if the browser had stopped it. */
  async runningWorker(): Promise<Worker> {
    await this.message('clip.listRecent', { limit: 1 });
    const ours = () => this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
    return (
      ours() ??
      (await this.context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`),
        timeout: 10_000,
      }))
    );
  }

  /** Every clipping row in the extension's IndexedDB, read directly (not through the worker's code). */
  async storedClippings(): Promise<StoredClipping[]> {
    const page = await this.extensionPage();
    return await page.evaluate<StoredClipping[]>(READ_CLIPPINGS_EXPRESSION);
  }

  /** Sends a protocol message from an extension page, exactly as the popup does. */
  async message<T = unknown>(type: string, payload: unknown): Promise<T> {
    const page = await this.extensionPage();
    return await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  }

  /**
   * Stops the MV3 service worker the way Chrome does when it is idle (CDP ServiceWorker.stopWorker)
   * and waits until it has stopped: every module-level variable is gone; only storage survives.
   */
  async stopWorker(): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options/index.html`);
    const session = await this.context.newCDPSession(page);
    type Version = { versionId: string; scriptURL: string; runningStatus: string };
    const versions = new Map<string, Version>();
    // Every version seen stopped, even briefly: a page's message may wake the worker again at once
    // (stopped → starting → running between two polls), and that is a stop all the same.
    const stopped = new Set<string>();
    session.on('ServiceWorker.workerVersionUpdated' as never, (event: { versions: Version[] }) => {
      for (const version of event.versions) {
        versions.set(version.versionId, version);
        if (version.runningStatus === 'stopped') stopped.add(version.versionId);
      }
    });
    await session.send('ServiceWorker.enable' as never);
    const deadline = Date.now() + 10_000;
    const ours = () => [...versions.values()].find((v) => v.scriptURL.includes(this.extensionId));
    while (!ours() && Date.now() < deadline) await page.waitForTimeout(50);
    const version = ours();
    if (!version) throw new Error('service worker version not found');
    await session.send('ServiceWorker.stopWorker' as never, { versionId: version.versionId } as never);
    // Its own bound: finding the version may have used most of the first one on a busy machine.
    const stopDeadline = Date.now() + 10_000;
    while (!stopped.has(version.versionId) && Date.now() < stopDeadline) await page.waitForTimeout(50);
    if (!stopped.has(version.versionId)) throw new Error('service worker did not stop');
    await session.detach();
    await page.close();
  }
}
