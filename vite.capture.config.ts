import { defineConfig } from 'vite';

/**
 * The capture script is injected on demand with `scripting.executeScript({ files: ['capture.js'] })`,
 * so it must be one self-contained classic script (IIFE) at a fixed path. crxjs's `?script` loader
 * would load it as an async ES module, which `executeScript` cannot wait for. This second build writes
 * it into the same dist folder after the crxjs build. Its only job: define
 * `globalThis.__newsletterClipper.capturePage()` in the extension's isolated world.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'chrome110',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/capture/content.ts',
      formats: ['iife'],
      name: 'NewsletterClipperCapture',
      fileName: () => 'capture.js',
    },
  },
});
