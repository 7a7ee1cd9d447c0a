import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * `dist/` is the release build, and the one the clipping tests load: they grant `activeTab` the way
 * a click on the toolbar button does (CDP Extensions.triggerAction). `--mode test` builds `dist-test/`
 * for the sync tests only: it holds host access to 127.0.0.1, standing in for the optional host
 * permission the editor grants at run time (a browser prompt no test can click). Test-only
 * permissions live here, never in manifest.json.
 */
function manifestFor(mode: string): ManifestV3Export {
  if (mode !== 'test') return manifest as ManifestV3Export;
  return { ...manifest, name: `${manifest.name} (test build)`, host_permissions: ['http://127.0.0.1/*'] } as ManifestV3Export;
}

export default defineConfig(({ mode }) => ({
  plugins: [preact(), crx({ manifest: manifestFor(mode) })],
  build: {
    outDir: mode === 'test' ? 'dist-test' : 'dist',
    target: 'chrome116',
    sourcemap: true,
    rollupOptions: {
      // Extension pages that the manifest does not name (opened with runtime.getURL).
      input: { issue: 'issue/index.html' },
    },
  },
}));
