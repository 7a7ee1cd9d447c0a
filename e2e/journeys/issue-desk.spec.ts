import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE } from '../samples';
import { expect, test } from './fixtures';
import { byLabel, clipArticle, eventually, expectOrder, openDesk, startClip, waitForText } from './steps';

const ARTICLES = [SAMPLE.blogPost, SAMPLE.newsArticle, 'kubernetes-german'] as const;

test('assemble the issue: reorder by keyboard, move, edit in place, delete with undo, export Markdown, restore a backup in a fresh profile', async ({
  app,
  articles,
  launchApp,
}) => {
  const titles: string[] = [];
  for (const [i, name] of ARTICLES.entries())
    titles.push(await clipArticle(app, articles.url(`/articles/${name}.html`), `Commentary number ${i + 1}.`));
  const outage = await clipArticle(app, articles.url(`/articles/${SAMPLE.statusPage}.html`), '');
  const [a, b, c] = titles as [string, string, string];

  const desk = await openDesk(app);
  await waitForText(desk, '[data-testid=issue-count]', '4 clippings');
  await expectOrder(desk, 'Articles', [a, b, c]);
  await expectOrder(desk, 'Outages', [outage]);

  // Keyboard: the last article moves up with Alt+↑ on its card.
  await desk.press('[data-testid=clipping]', 'Alt+ArrowUp', c);
  await expectOrder(desk, 'Articles', [a, c, b]);
  // The section picker on a card moves it to another section.
  await desk.select(byLabel('select', `Section of “${b}”`), 'Outages');
  await expectOrder(desk, 'Outages', [outage, b]);
  await expectOrder(desk, 'Articles', [a, c]);

  // A summary edited in place is saved when the field loses focus.
  const edited = 'Rewritten on publishing day, with a [link](https://example.org/more).';
  await desk.fill(byLabel('textarea', `Summary of “${a}”`), edited);
  await desk.press(byLabel('textarea', `Summary of “${a}”`), 'Tab');
  await eventually(
    async () => (await app.storedClippings()).find((x) => x.title === a)?.summary,
    (s) => s === edited,
    'the edited summary to be stored',
  );

  // Delete, then Undo.
  await desk.click(byLabel('button', `Delete “${c}”`));
  await waitForText(desk, '[data-testid=notice]', `Deleted “${c}”`);
  await expectOrder(desk, 'Articles', [a]);
  await desk.click('[data-testid=notice] button', 'Undo');
  await expectOrder(desk, 'Articles', [a, c]);

  const markdown = await app.download(desk, 'button', 'Download .md');
  expect(markdown).toContain('## Articles');
  expect(markdown.indexOf(a)).toBeLessThan(markdown.indexOf(c));
  expect(markdown.indexOf('## Articles')).toBeLessThan(markdown.indexOf('## Outages'));
  expect(markdown).toContain(edited);
  expect(markdown).toContain('Priya Raman and Tomás Ortega — Pager Notes');

  // A backup, restored into a fresh profile of the same browser, brings everything back.
  const options = await app.openExtensionPage('options/index.html');
  const backup = await app.download(options, 'button', 'Download backup');
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
    await waitForText(restore, '[data-testid=backup-status]', 'Restored 1 issue, 4 clippings');
    await waitForText(restore, '[data-testid=backup-status]', 'and the settings.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect((await fresh.storedClippings()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(before);
  const restoredDesk = await openDesk(fresh);
  await waitForText(restoredDesk, '[data-testid=issue-count]', '4 clippings');
  await expectOrder(restoredDesk, 'Articles', [a, c]);

  // Publishing day is over: the issue is closed, and clipping one of its articles again says where it ran.
  await desk.click('button', 'Close issue…');
  await desk.click('button', 'Close and start the next issue');
  // The outage without a summary moves on to the next issue (the default).
  await waitForText(desk, '[data-testid=notice]', 'Issue #1 is closed; #2 is open with 1 unfinished clippings.');
  await waitForText(desk, '[data-testid=issue-count]', '1 clipping');
  const { popup } = await startClip(app, articles.url(`/articles/${ARTICLES[0]}.html`));
  await waitForText(popup, '[data-testid=clipped-before]', 'Published before, in issue #1');
});
