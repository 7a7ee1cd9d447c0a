import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages/client';
import type { ResponseOf } from '../src/messages/protocol';

export type IssueView = ResponseOf<'issue.view'>;

/** Loads an issue through the worker and reloads it after each change the desk makes. */
export function useIssue(issueId: string | undefined) {
  const [view, setView] = useState<IssueView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    try {
      setView(await send('issue.view', issueId ? { issueId } : {}));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [issueId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { view, error, reload };
}
