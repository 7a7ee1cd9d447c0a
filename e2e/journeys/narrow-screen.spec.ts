import { SAMPLE } from '../samples';
import { expect, test } from './fixtures';
import { narrowLayoutProblems } from './narrow-layout';
import { PHONE_VIEWPORT, clipArticle, openClipForm, openDesk, save } from './steps';

const CHECK = `(${narrowLayoutProblems.toString()})()`;

// Firefox for Android opens the popup as a full page on a narrow screen; both browsers render the same
// pages at that size here (no Android device in this environment).
test('on a 360 × 640 screen the clip form and the issue desk need no sideways scrolling and every target is finger-sized', async ({
  app,
  articles,
}) => {
  for (const name of [SAMPLE.newsArticle, 'kubernetes-german'])
    await clipArticle(app, articles.url(`/articles/${name}.html`), `Why ${name} matters.`);

  const tab = await app.openTab(articles.url(`/articles/${SAMPLE.blogPost}.html`));
  await app.clickToolbarButton(tab);
  const popup = await openClipForm(app, tab, PHONE_VIEWPORT);
  expect(await popup.evaluate<string[]>(CHECK)).toEqual([]);
  await popup.type('#summary', 'Clipped on a phone-sized screen.');
  await popup.select('#section', 'Articles');
  await save(popup);

  const desk = await openDesk(app, PHONE_VIEWPORT);
  await expect.poll(() => desk.count('[data-testid=clipping]')).toBe(3);
  expect(await desk.evaluate<string[]>(CHECK)).toEqual([]);
  // A card's details open, and the export and sync controls scrolled into view.
  await desk.click('[data-testid=clipping] button[aria-expanded]');
  await desk.evaluate(`(document.querySelector('[aria-label=Export]')?.scrollIntoView(), true)`);
  expect(await desk.evaluate<string[]>(CHECK)).toEqual([]);
});
