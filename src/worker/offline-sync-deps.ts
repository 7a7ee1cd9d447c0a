import type { SyncDeps } from './handler-deps';

/**
 * Sync dependencies with no target configured: changes stay in the outbox. For tests of the other
 * handlers (and a reference for what "no target" means to the sync handlers).
 */
export function offlineSyncDeps(): SyncDeps {
  const none = () => Promise.resolve(undefined);
  return {
    readTarget: none,
    writeTarget: none,
    clearTarget: none,
    hasHostAccess: () => Promise.resolve(false),
    dropHostAccess: () => Promise.resolve(false),
    adapterFor: () => {
      throw new Error('no target is configured');
    },
    check: () => Promise.resolve([]),
    draftFor: () => Promise.resolve(undefined),
    drain: () => Promise.resolve({ synced: [], retrying: [], failed: [], conflicts: [] }),
  };
}
