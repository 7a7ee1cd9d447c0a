import { defineConfig } from 'vite';
import { buildTargetFor, outDirFor } from './build/manifest-for-browser';
import manifest from './manifest.json' with { type: 'json' };

/**
 * The capture script is injected on demand with `scripting.executeScript({ files: ['capture.js'] })`,
 * so it must be one self-contained classic script (IIFE) at a fixed path. crxjs's `?script` loader
 * would load it as an async ES module, which `executeScript` cannot wait for. This second build writes
 * it into the same dist folder after the crxjs build. Its only job: define
 * `globalThis.__newsletterClipper.capturePage()` in the extension's isolated world.
 * `--mode firefox` writes it into dist-firefox/ for Firefox's target.
 *
 * Beside it goes capture-run.js, one statement that calls it: the worker injects both files in one
 * `executeScript` (src/platform/tab-capture.ts), whose result is that statement's value, so a capture
 * costs one round trip to the page. The benchmarks inject capture.js alone and call it themselves.
 */
export default defineConfig(({ mode }) => ({
  build: {
    outDir: outDirFor(mode === 'firefox' ? 'firefox' : 'chromium', 'release'),
    emptyOutDir: false,
    target: mode === 'firefox' ? buildTargetFor('firefox', manifest) : buildTargetFor('chromium', manifest),
    minify: true,
    sourcemap: false,
    rollupOptions: {
      plugins: [
        {
          name: 'capture-run',
          generateBundle() {
            this.emitFile({ type: 'asset', fileName: 'capture-run.js', source: 'globalThis.__newsletterClipper.capturePage();\n' });
          },
        },
      ],
    },
    lib: {
      entry: 'src/capture/content.ts',
      formats: ['iife'],
      name: 'NewsletterClipperCapture',
      fileName: () => 'capture.js',
    },
  },
}));
