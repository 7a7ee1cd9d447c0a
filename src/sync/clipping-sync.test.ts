import { describe, expect, it } from 'vitest';
import { clippingSync } from './clipping-sync';

const a = { id: 'a', updatedAt: 1_000 };
const state = { rendered: { a: 1_000, b: 900 } };

describe('clippingSync', () => {
  it('says nothing when no target is set up', () => {
    expect(clippingSync(a, { configured: false, state })).toBeUndefined();
  });

  it('the version the last sync wrote is in the draft, also while another change waits', () => {
    expect(clippingSync(a, { configured: true, state })).toBe('in-draft');
    expect(clippingSync(a, { configured: true, entry: { state: 'pending' }, state })).toBe('in-draft');
  });

  it('a newer or an older version than the one written waits (an edit during the sync, an imported older copy)', () => {
    expect(clippingSync({ id: 'a', updatedAt: 1_001 }, { configured: true, entry: { state: 'pending' }, state })).toBe('waiting');
    expect(clippingSync({ id: 'a', updatedAt: 999 }, { configured: true, entry: { state: 'pending' }, state })).toBe('waiting');
    expect(clippingSync({ id: 'c', updatedAt: 1 }, { configured: true, entry: { state: 'pending' }, state })).toBe('waiting');
  });

  it('nothing is in step while the issue’s sync is stopped (the draft is gone, or edited in WordPress)', () => {
    expect(clippingSync(a, { configured: true, entry: { state: 'failed' }, state })).toBe('not-synced');
    expect(clippingSync(a, { configured: true, entry: { state: 'conflict' }, state })).toBe('not-synced');
  });

  it('after “keep WordPress’s version” (nothing of ours written) nothing is in the draft', () => {
    expect(clippingSync(a, { configured: true, state: { rendered: {} } })).toBe('not-synced');
  });

  it('before the first sync every clipping waits; with nothing queued and no draft it is not synced', () => {
    expect(clippingSync(a, { configured: true, entry: { state: 'pending' } })).toBe('waiting');
    expect(clippingSync(a, { configured: true })).toBe('not-synced');
  });
});
