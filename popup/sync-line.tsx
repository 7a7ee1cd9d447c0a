import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import type { SyncStatus } from '../src/messages/protocol';

/** One line under a saved clipping: where its issue's draft stands, with "Sync now". */
export function SyncLine({ issueId, savedAt }: { issueId: string; savedAt: number }) {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [busy, setBusy] = useState(false);
  const load = () => void send('sync.status', { issueId }).then(setStatus, () => setStatus(undefined));
  useEffect(load, [issueId, savedAt]);
  if (!status?.configured) return null;
  const entry = status.entries[0];
  const text = !entry
    ? `Synced to the WordPress draft${status.state ? ` at ${new Date(status.state.lastSyncedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}` : ''}.`
    : entry.state === 'pending'
      ? entry.lastError
        ? `Waiting to sync: ${entry.lastError.message}`
        : 'Waiting to sync to the WordPress draft.'
      : `Not synced: ${entry.lastError?.message ?? 'see the issue desk.'}`;
  return (
    <p class="sync-line" data-testid="sync-line">
      {text}{' '}
      {entry && (
        <button
          type="button"
          class="link"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void send('sync.now', { issueId })
              .catch(() => undefined)
              .finally(() => {
                setBusy(false);
                load();
              });
          }}
        >
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      )}
    </p>
  );
}
