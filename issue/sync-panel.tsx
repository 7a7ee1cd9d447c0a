import { useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import { type PageError, pageError } from '../src/messages/message-error';
import type { SyncStatus } from '../src/messages/protocol';
import { webHref } from '../src/export/safe-url';
import { openOptions } from '../src/platform/extension-pages';
import { draftIsGone } from '../src/sync/sync-error';
import { describeTarget, keepRemoteLabel, syncErrorWords, targetName } from '../src/sync/sync-words';
import { useFocusAfterRender } from './focus-after';

function when(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, {
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
        Not syncing: no WordPress site or drafting server is set up.{' '}
        <button type="button" class="link" onClick={() => void openOptions()}>
          Set one up
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
  const last = status.state ? `Last synced ${when(status.state.lastSyncedAt)}` : 'Not synced yet';
  let text: string;
  if (!entry) text = status.state ? `Synced to ${name} · ${last}` : 'Nothing to sync yet';
  else if (entry.state === 'pending')
    text = words ? `Waiting to sync (next try ${when(entry.nextAttemptAt)}): ${words.message} · ${last}` : `Syncing… · ${last}`;
  else if (entry.state === 'failed') text = `Not synced: ${words?.message ?? 'the last attempt failed.'} ${words?.action ?? ''}`;
  else text = `Conflict: ${words?.message ?? `the draft was edited on ${name}.`}`;
  // The worker says by code when the options must be opened (no target, no host access).
  const needsOptions = error?.code === 'no-target' || error?.code === 'no-access';
  return (
    <div class={`sync-panel ${entry?.state ?? 'synced'}`}>
      <p role="status" data-testid="sync-state">
        {text}{' '}
        {draftHref && (
          <a href={draftHref} target="_blank" rel="noopener noreferrer">
            Open the draft
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
              Overwrite it
            </button>
            <button type="button" disabled={busy} onClick={() => void run(async () => setCompare(await send('sync.compare', { issueId })))}>
              See both
            </button>
          </>
        ) : entry?.state === 'failed' && draftIsGone(entry.lastError?.code) ? (
          <button type="button" disabled={busy} onClick={() => void run(() => send('sync.resolve', { issueId, choice: 'recreate' }))}>
            Recreate the draft
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void run(() => send('sync.now', { issueId }))}>
            {busy ? 'Syncing…' : 'Sync now'}
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
                  Open the options
                </button>
              </>
            )}
          </span>
        )}
      </p>
      {compare && (
        <div class="compare" data-testid="sync-compare">
          <figure>
            <figcaption>In the extension</figcaption>
            <pre tabIndex={0}>{compare.local}</pre>
          </figure>
          <figure>
            <figcaption>On the {name} now</figcaption>
            <pre tabIndex={0}>{compare.remote}</pre>
          </figure>
        </div>
      )}
    </div>
  );
}
