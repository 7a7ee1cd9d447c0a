import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/messages';

/** "Close issue": asks once, and offers to carry clippings without a summary over to the next issue. */
export function CloseIssue({ unfinished, onClose }: { unfinished: number; onClose: (moveUnfinished: boolean) => void }) {
  const [asking, setAsking] = useState(false);
  const [move, setMove] = useState(true);
  // The button pressed goes away with the question or the answer: focus moves to what replaces it.
  const replaced = useRef(false);
  /** The "Close issue…" button, or the question's group. */
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
  if (!asking) {
    return (
      <button type="button" ref={shown as RefObject<HTMLButtonElement>} onClick={() => ask(true)}>
        {t('deskCloseIssue')}
      </button>
    );
  }
  return (
    <div class="close-issue" role="group" aria-label={t('deskCloseIssueGroup')} ref={shown as RefObject<HTMLDivElement>}>
      {unfinished > 0 && (
        <label>
          <input type="checkbox" checked={move} onChange={(e) => setMove(e.currentTarget.checked)} />{' '}
          {plural('deskMoveUnfinished', unfinished)}
        </label>
      )}
      <button type="button" class="primary" onClick={() => (setAsking(false), onClose(unfinished > 0 && move))}>
        {t('deskCloseAndStartNext')}
      </button>
      <button type="button" onClick={() => ask(false)}>
        {t('deskCancel')}
      </button>
    </div>
  );
}
