/**
 * The small driver layer the cross-browser journeys (e2e/journeys/) are written against. One
 * implementation drives Chromium through Playwright (chromium-browser.ts), the other Debian's Firefox
 * ESR over WebDriver BiDi (firefox/firefox-browser.ts). Everything a journey does goes through these
 * two interfaces, so each journey is described once and runs in both browsers.
 */

export type Engine = 'chromium' | 'firefox';

/** A stored clipping as read back from IndexedDB (only the fields the tests look at are typed). */
export interface StoredClipping {
  id: string;
  url: string;
  title: string;
  authors: string[];
  siteName: string;
  summary: string;
  section: string | null;
  origin: string;
  notes: string[];
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
}

/** Keys as Playwright names them: 'Enter', 'Control+Enter', 'Alt+ArrowUp', 'Tab', 'Escape'. */
export type KeyChord = string;

/** One browser tab: an article page or an extension page (popup, issue desk, options). */
export interface BrowserTab {
  /** The id `browser.tabs` uses for this tab. */
  readonly tabId: number;
  /** Evaluates a JavaScript expression in the page (a returned promise is awaited); the value must be JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * A real mouse click (a user gesture) on the first visible element matching `selector` whose text
   * contains `text`, when given.
   */
  click(selector: string, text?: string): Promise<void>;
  /** Replaces a field's value, firing input events (like Playwright's fill). */
  fill(selector: string, value: string): Promise<void>;
  /** Clicks into a field and types key by key, so every keyboard event fires. */
  type(selector: string, text: string): Promise<void>;
  /** Focuses the element (the first matching one whose text contains `text`, when given) and presses a key chord. */
  press(selector: string, chord: KeyChord, text?: string): Promise<void>;
  /** Chooses the option of a <select> whose label is `label`. */
  select(selector: string, label: string): Promise<void>;
  /** Chooses files in a file input, as the file picker does. */
  setFiles(selector: string, paths: string[]): Promise<void>;
  /** A form field's value. */
  value(selector: string): Promise<string>;
  /** The visible text of the first element matching `selector`, '' when there is none. */
  text(selector: string): Promise<string>;
  /** How many elements match `selector`. */
  count(selector: string): Promise<number>;
  /** The tab's address now. */
  url(): Promise<string>;
  /**
   * What has keyboard focus (document.activeElement), described: its aria-label, else its <label>'s
   * text, else its data-testid (or tag name) and its text, as `h1: Issue #2`; 'body' when no element has it.
   */
  focused(): Promise<string>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly engine: Engine;
  /** Opens a web page in a new tab and waits for it to load (an error page counts as loaded). */
  openTab(url: string): Promise<BrowserTab>;
  /** Opens one of the extension's own pages, e.g. 'issue/index.html', in a new tab. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<BrowserTab>;
  /**
   * Clicks the toolbar button on this tab, as the editor does: the browser grants activeTab and opens
   * the popup, which reads the page. Resolves once the browser has handled the click.
   */
  clickToolbarButton(tab: BrowserTab): Promise<void>;
  /**
   * Clicks the toolbar button on this tab and returns the browser's real toolbar popup (opened by the
   * browser with no `?tab=`: it resolves the active tab itself), once it shows its form or an alert.
   * Its `tabId` is -1 (a popup is in no tab); `close()` closes the popup.
   */
  openToolbarPopup(tab: BrowserTab): Promise<BrowserTab>;
  /** Presses the extension's keyboard shortcut (`_execute_action`) with this tab selected. */
  pressClipShortcut(tab: BrowserTab): Promise<void>;
  /** The keyboard shortcut bound to the toolbar button (`_execute_action`), as the running extension's `commands.getAll()` reports it ('' for none). */
  clipShortcut(): Promise<string>;
  /** Binds that shortcut (or, with '', removes it) the way the editor does in the browser's own shortcut settings. */
  setClipShortcut(shortcut: string): Promise<void>;
  /** The address of every open tab, the browser's own pages included. */
  tabUrls(): Promise<string[]>;
  /** Right-clicks the link `linkSelector` on the page and chooses the extension's "Clip link" item. */
  clipLinkFromContextMenu(tab: BrowserTab, linkSelector: string): Promise<void>;
  /** Stops the background (service worker / event page) as the browser does when it is idle. */
  stopBackground(): Promise<void>;
  /** Every clipping row in the extension's IndexedDB, read directly. */
  storedClippings(): Promise<StoredClipping[]>;
  /** Sends a protocol message from an extension page, as the popup does. */
  message<T = unknown>(type: string, payload: unknown): Promise<T>;
  /** The toolbar button's badge text on a tab. */
  badgeText(tabId: number): Promise<string>;
  /** The text of the file a click on `selector` (with `text`) downloads. */
  download(tab: BrowserTab, selector: string, text?: string): Promise<string>;
  close(): Promise<void>;
}

/** What a launch may change. */
export interface LaunchOptions {
  /**
   * How the browser answers the extension's permission requests. 'accept' (default): as an editor who
   * clicks Allow. 'refuse': the browser's prompt is declined. Chromium cannot show its prompt to a
   * test, so there the sync tests load the test build, which holds host access to 127.0.0.1.
   */
  permissionPrompt?: 'accept' | 'refuse';
  /** Chromium only: load dist-test/ (host access to 127.0.0.1 in the manifest) instead of dist/. */
  testBuild?: boolean;
  /** Firefox only: hosts to treat as Mozilla's restricted domains (replaces Firefox's own list). */
  restrictedDomains?: string[];
  /**
   * The colour scheme the browser prefers, as an operating system's light or dark setting makes it
   * (`prefers-color-scheme` in every page, the extension's included). Default: light.
   */
  colorScheme?: 'light' | 'dark';
}

/** The IndexedDB database and store the clippings live in. */
export const CLIPPINGS_DB = { name: 'newsletter-clipper', store: 'clippings' } as const;

/** Page code (an expression) that reads every clipping row, run in any extension page. */
export const READ_CLIPPINGS_EXPRESSION = `(async () => {
  const exists = (await indexedDB.databases()).some((d) => d.name === ${JSON.stringify(CLIPPINGS_DB.name)});
  if (!exists) return [];
  return new Promise((done, fail) => {
    const request = indexedDB.open(${JSON.stringify(CLIPPINGS_DB.name)});
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const rows = db.transaction(${JSON.stringify(CLIPPINGS_DB.store)}).objectStore(${JSON.stringify(CLIPPINGS_DB.store)}).getAll();
      rows.onsuccess = () => { db.close(); done(rows.result); };
      rows.onerror = () => fail(rows.error);
    };
  });
})()`;
