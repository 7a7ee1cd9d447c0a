import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { launchWithExtension } from './browser';
import { ExtensionDriver } from './pages/extension-driver';
import { type ArticleServer, startArticleServer } from './servers/article-server';
import { type WordPress, startWordPress } from './servers/wordpress';

/** The test build: it holds host access to 127.0.0.1, standing in for the run-time grant the editor gives. */
export const DIST_TEST = resolve(import.meta.dirname, '..', 'dist-test');

interface Fixtures {
  clipper: ExtensionDriver;
  /** The WordPress site, emptied before each test. */
  wp: WordPress;
}

interface WorkerFixtures {
  articles: ArticleServer;
  wordpress: WordPress;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  articles: [
    async ({}, use) => {
      const server = await startArticleServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  wordpress: [
    async ({}, use) => {
      const wordpress = await startWordPress();
      await use(wordpress);
      await wordpress.stop();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  wp: async ({ wordpress }, use) => {
    await wordpress.reset();
    await use(wordpress);
  },
  clipper: async ({}, use) => {
    const launched = await launchWithExtension({ dist: DIST_TEST });
    await use(new ExtensionDriver(launched));
    await launched.context.close();
  },
});

export { expect } from '@playwright/test';
