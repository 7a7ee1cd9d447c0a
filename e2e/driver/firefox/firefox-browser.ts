import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserTab,
  type ExtensionBrowser,
  type KeyChord,
  type LaunchOptions,
  READ_CLIPPINGS_EXPRESSION,
  type StoredClipping,
} from '../extension-browser';
import type { BidiConnection } from './bidi-connection';
import { PageReads, ToolbarPopupReads } from '../page-reads';
import { chromeScope } from './chrome-scope';
import { type FirefoxProcess, startFirefox } from './firefox-process';
import { keyActions } from './keys';

export const DIST_FIREFOX = resolve(process.env.CLIPPER_FIREFOX_DIST ?? resolve(import.meta.dirname, '..', '..', '..', 'dist-firefox'));
/** A fixed moz-extension:// host for the installed add-on (pref extensions.webextensions.uuids). */
const UUID = '5c0ffee0-1111-4222-8333-444455556666';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EvaluateResult {
  type: 'success' | 'exception';
  result: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

/** Polls `read` until `ok` holds; bounded. */
async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < end) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)}${lastError ? `, error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}` : ''})`,
  );
}

/** Page code that finds the first visible element matching a selector (and text), scrolled into view. */
/** A real mouse press and release on an element (the main button, or the context-menu one), over WebDriver BiDi. */
async function pressOn(bidi: BidiConnection, context: string, sharedId: string, button: 'main' | 'context'): Promise<void> {
  const origin = { type: 'element', element: { sharedId } };
  const code = button === 'main' ? 0 : 2;
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin },
          { type: 'pointerDown', button: code },
          { type: 'pointerUp', button: code },
        ],
      },
    ],
  });
}

function findElement(selector: string, text?: string, visibleOnly = true): string {
  return `(() => {
    const text = ${JSON.stringify(text ?? null)};
    const found = Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
      .find((el) => (${!visibleOnly} || el.getClientRects().length > 0) && (text === null || (el.textContent || '').includes(text)));
    if (found) found.scrollIntoView({ block: 'center', inline: 'center' });
    return found ?? null;
  })()`;
}

class FirefoxTab extends PageReads implements BrowserTab {
  constructor(
    private readonly bidi: BidiConnection,
    readonly context: string,
    readonly tabId: number,
  ) {
    super();
  }

  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.bidi.send<EvaluateResult>('script.evaluate', {
      target: { context: this.context },
      expression,
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 20 },
    });
    if (r.type === 'exception') throw new Error(`evaluate: ${r.exceptionDetails?.text}\n  in: ${expression.slice(0, 300)}`);
    return deserialize(r.result) as T;
  }

  /** The element's BiDi reference, waiting (bounded) until it exists and is visible. */
  private async element(selector: string, text?: string, visibleOnly = true): Promise<string> {
    const found = await poll(
      async () => {
        const r = await this.bidi.send<EvaluateResult>('script.evaluate', {
          target: { context: this.context },
          expression: findElement(selector, text, visibleOnly),
          awaitPromise: false,
        });
        return r.type === 'success' ? r.result.sharedId : undefined;
      },
      (id) => !!id,
      `${selector}${text ? ` with text "${text}"` : ''}`,
    );
    return found!;
  }

  async click(selector: string, text?: string): Promise<void> {
    await pressOn(this.bidi, this.context, await this.element(selector, text), 'main');
  }

  async fill(selector: string, value: string): Promise<void> {
    await this.element(selector);
    await this.evaluate(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      el.focus();
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value)});
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
  }

  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.evaluate(
      `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.focus(); el.setSelectionRange?.(el.value.length, el.value.length); return true; })()`,
    );
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: keyActions.forText(text) }],
    });
  }

  async press(selector: string, chord: string, text?: string): Promise<void> {
    await this.element(selector, text);
    await this.evaluate(`(${findElement(selector, text)}.focus(), true)`);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: keyActions.forChord(chord) }],
    });
  }

  async select(selector: string, label: string): Promise<void> {
    await this.element(selector);
    const ok = await this.evaluate<boolean>(`(() => {
      const select = document.querySelector(${JSON.stringify(selector)});
      const option = Array.from(select.options).find((o) => o.label.trim() === ${JSON.stringify(label)});
      if (!option) return false;
      select.focus();
      select.value = option.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    if (!ok) throw new Error(`${selector} has no option "${label}"`);
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    const sharedId = await this.element(selector, undefined, false);
    await this.bidi.send('input.setFiles', { context: this.context, element: { sharedId }, files: paths });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', { context: this.context, viewport: { width, height } });
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => undefined);
  }
}

/**
 * Firefox's real toolbar popup, reached from the helper tab through `browser.extension.getViews({ type:
 * 'popup' })` (same origin): BiDi lists no browsing context for the popup panel. Page code runs with
 * the popup's `document` and `window`; clicks and keys are DOM events, not input events.
 */
class FirefoxPopupTab extends ToolbarPopupReads implements BrowserTab {
  readonly tabId = -1;

  constructor(
    private readonly helper: FirefoxTab,
    private readonly toggle: () => Promise<void>,
  ) {
    super();
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.helper.evaluate(`(() => {
      const view = browser.extension.getViews({ type: 'popup' })[0];
      if (!view) throw new Error('the toolbar popup is closed');
      return ((document, window, location) => (${expression}))(view.document, view, view.location);
    })()`);
  }

  private async run(selector: string, body: string, text?: string): Promise<void> {
    await poll(
      () => this.count(selector),
      (n) => n > 0,
      selector,
    );
    const ok = await this.evaluate<boolean>(`(() => {
      const text = ${JSON.stringify(text ?? null)};
      const el = Array.from(document.querySelectorAll(${JSON.stringify(selector)})).find((e) => text === null || (e.textContent || '').includes(text));
      if (!el) return false;
      el.focus();
      ${body}
      return true;
    })()`);
    if (!ok) throw new Error(`${selector}${text ? ` with text "${text}"` : ''} not found in the toolbar popup`);
  }

  click(selector: string, text?: string): Promise<void> {
    return this.run(selector, 'el.click();', text);
  }

  private setValue(selector: string, value: string, append: boolean): Promise<void> {
    return this.run(
      selector,
      `const proto = Object.getPrototypeOf(el);
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${append ? 'el.value + ' : ''}${JSON.stringify(value)});
      el.dispatchEvent(new window.Event('input', { bubbles: true }));
      el.dispatchEvent(new window.Event('change', { bubbles: true }));`,
    );
  }

  fill(selector: string, value: string): Promise<void> {
    return this.setValue(selector, value, false);
  }

  type(selector: string, text: string): Promise<void> {
    return this.setValue(selector, text, true);
  }

  press(selector: string, chord: KeyChord, text?: string): Promise<void> {
    const [key, ...mods] = chord.split('+').reverse();
    const init = {
      key,
      bubbles: true,
      cancelable: true,
      ctrlKey: mods.includes('Control'),
      altKey: mods.includes('Alt'),
      shiftKey: mods.includes('Shift'),
      metaKey: mods.includes('Meta'),
    };
    return this.run(selector, `el.dispatchEvent(new window.KeyboardEvent('keydown', ${JSON.stringify(init)}));`, text);
  }

  async select(selector: string, label: string): Promise<void> {
    const ok = await this.evaluate<boolean>(`(() => {
      const select = document.querySelector(${JSON.stringify(selector)});
      const option = Array.from(select.options).find((o) => o.label.trim() === ${JSON.stringify(label)});
      if (!option) return false;
      select.value = option.value;
      select.dispatchEvent(new window.Event('change', { bubbles: true }));
      return true;
    })()`);
    if (!ok) throw new Error(`${selector} has no option "${label}"`);
  }

  screenshot(): Promise<void> {
    throw new Error('BiDi cannot capture the toolbar popup panel');
  }

  close(): Promise<void> {
    return this.toggle();
  }
}

/** Turns a BiDi remote value back into plain JSON. */
function deserialize(value: { type: string; value?: unknown }): unknown {
  switch (value.type) {
    case 'undefined':
    case 'null':
      return value.type === 'null' ? null : undefined;
    case 'string':
    case 'boolean':
      return value.value;
    case 'number':
      return typeof value.value === 'string' ? Number(value.value) : value.value;
    case 'array':
      return (value.value as { type: string }[]).map(deserialize);
    case 'object':
      return Object.fromEntries(
        (value.value as [string | { type: string }, { type: string }][]).map(([k, v]) => [
          typeof k === 'string' ? k : String(deserialize(k)),
          deserialize(v),
        ]),
      );
    case 'date':
      return value.value;
    default:
      return value.value ?? null;
  }
}

/**
 * Debian's Firefox ESR with the Firefox build (dist-firefox/) installed as a temporary add-on, driven
 * over WebDriver BiDi. What a person does through the browser's own UI (the toolbar button, the
 * shortcut, the context menu, the permission prompt) is done in the privileged chrome scope, the way
 * Firefox's own tests do.
 */
export class FirefoxBrowser implements ExtensionBrowser {
  readonly engine = 'firefox' as const;
  private helper!: FirefoxTab;

  private constructor(
    private readonly firefox: FirefoxProcess,
    private readonly base: string,
    private readonly chrome: ReturnType<typeof chromeScope>,
    private readonly downloadDir: string,
  ) {}

  static async launch(options: LaunchOptions = {}, dist = DIST_FIREFOX): Promise<FirefoxBrowser> {
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`no Firefox build in ${dist}: run "npm run build" first`);
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const id = manifest.browser_specific_settings?.gecko?.id;
    if (!id) throw new Error(`${dist}/manifest.json has no browser_specific_settings.gecko.id`);
    const downloadDir = mkdtempSync(join(tmpdir(), 'clipper-downloads-'));
    const firefox = await startFirefox(
      {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: UUID }),
        // Off: permissions.request() after a click is granted at once, as when the editor clicks Allow.
        'extensions.webextOptionalPermissionPrompts': options.permissionPrompt === 'refuse',
        ...(options.restrictedDomains ? { 'extensions.webextensions.restrictedDomains': options.restrictedDomains.join(',') } : {}),
        // The scheme pages see in prefers-color-scheme, extension pages included (0 dark, 1 light).
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      },
      downloadDir,
    );
    try {
      const { extension } = await firefox.bidi.send<{ extension: string }>('webExtension.install', {
        extensionData: { type: 'path', path: resolve(dist) },
      });
      if (extension !== id) throw new Error(`installed ${extension}, expected ${id}`);
      const { contexts } = await firefox.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
        'moz:scope': 'chrome',
      });
      const chrome = chromeScope(firefox.bidi, contexts[0]!.context, id);
      await poll(
        () => chrome.backgroundState(),
        (s) => s === 'running',
        'the background to start',
        30_000,
      );
      const browser = new FirefoxBrowser(firefox, `moz-extension://${UUID}/`, chrome, downloadDir);
      const { contexts: tabs } = await firefox.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
      browser.helper = await browser.navigateTab(tabs[0]!.context, `${browser.base}options/index.html`);
      return browser;
    } catch (error) {
      await firefox.close();
      rmSync(downloadDir, { recursive: true, force: true });
      throw error;
    }
  }

  private async navigateTab(context: string, url: string): Promise<FirefoxTab> {
    // An error page (refused connection, blocked port) is shown, yet navigate rejects: the tab is still usable.
    await this.firefox.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' }).catch(() => undefined);
    return new FirefoxTab(this.firefox.bidi, context, await this.chrome.tabIdOf(context));
  }

  private async newTab(url: string): Promise<FirefoxTab> {
    const { context } = await this.firefox.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    return this.navigateTab(context, url);
  }

  openTab(url: string): Promise<BrowserTab> {
    return this.newTab(url);
  }

  async openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<BrowserTab> {
    const tab = await this.newTab('about:blank');
    if (viewport) await tab.setViewport(viewport.width, viewport.height);
    await this.firefox.bidi.send('browsingContext.navigate', { context: tab.context, url: `${this.base}${path}`, wait: 'complete' });
    return tab;
  }

  /** Waits for the toolbar popup to have read the page, then closes it (the button toggles it). */
  private async settlePopup(open: () => Promise<unknown>): Promise<void> {
    await open();
    await poll(
      () => this.popupState(),
      (s) => s === 'ready',
      'the toolbar popup to show its form',
      15_000,
    );
    await this.chrome.triggerAction();
    await poll(
      () => this.popupState(),
      (s) => s === 'none',
      'the toolbar popup to close',
      5_000,
    );
  }

  private popupState(): Promise<'none' | 'loading' | 'ready'> {
    return this.helper.evaluate(`(() => {
      const view = browser.extension.getViews({ type: 'popup' })[0];
      if (!view) return 'none';
      return view.document.querySelector('#summary, [role=alert]') ? 'ready' : 'loading';
    })()`);
  }

  async clickToolbarButton(tab: BrowserTab): Promise<void> {
    const { context } = tab as FirefoxTab;
    await this.firefox.bidi.send('browsingContext.activate', { context });
    await this.settlePopup(() => this.chrome.triggerAction());
    if (!(await this.chrome.hasActiveTab(context))) throw new Error('the toolbar button did not grant activeTab');
  }

  async openToolbarPopup(tab: BrowserTab): Promise<BrowserTab> {
    const { context } = tab as FirefoxTab;
    await this.firefox.bidi.send('browsingContext.activate', { context });
    await this.chrome.triggerAction();
    await poll(
      () => this.popupState(),
      (s) => s === 'ready',
      'the toolbar popup to show its form',
      15_000,
    );
    return new FirefoxPopupTab(this.helper, async () => {
      if ((await this.popupState()) === 'none') return;
      await this.chrome.triggerAction(); // the button toggles its popup
      await poll(
        () => this.popupState(),
        (s) => s === 'none',
        'the toolbar popup to close',
        5_000,
      );
    });
  }

  async pressClipShortcut(tab: BrowserTab): Promise<void> {
    const { context } = tab as FirefoxTab;
    await this.firefox.bidi.send('browsingContext.activate', { context });
    const shortcut = await this.clipShortcut();
    if (!shortcut) throw new Error('no keyboard shortcut is bound to the toolbar button');
    await this.settlePopup(() => this.chrome.pressKeys(shortcut));
  }

  clipShortcut(): Promise<string> {
    return this.helper.evaluate<string>(
      `browser.commands.getAll().then((all) => all.find((c) => c.name === '_execute_action')?.shortcut ?? '')`,
    );
  }

  async setClipShortcut(shortcut: string): Promise<void> {
    // The add-ons manager's shortcut page saves through the same ExtensionShortcuts store commands.update writes.
    await this.helper.evaluate(`browser.commands.update({ name: '_execute_action', shortcut: ${JSON.stringify(shortcut)} })`);
  }

  async tabUrls(): Promise<string[]> {
    const { contexts } = await this.firefox.bidi.send<{ contexts: { url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    return contexts.map((c) => c.url);
  }

  async clipLinkFromContextMenu(tab: BrowserTab, linkSelector: string): Promise<void> {
    const firefoxTab = tab as FirefoxTab;
    await this.firefox.bidi.send('browsingContext.activate', { context: firefoxTab.context });
    const sharedId = await poll(
      async () =>
        (
          await this.firefox.bidi.send<EvaluateResult>('script.evaluate', {
            target: { context: firefoxTab.context },
            expression: findElement(linkSelector),
            awaitPromise: false,
          })
        ).result.sharedId,
      (id) => !!id,
      linkSelector,
    );
    // A real right-click: Firefox opens its content context menu with the extension's items in it.
    await pressOn(this.firefox.bidi, firefoxTab.context, sharedId!, 'context');
    await this.chrome.chooseContextMenuItem('clip-link');
  }

  async stopBackground(): Promise<void> {
    await this.chrome.terminateBackground();
    await poll(
      () => this.chrome.backgroundState(),
      (s) => s === 'stopped',
      'the background to stop',
    );
  }

  storedClippings(): Promise<StoredClipping[]> {
    return this.helper.evaluate(READ_CLIPPINGS_EXPRESSION);
  }

  message<T = unknown>(type: string, payload: unknown): Promise<T> {
    return this.helper.evaluate(`browser.runtime.sendMessage(${JSON.stringify({ type, payload })})`);
  }

  badgeText(tabId: number): Promise<string> {
    return this.helper.evaluate(`browser.action.getBadgeText({ tabId: ${tabId} })`);
  }

  /** Answers the browser's permission prompt (shown when the launch asked for 'refuse'). */
  async answerPermissionPrompt(accept: boolean): Promise<void> {
    await poll(
      () => this.chrome.answerPermissionPrompt(accept),
      (answered) => answered,
      'the permission prompt',
    );
  }

  async download(tab: BrowserTab, selector: string, text?: string): Promise<string> {
    const before = new Set(readdirSync(this.downloadDir));
    await tab.click(selector, text);
    const name = await poll(
      () =>
        Promise.resolve(
          readdirSync(this.downloadDir).find((f) => !before.has(f) && !f.endsWith('.part') && statSync(join(this.downloadDir, f)).size > 0),
        ),
      (f) => !!f,
      'the download to finish',
    );
    return readFileSync(join(this.downloadDir, name!), 'utf8');
  }

  async close(): Promise<void> {
    await this.firefox.close();
    rmSync(this.downloadDir, { recursive: true, force: true });
  }
}
