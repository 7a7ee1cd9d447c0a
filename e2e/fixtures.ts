import { test as base } from '@playwright/test';
import { launchWithExtension } from './browser';
import { ExtensionDriver } from './pages/extension-driver';
import type { ArticleServer } from './servers/article-server';
import { articlesFixture } from './servers/fixtures';

interface Fixtures {
  /** A fresh Chromium profile with the built extension loaded, for one test. */
  clipper: ExtensionDriver;
}

interface WorkerFixtures {
  /** The sample articles on 127.0.0.1, shared by the tests of one file. */
  articles: ArticleServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  articles: articlesFixture,
  clipper: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(new ExtensionDriver(launched));
    await launched.context.close();
  },
});

export { expect } from '@playwright/test';
