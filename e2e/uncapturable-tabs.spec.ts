import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const PDF = resolve(import.meta.dirname, 'servers', 'pages', 'incident-review.pdf');

test.describe('a tab that cannot be read still yields a clipping, with a note in plain words', () => {
  // The Chrome Web Store is not tested here: headless Chromium closes the whole browser when a routed
  // chromewebstore.google.com page loads with an unpacked extension (seen 2026-11-24, Chromium 156).
  // uncapturableReason's unit tests cover the store's addresses.

  test('a PDF served at an address without .pdf', async ({ clipper, articles }) => {
    const url = articles.url('/reports/download?id=7');
    const body = await readFile(PDF);
    const { popup } = await clipper.clipFlow(url, (page) =>
      page.route(url, (route) => route.fulfill({ contentType: 'application/pdf', body })),
    );
    await expect(popup.notes.first()).toContainText(/PDF|could not be read|did not let/);
    expect(await popup.value('url')).toBe(url);
    await popup.save();
    expect(await clipper.storedClippings()).toHaveLength(1);
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
