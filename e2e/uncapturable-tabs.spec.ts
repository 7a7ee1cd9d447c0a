import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const PDF = resolve(import.meta.dirname, 'servers', 'pages', 'incident-review.pdf');

test.describe('a tab that cannot be read still yields a clipping, with a note in plain words', () => {
  test('a browser page (chrome://): the editor pastes the address and nothing typed is lost', async ({ clipper }) => {
    const { popup } = await clipper.clipFlow('chrome://version');
    await expect(popup.notes.first()).toContainText('does not show extensions the address');
    expect(await popup.value('url')).toBe('');
    await popup.replace('url', 'https://chromium.googlesource.com/chromium/src/+/main/docs/README.md');
    await popup.replace('title', 'Chromium docs');
    await popup.type('summary', 'Typed on a page the extension cannot read.');
    await popup.save();
    const [stored] = await clipper.storedClippings();
    expect(stored).toMatchObject({ title: 'Chromium docs', summary: 'Typed on a page the extension cannot read.', origin: 'tab' });
  });

  // The Chrome Web Store is not tested here: headless Chromium closes the whole browser when a routed
  // chromewebstore.google.com page loads with an unpacked extension (seen 2026-11-24, Chromium 156).
  // uncapturableReason's unit tests cover the store's addresses.

  test('a PDF keeps its address and tab title', async ({ clipper, articles }) => {
    const url = articles.url('/special/incident-review.pdf');
    const { popup } = await clipper.clipFlow(url);
    await expect(popup.notes.first()).toContainText('PDF');
    expect(await popup.value('url')).toBe(url);
    await popup.type('summary', 'The PDF itself is the write-up.');
    await popup.save();
    const [stored] = await clipper.storedClippings();
    expect(stored).toMatchObject({ url, summary: 'The PDF itself is the write-up.', origin: 'tab' });
  });

  test('a PDF served at an address without .pdf', async ({ clipper, articles }) => {
    const url = articles.url('/reports/download?id=7');
    const body = await readFile(PDF);
    const { popup } = await clipper.clipFlow(url, (page) => page.route(url, (route) => route.fulfill({ contentType: 'application/pdf', body })));
    await expect(popup.notes.first()).toContainText(/PDF|could not be read|did not let/);
    expect(await popup.value('url')).toBe(url);
    await popup.save();
    expect(await clipper.storedClippings()).toHaveLength(1);
  });

  test('an error page (connection refused): the browser hides its address, the form says so', async ({ clipper }) => {
    const { popup } = await clipper.clipFlow('http://127.0.0.1:9/unreachable-article');
    // Depending on timing the browser either hides the error page's address or refuses to script it: both say so.
    await expect(popup.notes.first()).toContainText(/error page/);
    await popup.replace('url', 'http://127.0.0.1:9/unreachable-article');
    await popup.type('summary', 'Kept although the page did not load.');
    await popup.save();
    expect((await clipper.storedClippings())[0]).toMatchObject({ url: 'http://127.0.0.1:9/unreachable-article', origin: 'tab' });
  });

  test('a page that freezes: the form opens after the capture times out', async ({ clipper, articles }) => {
    const url = articles.url('/special/frozen.html');
    const { page, tabId } = await clipper.openTab(url, undefined, 'commit'); // the page never finishes loading
    await clipper.clickToolbarButton(page);
    const popup = await clipper.openPopup(tabId);
    await expect(popup.notes.first()).toContainText('did not answer in time');
    expect(await popup.value('url')).toBe(url);
    await popup.type('summary', 'Still clipped.');
    await popup.save();
    expect((await clipper.storedClippings())[0]?.summary).toBe('Still clipped.');
  });
});
