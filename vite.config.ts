import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * `--mode test` builds dist-test/, which may read pages on 127.0.0.1 without a user gesture so the
 * end-to-end tests and the headless tour can capture the bundled sample articles. Test-only
 * permissions are added here and never appear in manifest.json or the release build (dist/).
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
    sourcemap: mode === 'test',
  },
}));
