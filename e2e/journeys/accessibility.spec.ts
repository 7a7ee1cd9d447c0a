import { SAMPLE } from '../samples';
import { type GenericTarget, startGenericTarget } from '../servers/generic-target';
import { type ViewAudit, audit, auditDocument, auditTable, contrastLines, grave } from './accessibility';
import { expect, test } from './fixtures';
import { byLabel, clipArticle, eventually, openDesk, startClip, waitForText } from './steps';

const TOKEN = 'accessibility-token';

/** The preview page's background in each scheme: the export follows the reader's (and the desk's) scheme. */
const PREVIEW_BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(30, 33, 39)' };

/**
 * Every view, in the light and the dark scheme, as axe-core and a contrast check against the real
 * composited background see it: the clip form (pre-filled, with its source badges), the issue desk
 * with clippings in a failed sync and then in a conflict (with both versions compared), its preview
 * (audited as a page of its own: axe cannot enter the script-less sandboxed frame), and the options
 * page with a connection tested. The backend is the reference generic HTTP/JSON server, the lightest
 * real one that can refuse a token (a failed sync) and hold an edited draft (a conflict).
 */
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.describe.configure({ timeout: 180_000 });
    // Chromium cannot show its permission prompt to a test: there the test build holds access to 127.0.0.1.
    test.use({ launch: { testBuild: true, colorScheme: scheme } });

    let server: GenericTarget;
    test.beforeEach(async () => {
      server = await startGenericTarget({ token: TOKEN });
    });
    test.afterEach(async () => {
      await server.close();
    });

    test(`popup, desk (failed sync, conflict), preview and options: no critical or serious axe violation, all text AA`, async ({
      app,
      articles,
    }) => {
      const audits: ViewAudit[] = [];

      const options = await app.openExtensionPage('options/index.html');
      await options.select(byLabel('select', 'Backend'), 'Generic HTTP/JSON server');
      await options.fill('input[type=url]', server.baseUrl);
      await options.fill('input[type=password]', TOKEN);
      await options.click('button', 'Save and allow access');
      await waitForText(options, '[data-testid=wordpress-status]', 'Saved ✓');
      await options.click('button', 'Test connection');
      await waitForText(options, '[data-testid=connection-checks]', 'may change drafts');
      audits.push(await audit(options, 'options', scheme));
      await options.close();

      const first = await clipArticle(app, articles.url(`/articles/${SAMPLE.blogPost}.html`), 'Why budgets matter.');
      await clipArticle(app, articles.url(`/articles/${SAMPLE.statusPage}.html`), 'An outage, told well.', 'Outages');
      await eventually(
        () => Promise.resolve(Object.values(server.drafts()).map((d) => d.content.includes(first))),
        (held) => held.length === 1 && held[0] === true,
        'the server to hold the draft',
      );

      const { tab, popup } = await startClip(app, articles.url(`/articles/${SAMPLE.newsArticle}.html`));
      await eventually(
        () => popup.count('[data-source]'),
        (n) => n > 0,
        'the source badges',
      );
      audits.push(await audit(popup, 'popup', scheme));
      await popup.screenshot(test.info().outputPath(`popup-${scheme}.png`));
      await popup.close();
      await tab.close();

      // A failed sync: the server no longer accepts the token, and the editor changes a summary.
      server.setToken('rotated-elsewhere');
      const desk = await openDesk(app);
      const summary = byLabel('textarea', `Summary of “${first}”`);
      await desk.fill(summary, 'Rewritten after the token was rotated.');
      await desk.press(summary, 'Tab');
      await waitForText(desk, '[data-testid=sync-state]', 'Not synced');
      await waitForText(desk, '[data-testid=clipping-sync]', 'Not synced');
      audits.push(await audit(desk, 'desk, failed sync', scheme, ['iframe']));

      // A conflict: the token works again, but the draft was edited on the server meanwhile.
      server.setToken(TOKEN);
      const [issueId] = Object.keys(server.drafts());
      server.editDraft(issueId!, { content: 'Edited on the server.' });
      await desk.click('button', 'Sync now');
      await waitForText(desk, '[data-testid=sync-state]', 'Conflict');
      await desk.click('button', 'See both');
      await eventually(
        () => desk.count('[data-testid=sync-compare]'),
        (n) => n === 1,
        'both versions side by side',
      );
      audits.push(await audit(desk, 'desk, conflict', scheme, ['iframe']));
      await desk.screenshot(test.info().outputPath(`desk-${scheme}.png`));

      const preview = await desk.evaluate<string>(`document.querySelector('[data-testid=preview]')?.srcdoc ?? ''`);
      expect(preview).toContain('<main>');
      const page = await app.openTab(articles.url(`/articles/${SAMPLE.blogPost}.html`));
      audits.push(await auditDocument(page, preview, 'desk preview', scheme));
      expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(PREVIEW_BACKGROUND[scheme]);

      console.log(`\n${app.engine}, ${scheme} scheme:\n${auditTable(audits)}\n`);
      for (const line of contrastLines(audits)) console.log(`  ${line}`);

      const violations = audits.flatMap((a) => grave(a).map((v) => `${a.view}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`));
      expect(violations).toEqual([]);
      expect(contrastLines(audits)).toEqual([]);
    });
  });
}
