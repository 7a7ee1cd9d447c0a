import { useState } from 'preact/hooks';

/** "Close issue": asks once, and offers to carry clippings without a summary over to the next issue. */
export function CloseIssue({ unfinished, onClose }: { unfinished: number; onClose: (moveUnfinished: boolean) => void }) {
  const [asking, setAsking] = useState(false);
  const [move, setMove] = useState(true);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Close issue…
      </button>
    );
  }
  return (
    <div class="close-issue" role="group" aria-label="Close this issue">
      {unfinished > 0 && (
        <label>
          <input type="checkbox" checked={move} onChange={(e) => setMove(e.currentTarget.checked)} /> Move the {unfinished} clippings
          without a summary to the next issue
        </label>
      )}
      <button type="button" class="primary" onClick={() => (setAsking(false), onClose(unfinished > 0 && move))}>
        Close and start the next issue
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
