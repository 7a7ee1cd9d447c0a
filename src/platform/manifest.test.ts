import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The manifest's keys this test reads (absent keys are undefined). */
interface ManifestKeys {
  permissions: string[];
  host_permissions?: unknown;
  content_scripts?: unknown;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  optional_host_permissions?: unknown;
  commands: { _execute_action: { suggested_key: { default: string; mac?: string } } };
  content_security_policy: { extension_pages: string };
}

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'manifest.json'), 'utf8')) as ManifestKeys;

describe('manifest.json keeps least privilege', () => {
  it('asks only for the install-time permissions the README justifies', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  });

  it('declares no host permissions and no content scripts (capture is injected on demand)', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('asks for host access only at run time, for the drafting backend the editor configures', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('offers a keyboard shortcut for the clip form that browsers bind (not Alt+Shift+C: Chromium keeps it for tab groups)', () => {
    // Chromium binds no suggested key its own window uses (command_service.cc CanAutoAssign → IsChromeAccelerator);
    // on Linux and Windows Alt+Shift+C, N, P, R, W, X and Z are its own (accelerator_table.cc). On a Mac,
    // Option+Shift+letter types characters, so the Mac key is Control+Shift+K.
    expect(manifest.commands._execute_action.suggested_key).toEqual({ default: 'Alt+Shift+K', mac: 'MacCtrl+Shift+K' });
  });

  it('forbids remote and inline code on extension pages', () => {
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'");
  });
});
