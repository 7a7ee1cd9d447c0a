import { createServer } from 'node:net';
import type { Engine } from '../driver/extension-browser';
import type { ArticleServer } from '../servers/article-server';
import { expect, test } from './fixtures';
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
    address: (a) => `view-source:${article(a)}`,
    note: /[Ss]ource/,
    url: (a) => article(a),
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
  // Firefox: localhost stands in for Mozilla's restricted domains (addons.mozilla.org, …), which no test may reach.
  test.use({ launch: { restrictedDomains: ['localhost'] } });

  for (const c of CASES) {
    test.describe(() => {
      test.skip(({ engine }) => !c.engines.includes(engine), 'not a page this browser has');

      test(c.name, async ({ app, engine, articles }) => {
        const address = await c.address(articles);
        const tab = await app.openTab(address);
        await app.clickToolbarButton(tab);
        const popup = await openClipForm(app, tab);
        await waitForText(popup, '[data-testid=capture-note]', c.note);
        const url = await popup.value('#url');
        // Chromium may hide an error page's address while it is being committed; Firefox always keeps it.
        const hiddenByChromium = engine === 'chromium' && c.name.startsWith('an error page') && url === '';
        if (!hiddenByChromium) expect(url).toBe(c.url(articles, address));
        if (!url) await popup.fill('#url', 'https://example.org/pasted-by-the-editor');
        await popup.type('#summary', 'Kept although the page could not be read.');
        await save(popup);
        expect((await app.storedClippings())[0]).toMatchObject({ summary: 'Kept although the page could not be read.', origin: 'tab' });
      });
    });
  }

  test.describe(() => {
    test.skip(({ engine }) => engine !== 'firefox', 'Reader View is Firefox’s');

    test('Firefox’s Reader View: the original address is filled in, and the original page is one click away', async ({ app, articles }) => {
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
