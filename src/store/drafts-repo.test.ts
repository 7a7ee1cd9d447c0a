import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftClipping } from '../clip/clipping';
import { freshDatabase, makeContext, makeForm } from '../../test/fixtures';
import type { ClipperDB } from './db';
import { DRAFT_MAX_AGE_MS, DraftsRepo } from './drafts-repo';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-10T10:00:00Z');

function draft(key: string, updatedAt: number, summary = 'half-typed'): DraftClipping {
  return {
    key,
    form: makeForm({ url: key, title: 'T', summary }),
    context: makeContext({ sources: { url: 'url', title: 'editor' }, notes: ['n'] }),
    updatedAt,
  };
}

let db: ClipperDB;
let repo: DraftsRepo;

beforeEach(async () => {
  const fresh = await freshDatabase('drafts-test');
  db = fresh.db;
  repo = new DraftsRepo(fresh.open);
});
afterEach(() => db.close());

describe('DraftsRepo', () => {
  it('round-trips a draft, with the clipping it edits', async () => {
    const d = { ...draft('https://example.com/a', NOW), clippingId: 'clipping-0001' };
    await repo.put(d);
    expect(await repo.get('https://example.com/a')).toEqual(d);
  });

  it('answers undefined for a page without a draft', async () => {
    expect(await repo.get('https://example.com/none')).toBeUndefined();
  });

  it('keeps one draft per page: a later put replaces it', async () => {
    await repo.put(draft('https://example.com/a', NOW, 'first'));
    await repo.put(draft('https://example.com/a', NOW + 1000, 'second'));
    expect((await repo.get('https://example.com/a'))?.form.summary).toBe('second');
    expect(await db.count('drafts')).toBe(1);
  });

  it('deletes a draft, and deleting a missing one is fine', async () => {
    await repo.put(draft('https://example.com/a', NOW));
    await repo.delete('https://example.com/a');
    await repo.delete('https://example.com/never');
    expect(await repo.get('https://example.com/a')).toBeUndefined();
  });

  it('refuses an invalid draft and stores nothing', async () => {
    const bad = { ...draft('https://example.com/a', NOW), form: { summary: 'only this' } } as unknown as DraftClipping;
    await expect(repo.put(bad)).rejects.toThrow();
    expect(await db.count('drafts')).toBe(0);
  });

  it('ignores a damaged stored draft instead of throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await db.put('drafts', { key: 'https://example.com/a', form: 'garbage', updatedAt: NOW } as unknown as DraftClipping);
    expect(await repo.get('https://example.com/a')).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('sweeps drafts older than 30 days when a draft is saved, keeping younger ones', async () => {
    expect(DRAFT_MAX_AGE_MS).toBe(30 * DAY);
    await db.put('drafts', draft('https://example.com/abandoned', NOW - 90 * DAY));
    await db.put('drafts', draft('https://example.com/just-too-old', NOW - DRAFT_MAX_AGE_MS - 1));
    await db.put('drafts', draft('https://example.com/almost-too-old', NOW - DRAFT_MAX_AGE_MS + 1));
    await db.put('drafts', draft('https://example.com/yesterday', NOW - DAY));

    await repo.put(draft('https://example.com/new', NOW));

    expect((await db.getAllKeys('drafts')).sort()).toEqual([
      'https://example.com/almost-too-old',
      'https://example.com/new',
      'https://example.com/yesterday',
    ]);
  });

  it('judges age against the saved draft’s time, not the machine clock', async () => {
    // Both far in the past relative to the real clock, but only 2 days apart.
    await db.put('drafts', draft('https://example.com/older', Date.parse('2020-01-01T00:00:00Z')));
    await repo.put(draft('https://example.com/newer', Date.parse('2020-01-03T00:00:00Z')));
    expect(await repo.get('https://example.com/older')).toBeDefined();
  });
});
