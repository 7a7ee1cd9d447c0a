import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { IssueDeskPage } from './pages/issue-desk-page';
import { SAMPLE } from './samples';

const ARTICLES = [SAMPLE.blogPost, SAMPLE.newsArticle, 'kubernetes-german'] as const;

test.describe('the issue desk', () => {
  test('clip three articles and an outage, reorder by keyboard and by drag and drop, edit, export Markdown', async ({
    clipper,
    articles,
  }) => {
    const titles: string[] = [];
    for (const [i, name] of ARTICLES.entries()) {
      const { popup } = await clipper.clipFlow(articles.url(`/articles/${name}.html`));
      titles.push(await popup.value('title'));
      await popup.type('summary', `Commentary number ${i + 1}.`);
      await popup.save();
      await popup.close();
    }
    const outage = await clipper.clipFlow(articles.url(`/articles/${SAMPLE.statusPage}.html`));
    const outageTitle = await outage.popup.value('title');
    await outage.popup.save(); // an outage without a note
    await outage.popup.close();

    const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
    await expect(desk.page.getByTestId('issue-count')).toHaveText('4 clippings');
    await desk.expectOrder('Articles', titles);
    await desk.expectOrder('Outages', [outageTitle]);

    // Keyboard: focus the last article and move it up twice with Alt+↑.
    await desk.card(titles[2]!).focus();
    await desk.page.keyboard.press('Alt+ArrowUp');
    await desk.expectOrder('Articles', [titles[0]!, titles[2]!, titles[1]!]);
    await expect(desk.card(titles[2]!)).toBeFocused();
    await desk.page.keyboard.press('Alt+ArrowUp');
    await desk.expectOrder('Articles', [titles[2]!, titles[0]!, titles[1]!]);

    // Drag and drop: the first article's handle onto the last one.
    await desk
      .card(titles[2]!)
      .locator('.drag-handle')
      .dragTo(desk.card(titles[1]!), { targetPosition: { x: 40, y: 60 } });
    await desk.expectOrder('Articles', [titles[0]!, titles[1]!, titles[2]!]);

    // Move to another section with the keyboard-reachable select.
    await desk.card(titles[1]!).getByRole('combobox').selectOption({ label: 'Outages' });
    await desk.expectOrder('Outages', [outageTitle, titles[1]!]);
    await desk.expectOrder('Articles', [titles[0]!, titles[2]!]);

    // Edit a summary in place; it is saved when the field loses focus.
    const summary = desk.card(titles[0]!).locator('textarea.summary');
    await summary.fill('Rewritten on publishing day, with a [link](https://example.org/more).');
    await summary.blur();
    await expect
      .poll(async () => (await clipper.storedClippings()).find((c) => c.title === titles[0])?.summary)
      .toBe('Rewritten on publishing day, with a [link](https://example.org/more).');

    // Export Markdown as a file and read it.
    const downloading = desk.page.waitForEvent('download');
    await desk.page.getByRole('button', { name: 'Download .md' }).click();
    const file = await readFile(await (await downloading).path(), 'utf8');
    expect(file).toContain('## Articles');
    expect(file).toContain('## Outages');
    expect(file.indexOf(titles[0]!)).toBeLessThan(file.indexOf(titles[2]!));
    expect(file).toContain('Rewritten on publishing day, with a [link](https://example.org/more).');
    expect(file).toContain('Priya Raman and Tomás Ortega — Pager Notes');
    expect(file.indexOf('## Articles')).toBeLessThan(file.indexOf('## Outages'));
    // The live preview shows the issue as readers will see it, in the new order.
    const preview = await desk.preview();
    await expect(preview.locator('h1')).toHaveText('My Newsletter Issue #1');
    await expect(preview.locator('h3').first()).toHaveText(titles[0]!);
    await expect(preview).toContainText('Rewritten on publishing day, with a link.');
    await desk.page.screenshot({ path: test.info().outputPath('issue-desk.png') });
  });

  test('delete with undo, filter clippings without a summary, search', async ({ clipper, articles }) => {
    for (const name of [SAMPLE.blogPost, SAMPLE.newsArticle]) {
      const { popup } = await clipper.clipFlow(articles.url(`/articles/${name}.html`));
      if (name === SAMPLE.blogPost) await popup.type('summary', 'Has a summary.');
      await popup.save();
      await popup.close();
    }
    const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
    await expect(desk.page.getByTestId('clipping')).toHaveCount(2);
    await desk.page.getByLabel('Only clippings without a summary').check();
    await expect(desk.page.getByTestId('clipping')).toHaveCount(1);
    await desk.page.getByLabel('Only clippings without a summary').uncheck();
    await desk.page.getByLabel('Search this issue').fill('budgets');
    await expect(desk.page.getByTestId('clipping')).toHaveCount(1);
    await desk.page.getByLabel('Search this issue').fill('');

    const victim = desk.page.getByTestId('clipping').first();
    const title = await victim.locator('.card-title').innerText();
    await victim.getByRole('button', { name: /^Delete/ }).click();
    await expect(desk.notice).toContainText(`Deleted “${title}”`);
    await expect(desk.page.getByTestId('clipping')).toHaveCount(1);
    await desk.notice.getByRole('button', { name: 'Undo' }).click();
    await expect(desk.page.getByTestId('clipping')).toHaveCount(2);
    expect((await clipper.storedClippings()).filter((c) => !c.deletedAt)).toHaveLength(2);
  });
});
