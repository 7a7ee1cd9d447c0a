import browser from 'webextension-polyfill';
import type { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import { type DrainReport, drainOutbox } from '../sync/engine';
import type { DraftUpdate, PushOptions } from '../sync/adapter';
import { GenericAdapter } from '../sync/generic';
import { checkGeneric } from '../sync/generic-check';
import { originPattern, type TargetConfig, targetAddress } from '../sync/target-config';
import { WordPressAdapter } from '../sync/wordpress';
import { checkWordPress } from '../sync/wordpress-check';
import type { SyncDeps } from '../worker/sync-handlers';
import { clearTarget, readTarget, writeTarget } from './target-storage';

/** The alarm that wakes the worker to drain the outbox (MV3 workers die when idle: no timers). */
export const DRAIN_ALARM = 'outbox-drain';
const EMPTY: DrainReport = { synced: [], retrying: [], failed: [], conflicts: [] };

async function hasHostAccess(siteUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(siteUrl)] });
  } catch {
    return false;
  }
}

/** Badge: failed or conflicting issues as a red count, else pending ones in grey; nothing when all synced. */
async function updateBadge(outbox: OutboxRepo): Promise<void> {
  const entries = await outbox.all();
  const stuck = entries.filter((e) => e.state !== 'pending').length;
  const pending = entries.length - stuck;
  await browser.action.setBadgeBackgroundColor({ color: stuck ? '#b42318' : '#5b6472' });
  await browser.action.setBadgeText({ text: stuck ? `!${stuck}` : pending ? String(pending) : '' });
  await browser.action.setTitle({
    title: stuck ? `Clip this page (Alt+Shift+C) — ${stuck} issue(s) need attention to sync` : pending ? `Clip this page (Alt+Shift+C) — ${pending} issue(s) waiting to sync` : 'Clip this page (Alt+Shift+C)',
  });
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
  browser.alarms.create(DRAIN_ALARM, { when });
}

/** The real sync dependencies: storage.local for the target, host permissions, fetch, alarms, the badge. */
export function browserSyncDeps(store: { outbox: OutboxRepo; syncStates: SyncStateRepo; draftFor(issueId: string): Promise<DraftUpdate | undefined> }): SyncDeps {
  // One drain at a time within this worker's life; a killed worker simply starts the next one afresh.
  let running: Promise<DrainReport> | undefined;
  const adapterFor = (config: TargetConfig) => (config.kind === 'wordpress' ? new WordPressAdapter(config) : new GenericAdapter(config));
  const drain = async (only?: { issueId: string; options: PushOptions }): Promise<DrainReport> => {
    while (running) await running.catch(() => undefined);
    running = (async () => {
      const config = await readTarget();
      const ready = config && (await hasHostAccess(targetAddress(config)));
      const report = ready ? await drainOutbox({ ...store, adapter: adapterFor(config), now: Date.now }, only) : EMPTY;
      await Promise.all([updateBadge(store.outbox), scheduleAlarm(store.outbox, Date.now())]).catch(() => undefined);
      return report;
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  return { readTarget, writeTarget, clearTarget, hasHostAccess, adapterFor, check: (config) => (config.kind === 'wordpress' ? checkWordPress(config) : checkGeneric(config)), draftFor: store.draftFor, drain };
}
