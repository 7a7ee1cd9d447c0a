import { useState } from 'preact/hooks';
import { formattingLocale, t, uiLanguage } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import { type PageError, pageError } from '../src/messages/message-error';
import type { SyncStatus } from '../src/messages/protocol';
import { webHref } from '../src/export/safe-url';
import { openOptions } from '../src/platform/extension-pages';
import { draftIsGone } from '../src/sync/sync-error';
import { describeTarget, keepRemoteLabel, syncErrorWords, targetName } from '../src/sync/sync-words';
import { useFocusAfterRender } from './focus-after';

function when(epochMs: number): string {
  return new Date(epochMs).toLocaleString(formattingLocale(uiLanguage()), {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  });
}

/**
 * The issue's sync state with the configured target (named by its kind and site): synced (when, with a
 * link to the draft), waiting (why, next try), stopped (why, and what to do), or in conflict (keep the
 * target's version, overwrite, compare). Every choice here is taken on error codes, never on words.
 * The status is the desk's (useSyncStatus); `reload` reads it again after an action here.
 */
export function SyncPanel({
  issueId,
  status,
  loadError,
  reload,
}: {
  issueId: string;
  status: SyncStatus | undefined;
  loadError?: PageError | undefined;
  reload: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [actionError, setError] = useState<PageError | undefined>();
  const [compare, setCompare] = useState<{ local: string; remote: string } | undefined>();
  const error = actionError ?? loadError;
  const focusAfterRender = useFocusAfterRender();

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(pageError(e));
    }
    setBusy(false);
    reload();
    // The pressed button was disabled while the action ran, or replaced (a resolved conflict): keep
    // focus in the panel, unless the editor has moved on meanwhile.
    focusAfterRender([{ selector: '.sync-actions button:not(:disabled)' }], { ifLost: true });
  };
  if (!status) return null;
  if (!status.configured) {
    return (
      <p class="sync-panel" data-testid="sync-state">
        {t('deskNotSyncing')}{' '}
        <button type="button" class="link" onClick={() => void openOptions()}>
          {t('deskSetOneUp')}
        </button>
      </p>
    );
  }
  const entry = status.entries[0];
  // The backend's edit link (a generic target's is whatever its server says) passes the one safe-URL check.
  const draftHref = status.state?.editUrl ? webHref(status.state.editUrl) : null;
  const target = status.targetKind && status.target ? describeTarget(status.targetKind, status.target) : undefined;
  const name = targetName(target);
  const words = entry?.lastError && syncErrorWords(entry.lastError, target);
  const last = status.state ? t('deskLastSynced', when(status.state.lastSyncedAt)) : t('deskNotSyncedYet');
  let text: string;
  if (!entry) text = status.state ? t('deskSyncedTo', name, last) : t('deskNothingToSync');
  else if (entry.state === 'pending')
    text = words ? t('deskWaitingToSync', when(entry.nextAttemptAt), words.message, last) : t('deskSyncingLine', last);
  else if (entry.state === 'failed') text = t('deskSyncFailed', words?.message ?? t('deskSyncFailedReason'), words?.action ?? '');
  else text = t('deskConflict', words?.message ?? t('deskConflictReason', name));
  // The worker says by code when the options must be opened (no target, no host access).
  const needsOptions = error?.code === 'no-target' || error?.code === 'no-access';
  return (
    <div class={`sync-panel ${entry?.state ?? 'synced'}`}>
      <p role="status" data-testid="sync-state">
        {text}{' '}
        {draftHref && (
          <a href={draftHref} target="_blank" rel="noopener noreferrer">
            {t('deskOpenDraft')}
          </a>
        )}
      </p>
      <p class="sync-actions">
        {entry?.state === 'conflict' ? (
          <>
            <button type="button" disabled={busy} onClick={() => void run(() => send('sync.resolve', { issueId, choice: 'keep-remote' }))}>
              {keepRemoteLabel(target)}
            </button>
            <button type="button" disabled={busy} onClick={() => void run(() => send('sync.resolve', { issueId, choice: 'overwrite' }))}>
              {t('deskOverwrite')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run(async () => setCompare(await send('sync.compare', { issueId })))}>
              {t('deskSeeBoth')}
            </button>
          </>
        ) : entry?.state === 'failed' && draftIsGone(entry.lastError?.code) ? (
          <button type="button" disabled={busy} onClick={() => void run(() => send('sync.resolve', { issueId, choice: 'recreate' }))}>
            {t('deskRecreateDraft')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void run(() => send('sync.now', { issueId }))}>
            {t(busy ? 'deskSyncing' : 'deskSyncNow')}
          </button>
        )}
        {error && (
          <span class="error" role="alert">
            {' '}
            {error.message}
            {needsOptions && (
              <>
                {' '}
                <button type="button" class="link" onClick={() => void openOptions()}>
                  {t('deskOpenOptions')}
                </button>
              </>
            )}
          </span>
        )}
      </p>
      {compare && (
        <div class="compare" data-testid="sync-compare">
          <figure>
            <figcaption>{t('deskInExtension')}</figcaption>
            <pre tabIndex={0}>{compare.local}</pre>
          </figure>
          <figure>
            <figcaption>{t('deskOnTargetNow', name)}</figcaption>

            <pre tabIndex={0}>{compare.remote}</pre>
          </figure>
        </div>
      )}
    </div>
  );
}
