import { t } from '../i18n/messages';
import { type Issue, isLocked } from '../issue/issue';
import { MessageError } from '../messages/message-error';
import type { HandlerDeps } from './handler-deps';

/** The worker's refusal to change a published issue, in words that say what to do instead. */
export function lockedIssueError(issue: Pick<Issue, 'number'>): MessageError {
  return new MessageError('forbidden', t('workerIssueLocked', issue.number));
}

/** Refuses when `issue` is published and locked (DESIGN invariant 7). */
export function refuseIfLocked(issue: Issue | undefined): void {
  if (issue && isLocked(issue)) throw lockedIssueError(issue);
}

/**
 * Refuses any change to a clipping in, or a move into or out of, a published issue: the lock is kept
 * here, in the worker, not only by the desk hiding its edit fields.
 */
export async function refuseIfIssueLocked(deps: Pick<HandlerDeps, 'issues'>, issueId: string | null | undefined): Promise<void> {
  if (issueId) refuseIfLocked(await deps.issues.get(issueId));
}

/** The ids of the locked issues, for a check inside a write transaction that cannot look issues up itself. */
export async function lockedIssues(deps: Pick<HandlerDeps, 'issues'>): Promise<Map<string, Issue>> {
  return new Map((await deps.issues.list()).filter(isLocked).map((issue) => [issue.id, issue]));
}
