import { plural, t } from '../src/i18n/messages';
import type { LinkCheck } from './use-link-check';

/**
 * The link check's progress line: before a check, the one sentence that explains the host access the
 * browser will ask for; while it runs, "23 of 41 links checked" with a progress bar and Stop; after it,
 * how many links were checked, or that they were not (access refused, stopped, failed).
 */
export function LinkCheckProgress({ check }: { check: LinkCheck }) {
  const { state, progress } = check;
  if (state === 'idle') return <p class="link-check-line hint">{t('linkCheckWhy')}</p>;
  if (state === 'running') {
    return (
      <p class="link-check-line" role="status" data-testid="link-check-progress">
        {progress ? (
          <>
            <progress max={progress.total || 1} value={progress.checked} aria-hidden="true" />{' '}
            <span>{plural('linkCheckProgress', progress.total, progress.checked)}</span>
          </>
        ) : (
          <span>{t('linkCheckStarting')}</span>
        )}{' '}
        <button type="button" onClick={check.cancel}>
          {t('linkCheckStop')}
        </button>
      </p>
    );
  }
  if (state === 'failed') {
    return (
      <p class="link-check-line error" role="alert" data-testid="link-check-progress">
        {t('linkCheckFailed', check.error ?? '')}
      </p>
    );
  }
  const words =
    check.access === false
      ? t('linkCheckNoAccess')
      : check.cancelled
        ? t('linkCheckStopped')
        : plural('linkCheckDone', progress?.checked ?? 0);
  return (
    <p class="link-check-line" role="status" data-testid="link-check-progress">
      {words}
    </p>
  );
}
