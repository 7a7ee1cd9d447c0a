import type { SyncDeps } from './handler-deps';

/**
 * Sync dependencies with no target configured: changes stay in the outbox. For tests of the other
 * handlers (and a reference for what "no target" means to the sync handlers).
 */
export function offlineSyncDeps(): SyncDeps {
  const none = async () => undefined;
  return {
    readTarget: none,
    writeTarget: none,
    clearTarget: none,
    hasHostAccess: async () => false,
    dropHostAccess: async () => false,
    adapterFor: () => {
      throw new Error('no target is configured');
    },
    check: async () => [],
    draftFor: async () => undefined,
    drain: async () => ({ synced: [], retrying: [], failed: [], conflicts: [] }),
  };
}
