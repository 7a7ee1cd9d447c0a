import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({
  runtime: { getURL: vi.fn((path: string) => `moz-extension://uuid/${path}`) },
  scripting: { executeScript: vi.fn() },
  tabs: { get: vi.fn(), query: vi.fn(), update: vi.fn() },
}));
vi.mock('webextension-polyfill', () => ({ default: api }));

const { captureTab } = await import('./tab-capture');
const { openOriginalPage } = await import('./original-page');

const page = { pageUrl: 'https://example.com/a', title: { value: 'A', source: 'document-title' }, notes: [] };

beforeEach(() => {
  vi.clearAllMocks();
  api.runtime.getURL.mockImplementation((path: string) => `moz-extension://uuid/${path}`);
});

describe('captureTab', () => {
  it('reads a page, and drops a Reader View offer a page tried to slip in', async () => {
    api.scripting.executeScript.mockResolvedValueOnce([{ result: { ...page, readerView: { originalUrl: 'https://evil.example/' } } }]);
    const { capture, origin } = await captureTab({ id: 1, url: 'https://example.com/a', title: 'A' });
    expect(origin).toBe('page');
    expect(capture).toEqual(page);
    // One round trip: the script and the statement that runs it, injected together.
    expect(api.scripting.executeScript).toHaveBeenCalledTimes(1);
    expect(api.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 1 }, files: ['capture.js', 'capture-run.js'] });
  });

  it('an undefined result (Firefox, its own pages) reads as "could not be read"', async () => {
    api.scripting.executeScript.mockResolvedValue([undefined]);
    const { capture, origin } = await captureTab({ id: 1, url: 'https://example.com/a', title: 'A' });
    expect(origin).toBe('tab');
    expect(capture.notes[0]).toMatch(
      /^This page could not be read: the browser gave the extension nothing back \(it does so for its own pages/,
    );
  });

  it('Firefox’s error page: the refusal is explained by the tab title', async () => {
    api.scripting.executeScript.mockRejectedValue(new Error('Missing host permission for the tab'));
    const { capture } = await captureTab({ id: 1, url: 'http://127.0.0.1:5/x', title: 'Problem loading page' });
    expect(capture.notes[0]).toMatch(/error page/);
    expect(capture.pageUrl).toBe('http://127.0.0.1:5/x');
  });

  it('Mozilla’s sites are recognised up front in Firefox, not in Chromium', async () => {
    const tab = { id: 1, url: 'https://support.mozilla.org/kb/x', title: 'X' };
    expect((await captureTab(tab)).capture.notes[0]).toMatch(/Mozilla’s own sites/);
    expect(api.scripting.executeScript).not.toHaveBeenCalled();
    api.runtime.getURL.mockImplementation((path: string) => `chrome-extension://id/${path}`);
    api.scripting.executeScript.mockResolvedValueOnce([{ result: page }]);
    expect((await captureTab(tab)).origin).toBe('page');
  });

  it('Reader View: the original address and the offer, without touching the tab', async () => {
    const original = 'https://example.com/news/a';
    const { capture, origin } = await captureTab({ id: 1, url: `about:reader?url=${encodeURIComponent(original)}`, title: 'News A' });
    expect(origin).toBe('tab');
    expect(capture).toMatchObject({ pageUrl: original, title: { value: 'News A' }, readerView: { originalUrl: original } });
    expect(api.scripting.executeScript).not.toHaveBeenCalled();
  });
});

describe('openOriginalPage', () => {
  const original = 'https://example.com/news/a';
  const reader = `about:reader?url=${encodeURIComponent(original)}`;

  it('loads the original page in the given tab', async () => {
    api.tabs.get.mockResolvedValue({ id: 7, url: reader });
    await openOriginalPage(7, original);
    expect(api.tabs.get).toHaveBeenCalledWith(7);
    expect(api.tabs.update).toHaveBeenCalledWith(7, { url: original });
  });

  it('the toolbar popup targets the active tab of its window', async () => {
    api.tabs.query.mockResolvedValue([{ id: 9, url: reader }]);
    await openOriginalPage(undefined, original);
    expect(api.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(api.tabs.update).toHaveBeenCalledWith(9, { url: original });
  });

  it('refuses a non-web address and a tab that shows something else', async () => {
    await expect(openOriginalPage(7, 'javascript:alert(1)')).rejects.toThrow(/not a web address/);
    api.tabs.get.mockResolvedValue({ id: 7, url: 'https://other.example/' });
    await expect(openOriginalPage(7, original)).rejects.toThrow(/no longer shows Reader View/);
    expect(api.tabs.update).not.toHaveBeenCalled();
  });
});
