import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// The end-to-end tests load this very build: they grant `activeTab` the way a click on the toolbar
// button does (CDP Extensions.triggerAction), so no test-only permission is ever needed.
export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    target: 'chrome116',
    sourcemap: true,
    rollupOptions: {
      // Extension pages that the manifest does not name (opened with runtime.getURL).
      input: { issue: 'issue/index.html' },
    },
  },
});
