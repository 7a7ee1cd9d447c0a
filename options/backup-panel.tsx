import { useState } from 'preact/hooks';
import { renderBackup } from '../src/export/backup';
import { send } from '../src/messages/client';
import { mergeReportText } from '../src/messages/merge-report-text';
import type { MergeReport } from '../src/messages/protocol';
import { downloadText, fileStem } from '../src/platform/download';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string; report?: MergeReport } | { kind: 'error'; text: string };

/** Backup of everything (never credentials) to one JSON file, and restore from it, reporting what was skipped. */
export function BackupPanel({ onRestored }: { onRestored: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const backup = async () => {
    setState({ kind: 'busy' });
    try {
      const file = await send('backup.create', {});
      downloadText(`${fileStem('newsletter-clipper-backup', file.exportedAt.slice(0, 10))}.json`, 'application/json', renderBackup(file));
      setState({ kind: 'done', text: `Backup of ${file.issues.length} issues and ${file.clippings.length} clippings downloaded.` });
    } catch (error) {
      setState({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ kind: 'busy' });
    try {
      const report = await send('backup.restore', { text: await file.text() });
      setState({ kind: 'done', text: mergeReportText(report, 'Restored'), report });
      onRestored();
    } catch (error) {
      setState({ kind: 'error', text: `Nothing was restored: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="help">One file with every clipping, issue and setting (never passwords). Restoring keeps whatever is newer here.</p>
      <p>
        <button type="button" onClick={() => void backup()} disabled={state.kind === 'busy'}>
          Download backup
        </button>{' '}
        <label class="file-button">
          Restore from a backup file…
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void restore(e.currentTarget)}
            disabled={state.kind === 'busy'}
          />
        </label>
      </p>
      <div role="status" data-testid="backup-status">
        {state.kind === 'busy' && 'Working…'}
        {state.kind === 'done' && state.text}
        {state.kind === 'error' && <span class="error">{state.text}</span>}
        {state.kind === 'done' && state.report && state.report.skipped.length > 0 && (
          <ul class="skipped">
            {state.report.skipped.slice(0, 50).map((s) => (
              <li>
                {s.kind} {s.id ?? (s.index !== undefined ? `#${s.index + 1}` : '')}: {s.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
