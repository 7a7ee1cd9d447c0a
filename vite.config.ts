import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { type Plugin, defineConfig } from 'vite';
import {
  type BuildMode,
  type SourceManifest,
  type TargetBrowser,
  buildTargetFor,
  manifestFor,
  outDirFor,
} from './build/manifest-for-browser';
import manifest from './manifest.json' with { type: 'json' };

/**
 * One code base, four builds, chosen by `--mode`:
 *   (default)       dist/               Chromium release
 *   firefox         dist-firefox/       Firefox release (desktop and Android)
 *   test            dist-test/          Chromium, with host access to 127.0.0.1 for the sync tests
 *   firefox-test    dist-firefox-test/  the same for Firefox (unused by the tests, which grant access at a click)
 * Every difference between the browsers' manifests lives in build/manifest-for-browser.ts. The capture
 * script is a second build (vite.capture.config.ts) into the same folder. Release builds carry no
 * source maps.
 */
function parseMode(mode: string): { browser: TargetBrowser; buildMode: BuildMode } {
  return { browser: mode.startsWith('firefox') ? 'firefox' : 'chromium', buildMode: mode.endsWith('test') ? 'test' : 'release' };
}

/**
 * The popup's first script (popup/start.ts) sends clip.prepare, then imports the main bundle
 * dynamically. This marks that script `async` and adds `<link rel=modulepreload>` for the main
 * bundle's files to the popup's HTML, so the browser fetches and compiles them while the first script
 * runs and the page is read.
 */
function preloadPopupMainBundle(): Plugin {
  return {
    name: 'preload-popup-main-bundle',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, chunk, bundle }) {
        if (!path.endsWith('popup/index.html') || !chunk || !bundle) return;
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const found = bundle[fileName];
          if (found?.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          found.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        return {
          // async: the first script runs as soon as it is fetched, waiting neither for the stylesheet nor for the end of parsing.
          html: html.replace(
            `<script type="module" crossorigin src="/${chunk.fileName}">`,
            `<script type="module" async crossorigin src="/${chunk.fileName}">`,
          ),
          tags: [...files].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const { browser, buildMode } = parseMode(mode);
  const source = manifest as SourceManifest;
  return {
    plugins: [
      preact(),
      preloadPopupMainBundle(),
      crx({
        manifest: manifestFor(source, browser, buildMode) as unknown as ManifestV3Export,
        browser: browser === 'firefox' ? 'firefox' : 'chrome',
      }),
    ],
    build: {
      outDir: outDirFor(browser, buildMode),
      target: buildTargetFor(browser, source),
      sourcemap: buildMode === 'test',
      // Every supported browser has modulepreload: the polyfill was one more file before each page's first script.
      modulePreload: { polyfill: false },
      rollupOptions: {
        // Extension pages that the manifest does not name (opened with runtime.getURL).
        input: { issue: 'issue/index.html' },
      },
    },
  };
});
