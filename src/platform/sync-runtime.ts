import browser from 'webextension-polyfill';
import type { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import { type DrainReport, type TombstoneStore, drainOutbox } from '../sync/engine';
import type { DraftUpdate, PushOptions } from '../sync/adapter';
import { GenericAdapter } from '../sync/generic';
import { checkGeneric } from '../sync/generic-check';
import { type TargetReadiness, syncBadge } from '../sync/sync-badge';
import { describeTarget } from '../sync/sync-words';
import { originPattern, type TargetConfig, targetAddress } from '../sync/target-config';
import { WordPressAdapter } from '../sync/wordpress';
import { readClipShortcut } from './clip-shortcut';
import { checkWordPress } from '../sync/wordpress-check';
import type { SyncDeps } from '../worker/handler-deps';
import { clearTarget, readTarget, writeTarget } from './target-storage';

/** The alarm that wakes the worker to drain the outbox (MV3 workers die when idle: no timers). */
export const DRAIN_ALARM = 'outbox-drain';
/** The Web Lock a drain holds (navigator.locks: per origin, so shared by the worker and the extension's pages). */
export const DRAIN_LOCK = 'outbox-drain';
const EMPTY: DrainReport = { synced: [], retrying: [], failed: [], conflicts: [] };

async function hasHostAccess(siteUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(siteUrl)] });
  } catch {
    return false;
  }
}

/**
 * Gives up host access to the target's origin (the target was removed). Fails, answering false, for
 * an origin the manifest itself grants (a required permission cannot be removed; the test build grants
 * 127.0.0.1 that way): the target is gone all the same, only the access stays.
 */
async function dropHostAccess(siteUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: [originPattern(siteUrl)] });
  } catch (error) {
    console.warn('newsletter-clipper: host access to the removed target stays', error);
    return false;
  }
}

async function updateBadge(outbox: OutboxRepo, readiness: TargetReadiness, config: TargetConfig | undefined): Promise<void> {
  const [entries, shortcut] = await Promise.all([outbox.all(), readClipShortcut()]);
  const badge = syncBadge(entries, readiness, config && describeTarget(config.kind, targetAddress(config)), shortcut);
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
}

/** Sets the drain alarm for the soonest pending entry (`get` before `create`, so it is not reset needlessly). */
async function scheduleAlarm(outbox: OutboxRepo, now: number): Promise<void> {
  const next = (await outbox.all()).filter((e) => e.state === 'pending').sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)[0];
  if (!next) {
    await browser.alarms.clear(DRAIN_ALARM);
    return;
  }
  const when = Math.max(next.nextAttemptAt, now + 1000);
  const existing = await browser.alarms.get(DRAIN_ALARM);
  if (existing && Math.abs(existing.scheduledTime - when) < 1000) return;
  await browser.alarms.create(DRAIN_ALARM, { when });
}

/** The real sync dependencies: storage.local for the target, host permissions, fetch, alarms, the badge. */
export function browserSyncDeps(store: {
  outbox: OutboxRepo;
  syncStates: SyncStateRepo;
  tombstones: TombstoneStore;
  draftFor: (issueId: string) => Promise<DraftUpdate | undefined>;
}): SyncDeps {
  const adapterFor = (config: TargetConfig) => (config.kind === 'wordpress' ? new WordPressAdapter(config) : new GenericAdapter(config));
  const drainOnce = async (only?: { issueId: string; options: PushOptions }): Promise<DrainReport> => {
    const config = await readTarget();
    const readiness: TargetReadiness = !config ? 'none' : (await hasHostAccess(targetAddress(config))) ? 'ready' : 'no-access';
    try {
      if (config && readiness === 'ready') return await drainOutbox({ ...store, adapter: adapterFor(config), now: Date.now }, only);
      // No target at all: nothing is sent, but deleted clippings no draft needs are purged.
      return !config ? await drainOutbox({ ...store, adapter: undefined, now: Date.now }, only) : EMPTY;
    } finally {
      // Without a target or host access nothing can be sent: no alarm, until saving the target or granting access wakes the worker.
      const alarm = readiness === 'ready' ? scheduleAlarm(store.outbox, Date.now()) : browser.alarms.clear(DRAIN_ALARM);
      await Promise.all([updateBadge(store.outbox, readiness, config), alarm]).catch(() => undefined);
    }
  };
  /**
   * One drain at a time across the extension: a Web Lock, held by whichever context drains (requests
   * queue in order). It spans contexts of the extension's origin, unlike a promise in one worker's
   * memory, and the browser releases it when its holder ends, a worker killed mid-drain included, so
   * the next worker's drain never waits on a dead one (e2e/outbox-drain-lock.spec.ts shows both).
   */
  const drain = (only?: { issueId: string; options: PushOptions }): Promise<DrainReport> =>
    navigator.locks.request(DRAIN_LOCK, () => drainOnce(only));
  return {
    readTarget,
    writeTarget,
    clearTarget,
    hasHostAccess,
    dropHostAccess,
    adapterFor,
    check: (config) => (config.kind === 'wordpress' ? checkWordPress(config) : checkGeneric(config)),
    draftFor: store.draftFor,
    drain,
  };
}
