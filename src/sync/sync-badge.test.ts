import { describe, expect, it } from 'vitest';
import { syncBadge } from './sync-badge';
import { describeTarget } from './sync-words';

const GENERIC = describeTarget('generic', 'https://drafts.example.org/api/v1');
const WP = describeTarget('wordpress', 'https://news.example.org');

const pending = { state: 'pending' as const };
const failed = { state: 'failed' as const };
const conflict = { state: 'conflict' as const };

describe('syncBadge', () => {
  it('shows nothing when everything is synced', () => {
    expect(syncBadge([], 'ready', undefined, 'Alt+Shift+K')).toEqual({ text: '', color: '#5b6472', title: 'Clip this page (Alt+Shift+K)' });
  });

  it('counts issues waiting to sync in grey', () => {
    expect(syncBadge([pending, pending], 'ready')).toMatchObject({
      text: '2',
      color: '#5b6472',
      title: expect.stringMatching(/2 issues waiting to sync to the drafting backend$/),
    });
  });

  it('counts failed and conflicting issues in red, before pending ones', () => {
    expect(syncBadge([pending, failed, conflict], 'ready')).toMatchObject({
      text: '!2',
      color: '#b42318',
      title: expect.stringMatching(/2 issues need attention/),
    });
  });

  it('names the shortcut the browser bound, and none when there is none', () => {
    expect(syncBadge([pending], 'ready', WP, 'Ctrl+Shift+Y').title).toBe(
      'Clip this page (Ctrl+Shift+Y) — 1 issue waiting to sync to WordPress site news.example.org',
    );
    expect(syncBadge([], 'none', undefined, '').title).toBe('Clip this page');
  });

  it('names the target the editor set up, never WordPress for a generic one', () => {
    expect(syncBadge([pending, failed], 'ready', GENERIC).title).toBe(
      'Clip this page — 1 issue needs attention to sync to drafting server drafts.example.org/api/v1',
    );
    expect(syncBadge([pending], 'no-access', GENERIC).title).toBe(
      'Clip this page — sync is waiting for access to drafting server drafts.example.org/api/v1: grant it in the options',
    );
    expect(syncBadge([pending], 'ready', WP).title).toBe('Clip this page — 1 issue waiting to sync to WordPress site news.example.org');
  });

  it('shows nothing to an editor who has not set up a target, whatever is queued', () => {
    expect(syncBadge([pending, failed], 'none').text).toBe('');
  });

  it('says where to go when the target’s site may not be reached yet', () => {
    expect(syncBadge([pending], 'no-access')).toMatchObject({
      text: '!',
      color: '#b42318',
      title: expect.stringMatching(/grant it in the options$/),
    });
    expect(syncBadge([], 'no-access').text).toBe('');
  });
});
