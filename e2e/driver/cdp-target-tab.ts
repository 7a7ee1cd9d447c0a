import type { CDPSession } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import type { BrowserTab, KeyChord } from './extension-browser';
import { ToolbarPopupReads } from './page-reads';

interface RemoteObject {
  value?: unknown;
}
interface EvaluateReply {
  result: RemoteObject;
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** Keys a chord may name, as the DevTools protocol's Input.dispatchKeyEvent wants them. */
const KEYS: Record<string, { key: string; code: string; keyCode: number; text?: string }> = {
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9 },
  Escape: { key: 'Escape', code: 'Escape', keyCode: 27 },
  End: { key: 'End', code: 'End', keyCode: 35 },
  ArrowUp: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
};
const MODIFIERS: Record<string, number> = { Alt: 1, Control: 2, Meta: 4, Shift: 8 };

/**
 * A page target Playwright does not surface as a Page — Chromium's real toolbar popup, which is a
 * `page` target at chrome-extension://ID/popup/index.html in no tab — driven over a DevTools session
 * attached to it through the browser session (Target.attachToTarget without flatten, messages relayed
 * by Target.sendMessageToTarget: Playwright's CDPSession cannot address a flat child session).
 * Clicks and keys are real input events (Input.*), so they are user gestures, as in a Playwright Page.
 */
export class CdpTargetTab extends ToolbarPopupReads implements BrowserTab {
  private nextId = 1;
  private readonly pending = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>();

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
    readonly tabId: number,
  ) {
    super();
    browser.on('Target.receivedMessageFromTarget' as never, (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id!);
      if (reply.error) waiter.fail(new Error(reply.error.message));
      else waiter.done(reply.result);
    });
  }

  /** Attaches to the target `targetId`; `tabId` is what the tab-less popup reports (-1). */
  static async attach(browser: CDPSession, targetId: string, tabId = -1): Promise<CdpTargetTab> {
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: false });
    return new CdpTargetTab(browser, sessionId, tabId);
  }

  private send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((done, fail) => {
      this.pending.set(id, { done: done as (value: unknown) => void, fail });
      this.browser
        .send(
          'Target.sendMessageToTarget' as never,
          { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never,
        )
        .catch((error: unknown) => {
          this.pending.delete(id);
          fail(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send<EvaluateReply>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: false,
    });
    if (reply.exceptionDetails)
      throw new Error(
        `evaluate: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}\n  in: ${expression.slice(0, 300)}`,
      );
    return reply.result.value as T;
  }

  /** The centre of the first visible element matching `selector` (with `text`), scrolled into view; polled, bounded. */
  private async centreOf(selector: string, text?: string, focus = false): Promise<{ x: number; y: number }> {
    const find = `(() => {
      const text = ${JSON.stringify(text ?? null)};
      const el = Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
        .find((e) => e.getClientRects().length > 0 && (text === null || (e.textContent || '').includes(text)));
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      if (${focus}) el.focus();
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`;
    const end = Date.now() + 10_000;
    for (;;) {
      const found = await this.evaluate<{ x: number; y: number } | null>(find);
      if (found) return found;
      if (Date.now() > end) throw new Error(`no visible ${selector}${text ? ` with text "${text}"` : ''} in ${await this.url()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async click(selector: string, text?: string): Promise<void> {
    const { x, y } = await this.centreOf(selector, text);
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  }

  async fill(selector: string, value: string): Promise<void> {
    await this.centreOf(selector, undefined, true);
    await this.evaluate(`(() => {
      const el = document.activeElement;
      el.select?.();
      return true;
    })()`);
    await this.send('Input.insertText', { text: value });
  }

  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.press(selector, 'End');
    // Line by line: a newline is an Enter key press, as when typing.
    for (const [i, line] of text.split('\n').entries()) {
      if (i > 0) await this.chord('Enter');
      for (const char of line) {
        await this.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, text: char, unmodifiedText: char });
        await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char });
      }
    }
  }

  private async chord(chord: KeyChord): Promise<void> {
    const names = chord.split('+');
    const name = names.pop()!;
    const modifiers = names.reduce((sum, m) => sum | (MODIFIERS[m] ?? 0), 0);
    const key = KEYS[name] ?? { key: name, code: `Key${name.toUpperCase()}`, keyCode: name.toUpperCase().charCodeAt(0), text: name };
    // A chord with Control, Alt or Meta types no character (Control+Enter submits, it adds no line).
    const text = names.some((m) => m !== 'Shift') ? undefined : key.text;
    await this.send('Input.dispatchKeyEvent', {
      type: text ? 'keyDown' : 'rawKeyDown',
      modifiers,
      key: key.key,
      code: key.code,
      windowsVirtualKeyCode: key.keyCode,
      ...(text ? { text } : {}),
    });
    await this.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      modifiers,
      key: key.key,
      code: key.code,
      windowsVirtualKeyCode: key.keyCode,
    });
  }

  async press(selector: string, chord: KeyChord, text?: string): Promise<void> {
    await this.centreOf(selector, text, true);
    await this.chord(chord);
  }

  async select(selector: string, label: string): Promise<void> {
    await this.centreOf(selector, undefined, true);
    const ok = await this.evaluate<boolean>(`(() => {
      const select = document.querySelector(${JSON.stringify(selector)});
      const option = Array.from(select.options).find((o) => o.label.trim() === ${JSON.stringify(label)});
      if (!option) return false;
      select.value = option.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    if (!ok) throw new Error(`${selector} has no option "${label}"`);
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot');
    await writeFile(path, Buffer.from(data, 'base64'));
  }

  /** Closes the popup as the browser does when it loses focus (window.close() from the popup is the same path). */
  async close(): Promise<void> {
    await this.evaluate('(window.close(), true)').catch(() => undefined);
    await this.browser.detach().catch(() => undefined);
  }
}
