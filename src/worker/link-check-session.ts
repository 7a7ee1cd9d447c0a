import type { Clipping } from '../clip/clipping';
import type { LinkCheckDeps } from '../check/links/check-link';
import { linkProblems } from '../check/links/link-problems';
import { type LinkRunLimits, runLinkCheck } from '../check/links/link-runner';
import { linkTargets, originPattern } from '../check/links/link-targets';
import { groupBySection } from '../issue/issue-order';
import type { Section } from '../settings/settings';
import type { LinkCheckEvent } from '../messages/link-check-port';

/** What one link check needs from the worker: the issue's clippings, host access, the network. */
export interface LinkCheckSessionDeps {
  clippingsOf(issueId: string): Promise<Clipping[]>;
  sections(): Promise<readonly Section[]>;
  /**
   * Whether the extension may visit this origin pattern (`https://host/*`): permissions.contains in the
   * extension. Asked per site, so access granted to some sites only (in the browser's settings, or a
   * test build's) checks those and says the others were not checked.
   */
  hasHostAccess(originPattern: string): Promise<boolean>;
  net: LinkCheckDeps;
  limits?: Partial<LinkRunLimits>;
}

/**
 * Checks the links of one issue, in issue order, posting progress and then the problems. Without host
 * access nothing is fetched and the result says the links were not checked. Resolves when done (or
 * cancelled through `signal`); never rejects: a failure is posted as an event.
 */
export async function runLinkCheckSession(
  issueId: string,
  deps: LinkCheckSessionDeps,
  signal: AbortSignal,
  post: (event: LinkCheckEvent) => void,
): Promise<void> {
  try {
    const [clippings, sections] = await Promise.all([deps.clippingsOf(issueId), deps.sections()]);
    const ordered = groupBySection(
      clippings.filter((c) => c.deletedAt === undefined),
      sections,
    ).flatMap((group) => group.clippings);
    const targets = linkTargets(ordered);
    const urls = [...new Set(targets.map((t) => t.url))];
    const allowed = new Map<string, boolean>();
    for (const url of urls) {
      const pattern = originPattern(url);
      if (pattern && !allowed.has(pattern)) allowed.set(pattern, await deps.hasHostAccess(pattern));
    }
    const permitted = (url: string) => {
      const pattern = originPattern(url);
      return pattern === undefined || allowed.get(pattern) === true;
    };
    const access = urls.length === 0 || urls.some(permitted);
    const refused = urls.filter((url) => !permitted(url));
    const verdicts = await runLinkCheck(urls.filter(permitted), deps.net, {
      signal,
      ...(deps.limits ? { limits: deps.limits } : {}),
      onProgress: ({ checked, total }) => post({ type: 'progress', checked, total }),
    });
    for (const url of refused) verdicts.set(url, { kind: 'unverified', url, reason: 'no-permission' });
    const checked = [...verdicts.values()].filter(
      (v) => !(v.kind === 'unverified' && ['no-permission', 'cancelled', 'over-limit'].includes(v.reason)),
    ).length;
    post({ type: 'done', checked, total: urls.length, access, cancelled: signal.aborted, problems: linkProblems(targets, verdicts) });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message.slice(0, 1000) : String(error).slice(0, 1000) });
  }
}
