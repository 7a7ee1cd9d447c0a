import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import type { SyncStatus } from '../src/messages/protocol';
import { describeTarget, syncErrorWords, targetName } from '../src/sync/sync-words';

/** One line under a saved clipping: where its issue's draft stands, with "Sync now". */
export function SyncLine({ issueId, savedAt }: { issueId: string; savedAt: number }) {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [busy, setBusy] = useState(false);
  const load = () => void send('sync.status', { issueId }).then(setStatus, () => setStatus(undefined));
  useEffect(load, [issueId, savedAt]);
  if (!status?.configured) return null;
  const entry = status.entries[0];
  const target = status.targetKind && status.target ? describeTarget(status.targetKind, status.target) : undefined;
  const words = entry?.lastError && syncErrorWords(entry.lastError, target);
  const text = !entry
    ? `Synced to the draft on ${targetName(target)}${status.state ? ` at ${new Date(status.state.lastSyncedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}` : ''}.`
    : entry.state === 'pending'
      ? words
        ? `Waiting to sync: ${words.message}`
        : `Waiting to sync to the draft on ${targetName(target)}.`
      : `Not synced: ${words?.message ?? 'see the issue desk.'}`;
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
