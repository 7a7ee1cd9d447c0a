/**
 * THE place where the Chromium and Firefox manifests differ. manifest.json is written for Chromium;
 * this turns it into each browser's manifest, for the release and the test build. Pure: unit-tested.
 */

export type TargetBrowser = 'chromium' | 'firefox';
export type BuildMode = 'release' | 'test';

/** The add-on id Firefox and addons.mozilla.org know the extension by. Final: the store listing is tied to it. */
export const GECKO_ID = 'newsletter-clipper@newsletter-clipper.app';
/**
 * Firefox 140 (desktop) and 142 (Android) are the first to accept `data_collection_permissions`,
 * which addons.mozilla.org requires of new extensions; every other key and API used is older
 * (MV3 `optional_host_permissions` and `scripting` 128, `action` 109).
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';
/** Test builds only: host access to the local servers of the end-to-end tests, granted at install. */
const TEST_HOSTS = ['http://127.0.0.1/*', 'https://127.0.0.1/*'];

type Json = Record<string, unknown>;
export interface SourceManifest extends Json {
  name: string;
  background: { service_worker: string; type?: string };
  minimum_chrome_version?: string;
}

export function manifestFor(source: SourceManifest, browser: TargetBrowser, mode: BuildMode): Json {
  const testing = mode === 'test' ? { name: `${source.name} (test build)`, host_permissions: TEST_HOSTS } : {};
  if (browser === 'chromium') return { ...source, ...testing };
  const { minimum_chrome_version: _chromeOnly, background, ...common } = source;
  return {
    ...common,
    ...testing,
    // Firefox runs an MV3 background as an event page (background.scripts), not a service worker.
    background: { scripts: [background.service_worker], ...(background.type ? { type: background.type } : {}) },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}

/** The output folder of each build. */
export function outDirFor(browser: TargetBrowser, mode: BuildMode): string {
  return `dist${browser === 'firefox' ? '-firefox' : ''}${mode === 'test' ? '-test' : ''}`;
}

/** The JavaScript each browser's build targets (the oldest version the manifest admits). */
export function buildTargetFor(browser: TargetBrowser, manifestSource: SourceManifest): string {
  return browser === 'firefox' ? `firefox${parseInt(FIREFOX_MIN_VERSION, 10)}` : `chrome${manifestSource.minimum_chrome_version ?? '116'}`;
}
