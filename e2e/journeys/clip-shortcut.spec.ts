import { SAMPLE } from '../samples';
import { expect, test } from './fixtures';
import { eventually, waitForText } from './steps';

/** The default the manifest suggests; Chromium refuses Alt+Shift+C, its own "add a new tab to the group" on Linux and Windows. */
const DEFAULT_SHORTCUT = 'Alt+Shift+K';

test('the browser binds the suggested clip shortcut, and the options page and the toolbar button name it', async ({ app }) => {
  expect(await app.clipShortcut()).toBe(DEFAULT_SHORTCUT);

  const options = await app.openExtensionPage('options/index.html');
  await waitForText(options, '[data-testid=clip-shortcut]', `Press ${DEFAULT_SHORTCUT} on any page to clip it.`);
  await eventually(
    () => options.evaluate<string>('(globalThis.browser ?? chrome).action.getTitle({})'),
    (title) => title === `Clip this page (${DEFAULT_SHORTCUT})`,
    'the toolbar button’s title to name the shortcut',
  );
});

test('with no shortcut set, the options page and the popup say where to set one, and the button opens the browser’s shortcut settings', async ({
  app,
  engine,
  articles,
}) => {
  await app.setClipShortcut('');
  expect(await app.clipShortcut()).toBe('');
  const where =
    engine === 'firefox' ? 'Set one in about:addons → ⚙ → Manage Extension Shortcuts' : 'Set one at chrome://extensions/shortcuts';

  const options = await app.openExtensionPage('options/index.html');
  const text = await waitForText(options, '[data-testid=clip-shortcut]', 'No keyboard shortcut is set for clipping.');
  expect(text).toContain(where);
  await options.click('button', 'Set a shortcut');
  await eventually(
    () => app.tabUrls(),
    (urls) => urls.some((url) => url.startsWith(engine === 'firefox' ? 'about:addons' : 'chrome://extensions/shortcuts')),
    'the browser’s shortcut settings to open',
  );

  const tab = await app.openTab(articles.url(`/articles/${SAMPLE.blogPost}.html`));
  const popup = await app.openToolbarPopup(tab);
  // The popup asks the browser for the binding after it opens: wait for its line.
  await waitForText(popup, '[data-testid=shortcut-hint]', `No keyboard shortcut opens this form. ${where}.`);
  await popup.close();

  // The editor binds another key in the browser's settings: the options page shows that one, not the manifest's.
  await app.setClipShortcut('Alt+Shift+Y');
  expect(await app.clipShortcut()).toBe('Alt+Shift+Y');
  const reopened = await app.openExtensionPage('options/index.html');
  await waitForText(reopened, '[data-testid=clip-shortcut]', 'Press Alt+Shift+Y on any page to clip it.');
});
