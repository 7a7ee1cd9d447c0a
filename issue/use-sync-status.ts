import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import { type PageError, pageError } from '../src/messages/message-error';
import type { SyncStatus } from '../src/messages/protocol';

/**
 * The issue's sync status, read through the worker when the issue or `version` (bumped after every
 * change the desk makes) changes. While a sync is under way in the worker it is read again every
 * 1.5 s; nothing polls when idle.
 */
export function useSyncStatus(issueId: string | undefined, version: number) {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [error, setError] = useState<PageError | undefined>();
  // Only the newest request's reply is shown: an older poll answered late must not undo a newer state.
  const latest = useRef(0);
  const reload = () => {
    if (!issueId) return;
    const ticket = ++latest.current;
    void send('sync.status', { issueId }).then(
      (next) => {
        if (ticket !== latest.current) return;
        setStatus(next);
        setError(undefined);
      },
      (e: unknown) => ticket === latest.current && setError(pageError(e)),
    );
  };
  useEffect(reload, [issueId, version]);
  const underWay = status?.configured && status.entries[0]?.state === 'pending' && !status.entries[0].lastError;
  useEffect(() => {
    if (!underWay) return;
    const timer = setTimeout(reload, 1500);
    return () => clearTimeout(timer);
    // Polls again after each new status while a sync is under way: `status` is the clock; `reload` and
    // `underWay` are derived from it and from the issue, whose change restarts the first effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);
  return { status, error, reload };
}
