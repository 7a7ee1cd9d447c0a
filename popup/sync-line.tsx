import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import type { SyncStatus } from '../src/messages/protocol';
import { t, uiLanguage } from '../src/i18n/messages';
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
  const syncedAt =
    status.state && new Date(status.state.lastSyncedAt).toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' });
  const text = !entry
    ? syncedAt
      ? t('popupSyncedAt', targetName(target), syncedAt)
      : t('popupSynced', targetName(target))
    : entry.state === 'pending'
      ? words
        ? t('popupWaitingError', words.message)
        : t('popupWaiting', targetName(target))
      : words
        ? t('popupNotSyncedError', words.message)
        : t('popupNotSynced');
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
          {busy ? t('popupSyncing') : t('popupSyncNow')}
        </button>
      )}
    </p>
  );
}
