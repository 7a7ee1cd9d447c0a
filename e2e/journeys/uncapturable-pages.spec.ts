import { createServer } from 'node:net';
import type { Engine, ExtensionBrowser } from '../driver/extension-browser';
import type { ArticleServer } from '../servers/article-server';
import { expect, launchBrowser, test } from './fixtures';
import { openClipForm, save, waitForText } from './steps';

/** An address on 127.0.0.1 where nothing listens: a port taken and released (ports 1 and 9 are "blocked" in Firefox, never "refused"). */
async function refusedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/unreachable-article`;
}

interface Case {
  name: string;
  engines: Engine[];
  /** The tab's address (built from the article server's). */
  address: (articles: ArticleServer) => Promise<string> | string;
  /** What the form's first note must say. */
  note: RegExp;
  /** The URL the form is filled with ('' when the browser hides it or it is not a web address). */
  url: (articles: ArticleServer, address: string) => string;
}

const article = (articles: ArticleServer) => articles.url('/articles/on-call-news.html');

const CASES: Case[] = [
  {
    name: 'a browser page (chrome://version)',
    engines: ['chromium'],
    address: () => 'chrome://version',
    note: /does not show extensions the address/,
    url: () => '',
  },
  {
    name: 'a browser page (about:preferences)',
    engines: ['firefox'],
    address: () => 'about:preferences',
    note: /browser’s own pages/,
    url: () => '',
  },
  {
    name: 'a PDF',
    engines: ['chromium', 'firefox'],
    address: (a) => a.url('/special/incident-review.pdf'),
    note: /PDF/,
    url: (_, address) => address,
  },
  {
    name: 'a PDF at an address without .pdf (Firefox’s PDF viewer)',
    engines: ['firefox'],
    address: (a) => a.url('/reports/download?id=7'),
    note: /PDF/,
    url: (_, address) => address,
  },
  {
    name: 'the source view (view-source:)',
    engines: ['firefox'],
    // Another article than the Reader View case's: in the shared profile, a clipped address reopens as an edit.
    address: (a) => `view-source:${a.url('/articles/error-budgets-blog.html')}`,
    note: /[Ss]ource/,
    url: (a) => a.url('/articles/error-budgets-blog.html'),
  },
  {
    name: 'a page the browser refuses to extensions (a restricted domain)',
    engines: ['firefox'],
    address: (a) => article(a).replace('127.0.0.1', 'localhost'),
    note: /did not let the extension read/,
    url: (_, address) => address,
  },
  {
    name: 'an error page (connection refused)',
    engines: ['chromium', 'firefox'],
    address: () => refusedAddress(),
    note: /error page/,
    url: (_, address) => address,
  },
];

test.describe('a tab that cannot be read still yields a clipping, with a note in plain words', () => {
  /**
   * One profile for the whole file: each case is a tab of its own and finds its clipping by its own
   * summary, so the cases need no fresh browser each (a Firefox launch costs seconds). A failed case
   * ends the worker, and the next one launches a fresh profile again.
   * Firefox: localhost stands in for Mozilla's restricted domains (addons.mozilla.org, …), which no test may reach.
   */
  let app: ExtensionBrowser | undefined;
  test.beforeAll(async ({ engine }) => {
    app = await launchBrowser(engine, { restrictedDomains: ['localhost'] });
  });
  test.afterAll(async () => {
    await app?.close();
  });
  const shared = (): ExtensionBrowser => {
    if (!app) throw new Error('the shared browser did not start');
    return app;
  };

  for (const c of CASES) {
    test.describe(() => {
      test.skip(({ engine }) => !c.engines.includes(engine), 'not a page this browser has');

      test(c.name, async ({ engine, articles }) => {
        const app = shared();
        const address = await c.address(articles);
        const tab = await app.openTab(address);
        await app.clickToolbarButton(tab);
        const popup = await openClipForm(app, tab);
        await waitForText(popup, '[data-testid=capture-note]', c.note);
        const url = await popup.value('#url');
        // Chromium may hide an error page's address while it is being committed; Firefox always keeps it.
        const hiddenByChromium = engine === 'chromium' && c.name.startsWith('an error page') && url === '';
        if (!hiddenByChromium) expect(url).toBe(c.url(articles, address));
        const number = CASES.indexOf(c) + 1;
        if (!url) await popup.fill('#url', `https://example.org/pasted-by-the-editor/${number}`);
        const summary = `Kept although the page could not be read (case ${number}).`;
        await popup.type('#summary', summary);
        await save(popup);
        const kept = (await app.storedClippings()).filter((clipping) => clipping.summary === summary);
        expect(kept).toEqual([expect.objectContaining({ summary, origin: 'tab' })]);
        await popup.close();
        await tab.close();
      });
    });
  }

  test.describe(() => {
    test.skip(({ engine }) => engine !== 'firefox', 'Reader View is Firefox’s');

    test('Firefox’s Reader View: the original address is filled in, and the original page is one click away', async ({ articles }) => {
      const app = shared();
      const original = article(articles);
      const tab = await app.openTab(`about:reader?url=${encodeURIComponent(original)}`);
      await app.clickToolbarButton(tab);
      const popup = await openClipForm(app, tab);
      await waitForText(popup, '[data-testid=capture-note]', 'Reader View');
      expect(await popup.value('#url')).toBe(original);
      expect(await popup.value('#title')).toContain('Hospitals rethink on-call');
      await popup.click('button', 'Open the original page');
      await expect.poll(() => tab.url()).toBe(original);
    });
  });
});
