import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { webHref } from '../src/export/safe-url';
import { plural, t } from '../src/i18n/messages';
import type { Issue } from '../src/issue/issue';

/**
 * A question behind a button: the button pressed goes away with the question or the answer, so focus
 * moves to what replaces it (the question's first control, or the button again).
 */
function useQuestion() {
  const [asking, setAsking] = useState(false);
  const replaced = useRef(false);
  /** The button, or the question's group. */
  const shown = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!replaced.current) return;
    replaced.current = false;
    (asking ? shown.current?.querySelector<HTMLElement>('input, button') : shown.current)?.focus();
  }, [asking]);
  const ask = (next: boolean) => {
    replaced.current = true;
    setAsking(next);
  };
  return { asking, ask, shown, answered: () => setAsking(false) };
}

export interface PublishIssueProps {
  /** The open issue's number, and the number of the issue that opens after it. */
  number: number;
  nextNumber: number;
  /** Clippings set aside for the next issue ("not this week"): they open with it. */
  carried: number;
  /** Clippings still without a summary: the editor may move them on. */
  unfinished: number;
  /** Problems of the pre-publish check that block publishing (see src/check/check-problem.ts `blocksPublishing`). */
  blockers: number;
  onPublish: (moveUnfinished: boolean) => void;
}

/**
 * "Mark as published…": offered only when nothing blocks (else one sentence says why), then asks once,
 * saying what happens: the issue locks, a backup is kept, the next issue opens with the clippings set
 * aside for it, and (the editor's choice) those still without a summary.
 */
export function PublishIssue({ number, nextNumber, carried, unfinished, blockers, onPublish }: PublishIssueProps) {
  const { asking, ask, shown, answered } = useQuestion();
  const [move, setMove] = useState(true);
  if (blockers > 0) {
    return (
      <p class="publish-blocked" data-testid="publish-blocked">
        {plural('deskPublishBlocked', blockers)}
      </p>
    );
  }
  if (!asking) {
    return (
      <button type="button" ref={shown as RefObject<HTMLButtonElement>} onClick={() => ask(true)}>
        {t('deskPublish')}
      </button>
    );
  }
  return (
    <div class="publish-issue" role="group" aria-label={t('deskPublishGroup')} ref={shown as RefObject<HTMLDivElement>}>
      <p>{t('deskPublishExplain', number, nextNumber)}</p>
      {carried > 0 && <p>{plural('deskPublishCarried', carried, nextNumber)}</p>}
      {unfinished > 0 && (
        <label>
          <input type="checkbox" checked={move} onChange={(e) => setMove(e.currentTarget.checked)} />{' '}
          {plural('deskMoveUnfinished', unfinished)}
        </label>
      )}
      <button type="button" class="primary" onClick={() => (answered(), onPublish(unfinished > 0 && move))}>
        {t('deskPublishConfirm', number)}
      </button>
      <button type="button" onClick={() => ask(false)}>
        {t('deskCancel')}
      </button>
    </div>
  );
}

/**
 * The calm line on a published issue: when it was published, its post, and Reopen (asked once). On a
 * reopened issue: "reopened for corrections", and Lock again.
 */
export function PublishedLine({
  issue,
  formatDate,
  onReopen,
  onLockAgain,
}: {
  issue: Issue;
  formatDate: (time: number) => string;
  onReopen: () => void;
  onLockAgain: () => void;
}) {
  const { asking, ask, shown, answered } = useQuestion();
  const when = issue.publishedAt ?? issue.closedAt;
  const post = issue.postUrl ? webHref(issue.postUrl) : undefined;
  const reopened = issue.reopenedAt !== undefined;
  return (
    <div class="published-line" data-testid="published-line">
      <p>
        {reopened
          ? t('deskReopenedLine', when === undefined ? '' : formatDate(when))
          : when === undefined
            ? t('deskPublishedUndated')
            : t('deskPublishedOn', formatDate(when))}{' '}
        {post && (
          <a href={post} target="_blank" rel="noopener noreferrer">
            {t('deskPublishedPost')}
          </a>
        )}
      </p>
      {reopened ? (
        <button type="button" onClick={onLockAgain}>
          {t('deskLockAgain')}
        </button>
      ) : !asking ? (
        <button type="button" ref={shown as RefObject<HTMLButtonElement>} onClick={() => ask(true)}>
          {t('deskReopen')}
        </button>
      ) : (
        <div class="publish-issue" role="group" aria-label={t('deskReopenGroup')} ref={shown as RefObject<HTMLDivElement>}>
          <p>{t('deskReopenQuestion', issue.number)}</p>
          <button type="button" class="primary" onClick={() => (answered(), onReopen())}>
            {t('deskReopenConfirm', issue.number)}
          </button>
          <button type="button" onClick={() => ask(false)}>
            {t('deskCancel')}
          </button>
        </div>
      )}
    </div>
  );
}
