import { type BrowserContext, type Worker, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DIST = resolve(import.meta.dirname, '..', 'dist');
/** The Chromium test build: it holds host access to 127.0.0.1, standing in for the run-time grant the editor gives (a prompt no test can click). */
export const DIST_TEST = resolve(import.meta.dirname, '..', 'dist-test');
/** Debian's Chromium: Playwright's own browser downloads are not available here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

/** Launches Chromium with a throwaway profile and the built extension loaded. */
export async function launchWithExtension({
  headless = true,
  dist = DIST,
  colorScheme = 'light',
}: { headless?: boolean; dist?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<LaunchedExtension> {
  if (!existsSync(resolve(dist, 'manifest.json'))) throw new Error(`no built extension in ${dist}: run "npm run build" first`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless,
    colorScheme,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=Translate,MediaRouter,OptimizationHints',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}
