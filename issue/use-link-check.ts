import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckProblem } from '../src/check/check-problem';
import { accessPatterns, linkTargets } from '../src/check/links/link-targets';
import { t } from '../src/i18n/messages';
import { LinkCheckEvent } from '../src/messages/link-check-port';
import { connectLinkCheck, requestLinkCheckAccess } from '../src/platform/link-check-port';

export type LinkCheckState = 'idle' | 'running' | 'done' | 'failed';

export interface LinkCheck {
  state: LinkCheckState;
  /** Links checked so far and in all ("23 of 41 links checked"); undefined until the worker has counted. */
  progress: { checked: number; total: number } | undefined;
  /** The link problems of the last finished check, in issue order (empty until one finished). */
  problems: CheckProblem[];
  /** false when the editor refused host access: no link was visited. */
  access: boolean | undefined;
  cancelled: boolean;
  /** Why the check stopped, in words, when state is 'failed'. */
  error: string | undefined;
  /** Starts a check of the issue's links. Call it inside the editor's click: it asks for host access first. */
  start: () => void;
  cancel: () => void;
}

/**
 * The desk's link check (issue 12): asks for host access to the sites the issue's `clippings` link to,
 * inside the editor's click, then runs the check
 * in the worker over a long-lived port (src/messages/link-check-port.ts), with progress streamed back.
 * Stop, another issue, or leaving the desk closes the port, which aborts the requests in the worker.
 */
export function useLinkCheck(
  issueId: string | undefined,
  clippings: readonly { id: string; url: string; summary: string }[] = [],
): LinkCheck {
  const [state, setState] = useState<LinkCheckState>('idle');
  const [progress, setProgress] = useState<{ checked: number; total: number } | undefined>();
  const [problems, setProblems] = useState<CheckProblem[]>([]);
  const [access, setAccess] = useState<boolean | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const port = useRef<ReturnType<typeof connectLinkCheck> | undefined>(undefined);

  // Another issue, or the desk going away, ends the check under way.
  useEffect(
    () => () => {
      const open = port.current;
      port.current = undefined;
      open?.disconnect();
    },
    [issueId],
  );

  const start = () => {
    if (!issueId || port.current) return;
    setState('running');
    setProgress(undefined);
    setCancelled(false);
    setError(undefined);
    // permissions.request first, inside the click; the worker checks the outcome itself (permissions.contains).
    const origins = accessPatterns(linkTargets(clippings).map((target) => target.url));
    void requestLinkCheckAccess(origins).then(() => {
      const opened = connectLinkCheck();
      port.current = opened;
      let finished = false;
      opened.onMessage.addListener((raw: unknown) => {
        const parsed = LinkCheckEvent.safeParse(raw);
        if (!parsed.success || port.current !== opened) return;
        const event = parsed.data;
        if (event.type === 'progress') setProgress({ checked: event.checked, total: event.total });
        else if (event.type === 'failed') {
          finished = true;
          setError(event.message);
          setState('failed');
        } else {
          finished = true;
          setProgress({ checked: event.checked, total: event.total });
          setProblems(event.problems);
          setAccess(event.access);
          setCancelled(event.cancelled);
          setState('done');
        }
      });
      opened.onDisconnect.addListener(() => {
        if (port.current === opened) port.current = undefined;
        if (finished) return;
        setError(t('linkCheckLost'));
        setState('failed');
      });
      opened.postMessage({ type: 'start', issueId });
    });
  };

  const cancel = () => {
    port.current?.postMessage({ type: 'cancel' });
  };

  return { state, progress, problems, access, cancelled, error, start, cancel };
}
