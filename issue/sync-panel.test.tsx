// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../src/messages/protocol';
import type { StoredSyncError } from '../src/sync/outbox-entry';
import { SyncPanel } from './sync-panel';

// The panel talks to the worker only through these; this test looks at what it offers, not at sending.
vi.mock('../src/messages/client', () => ({ send: vi.fn(() => Promise.resolve({ synced: [], retrying: [], failed: [], conflicts: [] })) }));
vi.mock('../src/platform/extension-pages', () => ({ openOptions: vi.fn(() => Promise.resolve()) }));

const T0 = Date.parse('2026-06-10T10:00:00Z');
const ISSUE = 'issue-0001';
const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

function failedWith(lastError: StoredSyncError, kind: 'wordpress' | 'generic' = 'generic'): SyncStatus {
  return {
    configured: true,
    target: kind === 'generic' ? 'https://drafts.example.org/api/v1' : 'https://news.example.org',
    targetKind: kind,
    entries: [{ issueId: ISSUE, changedAt: T0, attempts: 0, nextAttemptAt: T0, state: 'failed', lastError }],
  };
}

function show(status: SyncStatus): { text: string; buttons: string[] } {
  act(() => render(<SyncPanel issueId={ISSUE} status={status} reload={() => undefined} />, root()));
  return {
    text: root().querySelector('[data-testid=sync-state]')?.textContent ?? '',
    buttons: [...root().querySelectorAll('button')].map((b) => b.textContent ?? ''),
  };
}

describe('SyncPanel: the draft-deleted decision is taken on the code', () => {
  it('offers “Recreate the draft” for a deleted or trashed draft, whatever the words', () => {
    for (const code of ['draft-deleted', 'draft-trashed'] as const) {
      const { text, buttons } = show(failedWith({ code, at: T0 }));
      expect(buttons, code).toEqual(['Recreate the draft']);
      expect(text, code).toContain('drafting server drafts.example.org/api/v1');
    }
  });

  it('does not offer it when only the words speak of “gone” or “trash”', () => {
    // An unexpected error's text and a server's own words may say anything: they decide nothing.
    for (const lastError of [
      { code: 'unexpected', text: 'the post is gone to the trash', at: T0 },
      { code: 'rejected', status: 400, said: 'Draft gone: moved to trash', at: T0 },
    ] satisfies StoredSyncError[]) {
      const { text, buttons } = show(failedWith(lastError));
      expect(text).toMatch(/gone/);
      expect(buttons, lastError.code).toEqual(['Sync now']);
    }
  });

  it('names the configured target, never WordPress for the generic one', () => {
    const generic = show({
      ...failedWith({ code: 'conflict', at: T0 }),
      entries: [
        { issueId: ISSUE, changedAt: T0, attempts: 0, nextAttemptAt: T0, state: 'conflict', lastError: { code: 'conflict', at: T0 } },
      ],
    });
    expect(generic.buttons).toEqual(['Keep the server’s version', 'Overwrite it', 'See both']);
    expect(generic.text).not.toMatch(/WordPress/);
    const wordpress = show({
      ...failedWith({ code: 'auth', status: 401, at: T0 }, 'wordpress'),
      entries: [],
      state: {
        issueId: ISSUE,
        target: 'wordpress:https://news.example.org',
        remoteId: '7',
        lastSyncedAt: T0,
        regionHash: 'h',
        remoteModified: 'm',
      },
    });
    expect(wordpress.text).toMatch(/^Synced to WordPress site news\.example\.org/);
  });

  it('shows a failure in words built from its code, with what to do', () => {
    expect(show(failedWith({ code: 'auth', status: 401, at: T0 }, 'wordpress')).text).toContain(
      'Not synced: WordPress site news.example.org refused the credentials (HTTP 401). Check the user name and Application Password in the options',
    );
  });
});
