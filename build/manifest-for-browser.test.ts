import { describe, expect, it } from 'vitest';
import manifest from '../manifest.json' with { type: 'json' };
import { GECKO_ID, type SourceManifest, buildTargetFor, manifestFor, outDirFor } from './manifest-for-browser';

const source = manifest as SourceManifest;

describe('manifestFor', () => {
  it('leaves the Chromium release manifest as written', () => {
    expect(manifestFor(source, 'chromium', 'release')).toEqual(source);
  });

  it('gives Firefox an event page, an add-on id, no data collection and Android support, and drops Chrome-only keys', () => {
    const firefox = manifestFor(source, 'firefox', 'release');
    expect(firefox.background).toEqual({ scripts: ['background/index.ts'], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    // Everything else is the one source: permissions, commands, popup, icons.
    for (const key of [
      'permissions',
      'optional_host_permissions',
      'commands',
      'action',
      'icons',
      'options_ui',
      'content_security_policy',
      'version',
    ]) {
      expect(firefox[key]).toEqual(source[key]);
    }
  });

  it('adds host access to 127.0.0.1 only to test builds, never to a release', () => {
    expect(manifestFor(source, 'chromium', 'test')).toMatchObject({
      host_permissions: ['http://127.0.0.1/*', 'https://127.0.0.1/*'],
      name: '__MSG_extName__ (test build)',
    });
    expect(manifestFor(source, 'firefox', 'test')).toMatchObject({ host_permissions: ['http://127.0.0.1/*', 'https://127.0.0.1/*'] });
    expect(manifestFor(source, 'firefox', 'release')).not.toHaveProperty('host_permissions');
    expect(source).not.toHaveProperty('host_permissions');
  });

  it('names each build’s folder and target', () => {
    expect([outDirFor('chromium', 'release'), outDirFor('firefox', 'release'), outDirFor('chromium', 'test')]).toEqual([
      'dist',
      'dist-firefox',
      'dist-test',
    ]);
    expect([buildTargetFor('chromium', source), buildTargetFor('firefox', source)]).toEqual(['chrome116', 'firefox140']);
  });
});
