import { type ArticleServer, startArticleServer } from './article-server';
import { type WordPress, startWordPress } from './wordpress';
import { type Ttrss, startTtrss } from './ttrss';

/**
 * The test servers as Playwright fixtures, shared by the Chromium-only specs (e2e/fixtures.ts,
 * e2e/sync-fixtures.ts) and the cross-browser journeys (e2e/journeys/).
 */

/** The sample articles on 127.0.0.1, shared by the tests of one file (a worker fixture). */
export const articlesFixture: [(args: object, use: (server: ArticleServer) => Promise<void>) => Promise<void>, { scope: 'worker' }] = [
  async ({}, use: (server: ArticleServer) => Promise<void>) => {
    const server = await startArticleServer();
    await use(server);
    await server.close();
  },
  { scope: 'worker' },
];

/** A real WordPress on 127.0.0.1, started once per test file (a worker fixture). */
export const wordpressFixture: [
  (args: object, use: (wordpress: WordPress) => Promise<void>) => Promise<void>,
  { scope: 'worker'; timeout: number },
] = [
  async ({}, use: (wordpress: WordPress) => Promise<void>) => {
    const wordpress = await startWordPress();
    await use(wordpress);
    await wordpress.stop();
  },
  { scope: 'worker', timeout: 300_000 },
];

/** The WordPress site, emptied before each test. */
export async function wpFixture({ wordpress }: { wordpress: WordPress }, use: (wordpress: WordPress) => Promise<void>): Promise<void> {
  await wordpress.reset();
  await use(wordpress);
}

/** The fixtures a file with sync tests adds. */
export interface SyncFixtures {
  /** The WordPress site, emptied before each test. */
  wp: WordPress;
}

export interface SyncWorkerFixtures {
  wordpress: WordPress;
}

/** A real Tiny Tiny RSS on 127.0.0.1 (and the local feeds it reads), started once per test file (a worker fixture). */
export const ttrssFixture: [(args: object, use: (ttrss: Ttrss) => Promise<void>) => Promise<void>, { scope: 'worker'; timeout: number }] = [
  async ({}, use: (ttrss: Ttrss) => Promise<void>) => {
    const ttrss = await startTtrss();
    process.stderr.write(`[ttrss] started in ${ttrss.startMs} ms\n`);
    await use(ttrss);
    await ttrss.stop();
  },
  { scope: 'worker', timeout: 300_000 },
];
