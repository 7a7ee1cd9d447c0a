import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CheckProblem, blocksPublishing } from '../src/check/check-problem';
import { inCheckOrder } from '../src/check/check-order';
import { send } from '../src/messages/client';
import { ruleIsOn } from '../src/settings/check-settings';
import type { IssueView } from './use-issue';
import type { LinkCheck } from './use-link-check';

export interface IssueCheck {
  /** Every problem known now, rules and links, in issue order (the rules' from the latest reload). */
  problems: CheckProblem[];
  /** True when any of them blocks publishing: "Mark as published" is not offered then. */
  blocking: boolean;
  /** The rules could not run (the worker's words). */
  error: string | undefined;
  /** False until the rules have answered for the issue shown. */
  ready: boolean;
}

/**
 * A link problem still stands while its address is where it was found (the clipping's URL or its
 * summary): once the editor replaced it (a fix, or by hand), it is gone from the list until the next
 * link check.
 */
function linkStillThere(problem: CheckProblem, view: IssueView): boolean {
  if (problem.clippingId === null || problem.url === undefined) return true;
  const clipping = view.clippings.find((c) => c.id === problem.clippingId);
  return !!clipping && (clipping.url === problem.url || clipping.summary.includes(problem.url));
}

/**
 * The pre-publish check as the desk shows it (issue 12): the rules run in the worker (check.run) each
 * time the desk loads or reloads the issue, i.e. when it opens and after every change, so gaps show
 * early and the list follows the editor's fixes; the link check's problems (from its last run) join
 * them in issue order. `blocking` is what publishing asks.
 */
export function useIssueCheck(view: IssueView | undefined, links: Pick<LinkCheck, 'problems'>): IssueCheck {
  const [rules, setRules] = useState<{ issueId: string; problems: CheckProblem[] } | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!view) return;
    let current = true;
    send('check.run', { issueId: view.issue.id }).then(
      ({ problems }) => {
        if (!current) return;
        setRules({ issueId: view.issue.id, problems });
        setError(undefined);
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [view]);

  return useMemo(() => {
    const ready = !!view && rules?.issueId === view.issue.id;
    if (!view || !ready) return { problems: [], blocking: false, error, ready: false };
    const linkProblems = links.problems.filter((p) => ruleIsOn(view.settings.check, p.rule) && linkStillThere(p, view));
    const problems = inCheckOrder([...rules.problems, ...linkProblems], view);
    return { problems, blocking: blocksPublishing(problems), error, ready };
  }, [view, rules, links.problems, error]);
}
