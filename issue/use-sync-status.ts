import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import type { SyncStatus } from '../src/messages/protocol';

/**
 * The issue's sync status, read through the worker when the issue or `version` (bumped after every
 * change the desk makes) changes. While a sync is under way in the worker it is read again every
 * 1.5 s; nothing polls when idle.
 */
export function useSyncStatus(issueId: string | undefined, version: number) {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = () => {
    if (!issueId) return;
    void send('sync.status', { issueId }).then(
      (next) => {
        setStatus(next);
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  useEffect(reload, [issueId, version]);
  const underWay = status?.configured && status.entries[0]?.state === 'pending' && !status.entries[0].lastError;
  useEffect(() => {
    if (!underWay) return;
    const timer = setTimeout(reload, 1500);
    return () => clearTimeout(timer);
  }, [status]);
  return { status, error, reload };
}
