import { useCallback, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/messages';
import { renderBackup } from '../src/export/backup';
import { send } from '../src/messages/client';
import { mergeReportText } from '../src/messages/merge-report-text';
import type { MergeReport } from '../src/messages/protocol';
import { downloadText, fileStem } from '../src/platform/download';
import { KeptBackups } from './kept-backups';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string; report?: MergeReport } | { kind: 'error'; text: string };

/** Backup of everything (never credentials) to one JSON file, and restore from it, reporting what was skipped. */
export function BackupPanel({ onRestored }: { onRestored: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onKeptStatus = useCallback((text: string, error?: boolean) => setState({ kind: error ? 'error' : 'done', text }), []);
  const backup = async () => {
    setState({ kind: 'busy' });
    try {
      const file = await send('backup.create', {});
      downloadText(`${fileStem('newsletter-clipper-backup', file.exportedAt.slice(0, 10))}.json`, 'application/json', renderBackup(file));
      setState({
        kind: 'done',
        text: t('optionsBackupDone', plural('reportIssues', file.issues.length), plural('reportClippings', file.clippings.length)),
      });
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
      setState({ kind: 'error', text: t('optionsBackupFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('optionsBackupHeading')}</h2>
      <p class="help">{t('optionsBackupHelp')}</p>
      <p>
        <button type="button" onClick={() => void backup()} disabled={state.kind === 'busy'}>
          {t('optionsBackupDownload')}
        </button>{' '}
        <label class="file-button">
          {t('optionsBackupRestore')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void restore(e.currentTarget)}
            disabled={state.kind === 'busy'}
          />
        </label>
      </p>
      <div role="status" data-testid="backup-status">
        {state.kind === 'busy' && t('optionsWorking')}
        {state.kind === 'done' && state.text}
        {state.kind === 'error' && <span class="error">{state.text}</span>}
        {state.kind === 'done' && state.report && state.report.skipped.length > 0 && (
          <ul class="skipped">
            {state.report.skipped.slice(0, 50).map((s) => (
              <li>{t('optionsBackupSkipped', s.kind, s.id ?? (s.index !== undefined ? `#${s.index + 1}` : ''), s.reason)}</li>
            ))}
          </ul>
        )}
      </div>
      <KeptBackups onRestored={onRestored} onStatus={onKeptStatus} />
    </section>
  );
}
