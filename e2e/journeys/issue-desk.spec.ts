import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE } from '../samples';
import { expect, test } from './fixtures';
import { byLabel, clipArticle, eventually, expectOrder, openDesk, startClip, unlabelledControls, waitForText } from './steps';

const ARTICLES = [SAMPLE.blogPost, SAMPLE.newsArticle, 'kubernetes-german'] as const;

test('assemble the issue: reorder by keyboard, move, edit in place, delete with undo, export Markdown, mark as published (locked), restore its kept backup in a fresh profile', async ({
  app,
  articles,
  launchApp,
}) => {
  // Two profiles (the restore goes into a fresh one) on a loaded two-core runner: more than the default minute.
  test.setTimeout(180_000);
  const titles: string[] = [];
  for (const [i, name] of ARTICLES.entries())
    titles.push(await clipArticle(app, articles.url(`/articles/${name}.html`), `Commentary number ${i + 1}.`));
  const outage = await clipArticle(app, articles.url(`/articles/${SAMPLE.statusPage}.html`), '');
  const [a, b, c] = titles as [string, string, string];

  const desk = await openDesk(app);
  await waitForText(desk, '[data-testid=issue-count]', '4 clippings');
  await expectOrder(desk, 'Articles', [a, b, c]);
  await expectOrder(desk, 'Outages', [outage]);

  // Every control on the desk has a name.
  expect(await unlabelledControls(desk)).toEqual([]);

  // Keyboard: the last article moves up with Alt+↑ on its card, which keeps the focus.
  await desk.press('[data-testid=clipping]', 'Alt+ArrowUp', c);
  await expectOrder(desk, 'Articles', [a, c, b]);
  await expect.poll(() => desk.focused()).toBe(c);
  // The section picker on a card moves it to another section; focus follows the card there.
  await desk.select(byLabel('select', `Section of “${b}”`), 'Outages');
  await expectOrder(desk, 'Outages', [outage, b]);
  await expectOrder(desk, 'Articles', [a, c]);
  await expect.poll(() => desk.focused()).toBe(b);

  // A summary edited in place is saved when the field loses focus.
  const edited = 'Rewritten on publishing day, with a [link](https://example.org/more).';
  await desk.fill(byLabel('textarea', `Summary of “${a}”`), edited);
  await desk.press(byLabel('textarea', `Summary of “${a}”`), 'Tab');
  await eventually(
    async () => (await app.storedClippings()).find((x) => x.title === a)?.summary,
    (s) => s === edited,
    'the edited summary to be stored',
  );

  // Delete the last card: focus goes to the one before it, and one key (Ctrl+Z) undoes, with the focus
  // back on the restored card.
  await desk.click(byLabel('button', `Delete “${c}”`));
  await waitForText(desk, '[data-testid=notice]', `Deleted “${c}”. Undo (Ctrl+Z)`);
  await expectOrder(desk, 'Articles', [a]);
  await expect.poll(() => desk.focused()).toBe(a);
  await desk.press(':focus', 'Control+z');
  await expectOrder(desk, 'Articles', [a, c]);
  await expect.poll(() => desk.focused()).toBe(c);

  const markdown = await app.download(desk, 'button', 'Download .md');
  expect(markdown).toContain('## Articles');
  expect(markdown.indexOf(a)).toBeLessThan(markdown.indexOf(c));
  expect(markdown.indexOf('## Articles')).toBeLessThan(markdown.indexOf('## Outages'));
  expect(markdown).toContain(edited);
  expect(markdown).toContain('Priya Raman and Tomás Ortega — Pager Notes');

  // Publishing day: Mark as published. The outage without a summary moves on to the next issue (the
  // default); focus is on the new issue's heading.
  await desk.click('button', 'Mark as published…');
  await expect.poll(() => desk.focused()).toBe('Move the 1 clipping without a summary to the next issue');
  await desk.click('button', 'Publish #1 and open the next issue');
  await waitForText(desk, '[data-testid=notice]', 'Issue #1 is published and locked; #2 is open with 1 unfinished clipping.');
  await waitForText(desk, '[data-testid=issue-count]', '1 clipping');
  await expect.poll(() => desk.focused()).toBe('h1: Issue #2');

  // Issue #1 is locked: the worker refuses an edit, in words, and the desk shows it read-only, with Reopen.
  const locked = {
    ok: false,
    error: { code: 'forbidden', message: 'Issue #1 is published, so it cannot be changed. Reopen it on the issue desk first.' },
  };
  const published = (await app.storedClippings()).find((x) => x.title === a)!;
  expect(await app.message('clip.update', { id: published.id, changes: { summary: 'Too late' } })).toEqual(locked);
  await desk.select('.issue-switch select', '#1 (published)');
  await waitForText(desk, '[data-testid=published-line]', 'Published on');
  await expectOrder(desk, 'Articles', [a, c]);
  expect(await desk.count('[data-testid=clipping] textarea, [data-testid=clipping] button')).toBe(0);
  expect(await desk.count('[data-testid=published-line] button')).toBe(1);

  // The backup kept on publishing is listed in the options; downloaded and restored into a fresh profile
  // of the same browser, it brings back every clipping, and the lock with them.
  const options = await app.openExtensionPage('options/index.html');
  await waitForText(options, '[data-testid=kept-backup]', 'Published #1');
  await waitForText(options, '[data-testid=kept-backup]', '2 issues and 4 clippings');
  const backup = await app.download(options, '[data-testid=kept-backup] button', 'Download');
  expect(JSON.parse(backup)).toMatchObject({ format: 'newsletter-clipper.backup', version: 2 });
  const before = (await app.storedClippings()).sort((x, y) => x.id.localeCompare(y.id));

  const fresh = await launchApp();
  await openDesk(fresh); // the fresh profile opens its own empty issue #1: the restore replaces it
  const restore = await fresh.openExtensionPage('options/index.html');
  const dir = mkdtempSync(join(tmpdir(), 'clipper-backup-'));
  try {
    writeFileSync(join(dir, 'backup.json'), backup);
    await restore.setFiles('input[type=file]', [join(dir, 'backup.json')]);
    // The list is joined as the browser's language joins one (Intl.ListFormat: en-US writes a comma before "and").
    await waitForText(restore, '[data-testid=backup-status]', 'Restored 2 issues, 4 clippings');
    await waitForText(restore, '[data-testid=backup-status]', 'and the settings.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect((await fresh.storedClippings()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(before);
  const restoredDesk = await openDesk(fresh);
  await waitForText(restoredDesk, '[data-testid=issue-count]', '1 clipping');
  await restoredDesk.select('.issue-switch select', '#1 (published)');
  await expectOrder(restoredDesk, 'Articles', [a, c]);
  expect(await fresh.message('clip.update', { id: published.id, changes: { summary: 'Too late' } })).toEqual(locked);

  // Clipping one of its articles again says where it ran.
  const { popup } = await startClip(app, articles.url(`/articles/${ARTICLES[0]}.html`));
  await waitForText(popup, '[data-testid=clipped-before]', 'Published before, in issue #1');
});

test('keyboard focus stays where the editor is: ↑/↓ buttons, Alt+↓ in a section list, delete and undo, next issue; a summary typed is kept when the tab is closed at once', async ({
  app,
  articles,
}) => {
  // Three links clipped without opening them: Unsorted, in this order.
  const links = ['First link', 'Second link', 'Third link'];
  for (const [i, text] of links.entries()) await app.message('clip.link', { url: articles.url(`/articles/link-${i + 1}.html`), text });
  const [l1, l2, l3] = links as [string, string, string];
  const desk = await openDesk(app);
  await expectOrder(desk, 'Unsorted', [l1, l2, l3]);

  // The ↓ button moves its card and keeps the focus; at the bottom it is disabled, and focus takes the card's ↑.
  await desk.click(byLabel('button', `Move “${l1}” down`));
  await expectOrder(desk, 'Unsorted', [l2, l1, l3]);
  await expect.poll(() => desk.focused()).toBe(`Move “${l1}” down`);
  await desk.click(byLabel('button', `Move “${l1}” down`));
  await expectOrder(desk, 'Unsorted', [l2, l3, l1]);
  await expect.poll(() => desk.focused()).toBe(`Move “${l1}” up`);

  // Alt+↓ in a card's section list is the list's own (it opens), not the card's move: the next move shows it.
  await desk.press(byLabel('select', `Section of “${l2}”`), 'Alt+ArrowDown');
  await desk.press(byLabel('select', `Section of “${l2}”`), 'Escape');
  await desk.press('[data-testid=clipping]', 'Alt+ArrowDown', l2);
  await expectOrder(desk, 'Unsorted', [l3, l2, l1]);
  await expect.poll(() => desk.focused()).toBe(l2);

  // Delete in the middle: focus on the next card; the Undo button restores the card and the focus.
  await desk.click(byLabel('button', `Delete “${l2}”`));
  await expectOrder(desk, 'Unsorted', [l3, l1]);
  await expect.poll(() => desk.focused()).toBe(l1);
  await desk.click('[data-testid=notice] button', 'Undo');
  await expectOrder(desk, 'Unsorted', [l3, l2, l1]);
  await expect.poll(() => desk.focused()).toBe(l2);

  // Sent to the next issue: focus on the card that took its place.
  await desk.click(byLabel('button', `Move “${l3}” to the next issue`));
  await waitForText(desk, '[data-testid=notice]', `Moved “${l3}” to issue #2.`);
  await expectOrder(desk, 'Unsorted', [l2, l1]);
  await expect.poll(() => desk.focused()).toBe(l2);

  // A section's only card deleted: focus on the section's heading; Ctrl+Z brings the card back, focused.
  await desk.select(byLabel('select', `Section of “${l1}”`), 'Articles');
  await expectOrder(desk, 'Articles', [l1]);
  await expect.poll(() => desk.focused()).toBe(l1);
  await desk.click(byLabel('button', `Delete “${l1}”`));
  await expectOrder(desk, 'Articles', []);
  await expect.poll(() => desk.focused()).toMatch(/^h2: Articles 0/);
  await desk.press(':focus', 'Control+z');
  await expectOrder(desk, 'Articles', [l1]);
  await expect.poll(() => desk.focused()).toBe(l1);

  // Typed, and the tab closed straight away: no pause, no leaving the field (no blur).
  const summary = 'Typed on the desk, then the tab was closed at once.';
  await desk.type(byLabel('textarea', `Summary of “${l2}”`), summary);
  await desk.close();
  await eventually(
    async () => (await app.storedClippings()).find((x) => x.title === l2)?.summary,
    (s) => s === summary,
    'the summary typed before closing to be stored',
  );

  // The options page: every control named (the new section's name too).
  const options = await app.openExtensionPage('options/index.html');
  await waitForText(options, 'h1', 'settings');
  expect(await unlabelledControls(options)).toEqual([]);
});
