import type { Clipping } from '../clip/clipping';
import type { TombstoneRef } from '../store/clippings-repo';
import type { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import type { DraftUpdate, PushOptions, SyncAdapter } from './adapter';
import { backoffMs } from './retry-policy';
import { SyncError } from './sync-error';

/** Where deleted clippings wait until no draft needs them (ClippingsRepo). */
export interface TombstoneStore {
  listTombstones(): Promise<Pick<Clipping, 'id' | 'issueId' | 'deletedAt' | 'updatedAt'>[]>;
  purgeTombstones(tombstones: readonly TombstoneRef[]): Promise<number>;
}

/**
 * A tombstone is kept at least this long whatever the sync did, so that the issue desk's Undo
 * (clip.restore, which needs the tombstone) still works after the sync that follows every delete.
 */
export const TOMBSTONE_GRACE_MS = 15 * 60_000;

export interface EngineDeps {
  outbox: OutboxRepo;
  syncStates: SyncStateRepo;
  /** The configured target, or undefined when none is set up (nothing is sent; entries wait). */
  adapter: SyncAdapter | undefined;
  /** What the draft of an issue should contain now; undefined when the issue is gone. */
  draftFor(issueId: string): Promise<DraftUpdate | undefined>;
  now(): number;
  random?: () => number;
  /** Deleted clippings, purged after each drain once no draft needs them (the worker always passes it). */
  tombstones?: TombstoneStore;
}

export interface DrainReport {
  synced: string[];
  retrying: string[];
  failed: string[];
  conflicts: string[];
}

/** At most this many issues per drain: a drain is bounded, the alarm brings the next one. */
export const MAX_ISSUES_PER_DRAIN = 20;

/**
 * Sends every due outbox entry to the target, one issue at a time. Each issue's failure is recorded
 * on its own entry and never stops the others (DESIGN invariant 4). Idempotent: running it twice,
 * or after the worker was killed mid-way, repeats at most one push per issue, which the adapter
 * recognises (it finds the draft by id or marker before creating one).
 */
export async function drainOutbox(deps: EngineDeps, only?: { issueId: string; options: PushOptions }): Promise<DrainReport> {
  const report: DrainReport = { synced: [], retrying: [], failed: [], conflicts: [] };
  const { adapter } = deps;
  if (!adapter) {
    await purgeTombstones(deps);
    return report;
  }
  const entries = only
    ? [await deps.outbox.get(only.issueId)].filter((e) => !!e)
    : (await deps.outbox.due(deps.now())).slice(0, MAX_ISSUES_PER_DRAIN);
  for (const entry of entries) {
    const started = deps.now();
    try {
      const update = await deps.draftFor(entry.issueId);
      if (!update) {
        await deps.outbox.afterAttempt(entry.issueId, entry.changedAt, () => undefined);
        continue;
      }
      const previous = await deps.syncStates.get(entry.issueId);
      // Remember what is being written before writing it: if the answer is lost, the next sync must
      // recognise that region as ours, not as an edit made in the target (which would be a false conflict).
      const beforeWrite = async (pendingRegionHash: string) => {
        if (previous) await deps.syncStates.put({ ...previous, pendingRegionHash });
      };
      const state = await adapter.push(update, previous, { ...only?.options, beforeWrite });
      await deps.syncStates.put({ ...state, rendered: only?.options.keepRemote ? {} : (update.rendered ?? {}) });
      await deps.outbox.afterAttempt(entry.issueId, entry.changedAt, () => undefined);
      report.synced.push(entry.issueId);
    } catch (error) {
      const failure =
        error instanceof SyncError ? error : new SyncError('unexpected', { text: error instanceof Error ? error.message : String(error) });
      // The code and its facts, not words: the pages build those, naming the target the editor set up.
      const lastError = { ...failure.data, at: started };
      await deps.outbox.afterAttempt(entry.issueId, entry.changedAt, (current) => {
        if (failure.kind === 'temporary') {
          const attempts = current.attempts + 1;
          const wait = failure.retryAfterMs ?? backoffMs(attempts, deps.random);
          return { ...current, attempts, nextAttemptAt: started + wait, state: 'pending', lastError };
        }
        return { ...current, state: failure.kind === 'conflict' ? 'conflict' : 'failed', lastError };
      });
      (failure.kind === 'temporary' ? report.retrying : failure.kind === 'conflict' ? report.conflicts : report.failed).push(entry.issueId);
    }
  }
  await purgeTombstones(deps);
  return report;
}

/**
 * Deletes the tombstones no draft needs any more, once past TOMBSTONE_GRACE_MS: all of them when no
 * target is set up (there is no draft to update; a target set up later starts from the live clippings),
 * those in no issue, and those of an issue whose last successful sync came after the deletion and
 * did not write that clipping (so the draft no longer holds it). A tombstone of an issue whose sync
 * is stopped (failed, conflict) stays until a sync succeeds. A failure here is logged, never fails
 * the drain: the next drain tries again. Returns how many went.
 */
export async function purgeTombstones(deps: Pick<EngineDeps, 'tombstones' | 'syncStates' | 'adapter' | 'now'>): Promise<number> {
  const { tombstones } = deps;
  if (!tombstones) return 0;
  try {
    const cutoff = deps.now() - TOMBSTONE_GRACE_MS;
    const done: TombstoneRef[] = [];
    for (const tombstone of await tombstones.listTombstones()) {
      if (tombstone.deletedAt === undefined || tombstone.deletedAt > cutoff) continue;
      const state = deps.adapter && tombstone.issueId !== null ? await deps.syncStates.get(tombstone.issueId) : undefined;
      const unneeded =
        !deps.adapter ||
        tombstone.issueId === null ||
        (!!state && state.lastSyncedAt >= tombstone.deletedAt && state.rendered?.[tombstone.id] === undefined);
      if (unneeded) done.push({ id: tombstone.id, updatedAt: tombstone.updatedAt });
    }
    return await tombstones.purgeTombstones(done);
  } catch (error) {
    console.warn('newsletter-clipper: could not purge deleted clippings; trying again after the next sync', error);
    return 0;
  }
}
