import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendFirstMessage } from './first-message';

const scope = globalThis as { browser?: unknown; chrome?: unknown };

afterEach(() => {
  delete scope.browser;
  delete scope.chrome;
});

const message = { type: 'clip.prepare', payload: { tabId: 3 } };

describe('sendFirstMessage', () => {
  it('uses Firefox’s `browser` when it has a runtime, and hands back the raw reply', async () => {
    const firefox = vi.fn().mockResolvedValue({ ok: true, value: { key: 'k' } });
    const chromium = vi.fn();
    scope.browser = { runtime: { sendMessage: firefox } };
    scope.chrome = { runtime: { sendMessage: chromium } };
    await expect(sendFirstMessage(message)).resolves.toEqual({ ok: true, value: { key: 'k' } });
    expect(firefox).toHaveBeenCalledWith(message);
    expect(chromium).not.toHaveBeenCalled();
  });

  it('uses Chromium’s `chrome` (promise-based in MV3) when there is no `browser`', async () => {
    const chromium = vi.fn().mockResolvedValue({ ok: false, error: { code: 'not-found', message: 'gone' } });
    scope.chrome = { runtime: { sendMessage: chromium } };
    await expect(sendFirstMessage(message)).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } });
    expect(chromium).toHaveBeenCalledWith(message);
  });

  it('turns the polyfill’s rejection shape into a rejection, as the polyfill’s own sendMessage does', async () => {
    scope.chrome = {
      runtime: { sendMessage: vi.fn().mockResolvedValue({ __mozWebExtensionPolyfillReject__: true, message: 'listener threw' }) },
    };
    await expect(sendFirstMessage(message)).rejects.toThrow('listener threw');
  });

  it('rejects when the browser does (no worker listening), and when the page has no messaging at all', async () => {
    scope.chrome = { runtime: { sendMessage: vi.fn().mockRejectedValue(new Error('Receiving end does not exist.')) } };
    await expect(sendFirstMessage(message)).rejects.toThrow('Receiving end does not exist.');
    delete scope.chrome;
    scope.browser = {};
    await expect(sendFirstMessage(message)).rejects.toThrow('no extension messaging');
  });
});
