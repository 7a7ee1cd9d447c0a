import { describe, expect, it } from 'vitest';
import { clippingSync } from './clipping-sync';

const synced = { lastSyncedAt: 2_000, renderedAt: 1_500 };

describe('clippingSync', () => {
  it('says nothing when no target is set up', () => {
    expect(clippingSync(1_000, { configured: false, state: synced })).toBeUndefined();
  });

  it('a clipping last changed before the synced render is in the draft, even while a later change waits', () => {
    expect(clippingSync(1_500, { configured: true, state: synced })).toBe('in-draft');
    expect(clippingSync(1_000, { configured: true, entry: { state: 'pending' }, state: synced })).toBe('in-draft');
    expect(clippingSync(1_000, { configured: true, entry: { state: 'failed' }, state: synced })).toBe('in-draft');
  });

  it('a change made after the render (while the sync was under way) waits, though the sync ended later', () => {
    expect(clippingSync(1_800, { configured: true, entry: { state: 'pending' }, state: synced })).toBe('waiting');
  });

  it('a newer change is waiting while its issue is pending, and not synced while it is stopped', () => {
    expect(clippingSync(3_000, { configured: true, entry: { state: 'pending' }, state: synced })).toBe('waiting');
    expect(clippingSync(3_000, { configured: true, entry: { state: 'failed' }, state: synced })).toBe('not-synced');
    expect(clippingSync(3_000, { configured: true, entry: { state: 'conflict' }, state: synced })).toBe('not-synced');
  });

  it('before the first sync every clipping waits', () => {
    expect(clippingSync(3_000, { configured: true, entry: { state: 'pending' } })).toBe('waiting');
    expect(clippingSync(3_000, { configured: true })).toBe('waiting');
  });

  it('a state from before renderedAt was recorded falls back to when that sync ended', () => {
    expect(clippingSync(1_900, { configured: true, entry: { state: 'pending' }, state: { lastSyncedAt: 2_000 } })).toBe('in-draft');
  });

  it('with nothing waiting and a draft synced, every clipping is in it', () => {
    expect(clippingSync(9_000, { configured: true, state: synced })).toBe('in-draft');
  });
});
