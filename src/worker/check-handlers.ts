import { t } from '../i18n/messages';
import { type CheckProblem } from '../check/check-problem';
import type { CheckInput } from '../check/check-input';
import { checkIssue } from '../check/run-check';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import type { HandlerDeps } from './handler-deps';

/**
 * What the rules read about a stored issue: its live clippings, the settings, and every other
 * published (closed) issue's addresses for the repeat rule. Undefined when there is no such issue.
 */
export async function loadCheckInput(
  deps: Pick<HandlerDeps, 'issues' | 'clippings' | 'settings' | 'now'>,
  issueId: string,
): Promise<CheckInput | undefined> {
  const [issue, all, settings] = await Promise.all([deps.issues.get(issueId), deps.issues.list(), deps.settings.get()]);
  if (!issue) return undefined;
  const earlier = all.filter((other) => other.status === 'closed' && other.id !== issue.id);
  const [clippings, ...published] = await Promise.all([
    deps.clippings.listByIssue(issue.id),
    ...earlier.map((other) => deps.clippings.listByIssue(other.id)),
  ]);
  return {
    issue,
    clippings: clippings,
    settings,
    published: earlier.map((other, i) => ({ number: other.number, title: other.title, urlKeys: published[i]!.map((c) => c.urlKey) })),
    now: deps.now(),
  };
}

/**
 * The rules over a stored issue (credits, repeats, shape; not the links), in issue order. Also for the
 * worker's own use: publishing asks it whether anything blocks (see blocksPublishing).
 */
export async function checkStoredIssue(
  deps: Pick<HandlerDeps, 'issues' | 'clippings' | 'settings' | 'now'>,
  issueId: string,
): Promise<CheckProblem[]> {
  const input = await loadCheckInput(deps, issueId);
  if (!input) throw new MessageError('not-found', t('workerIssueGone'));
  return checkIssue(input);
}

/** The worker's handler for the pre-publish check's rules. */
export function checkHandlers(deps: HandlerDeps): Pick<Handlers, 'check.run'> {
  return {
    async 'check.run'({ issueId }) {
      return { problems: await checkStoredIssue(deps, issueId) };
    },
  };
}
