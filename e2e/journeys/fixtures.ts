import { test as base } from '@playwright/test';
import { ChromiumBrowser } from '../driver/chromium-browser';
import type { Engine, ExtensionBrowser, LaunchOptions } from '../driver/extension-browser';
import { FirefoxBrowser } from '../driver/firefox/firefox-browser';
import type { ArticleServer } from '../servers/article-server';
import { articlesFixture } from '../servers/fixtures';

/** A fresh profile with the built extension, in the given browser (the `app` fixture's, or a file's shared one). */
export function launchBrowser(engine: Engine, options: LaunchOptions): Promise<ExtensionBrowser> {
  return engine === 'firefox' ? FirefoxBrowser.launch(options) : ChromiumBrowser.launch(options);
}

interface JourneyFixtures {
  /** How this test's browser is launched (test.use({ launch: … }) in a file or describe block). */
  launch: LaunchOptions;
  /** A fresh browser profile with the built extension installed, in the project's browser. */
  app: ExtensionBrowser;
  /** Launches another fresh profile in the same browser (closed after the test), e.g. to restore a backup into. */
  launchApp: () => Promise<ExtensionBrowser>;
}

interface JourneyWorkerFixtures {
  /** The project's browser: 'chromium' or 'firefox' (playwright.config.ts). */
  engine: Engine;
  /** The sample articles on 127.0.0.1, shared by the tests of one file. */
  articles: ArticleServer;
}

/**
 * The journeys are written once against the driver layer (e2e/driver/) and run in each browser
 * project of playwright.config.ts.
 */
export const test = base.extend<JourneyFixtures, JourneyWorkerFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  launch: [{}, { option: true }],
  articles: articlesFixture,
  app: async ({ engine, launch }, use) => {
    const app = await launchBrowser(engine, launch);
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },
  launchApp: async ({ engine, launch }, use) => {
    const launched: ExtensionBrowser[] = [];
    await use(async () => {
      const app = await launchBrowser(engine, launch);
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
});

export { expect } from '@playwright/test';
