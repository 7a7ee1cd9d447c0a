import type { CheckFix, CheckProblem, CheckRule } from '../src/check/check-problem';
import type { Clipping, ClippingForm } from '../src/clip/clipping';
import { plural, t } from '../src/i18n/messages';
import type { Section } from '../src/settings/settings';
import { LinkCheckProgress } from './link-check-progress';
import type { IssueCheck } from './use-issue-check';
import type { LinkCheck } from './use-link-check';

/** The id of the panel's heading: focus lands on it when the check opens. */
export const CHECK_HEADING_ID = 'check-heading';

/** The card field a problem is about: a jump puts focus in it ('card': on the card itself). */
export type CheckSpot = keyof ClippingForm | 'card';

/** Where on its card each rule sends the editor. */
const RULE_SPOTS: Record<CheckRule, CheckSpot> = {
  'link-broken': 'url',
  'link-moved': 'url',
  'link-unverified': 'url',
  'link-soft-404': 'url',
  'link-https-available': 'url',
  'credit-author': 'authors',
  'credit-publication': 'siteName',
  'credit-date': 'publishedTime',
  'summary-empty': 'summary',
  'summary-short': 'summary',
  'title-site-suffix': 'title',
  'title-shouting': 'title',
  'date-too-old': 'publishedTime',
  'date-in-future': 'publishedTime',
  'repeat-published': 'card',
  'repeat-in-issue': 'card',
  'publication-limit': 'card',
  'section-over-budget': 'card',
  'section-empty': 'card',
  'sponsor-empty': 'card',
};

/** The field of its card a problem is about (a link inside the summary: the summary). */
export function spotOf(problem: CheckProblem, clipping: Clipping | undefined): CheckSpot {
  const spot = RULE_SPOTS[problem.rule];
  return spot === 'url' && clipping && problem.url !== undefined && problem.url !== clipping.url ? 'summary' : spot;
}

/** The change a fix makes to its clipping, through the desk's ordinary edit (clip.update). */
export function fixChanges(fix: CheckFix, clipping: Clipping): Partial<ClippingForm> {
  if (fix.kind === 'set-field') return { [fix.field]: fix.value };
  if (clipping.url === fix.from) return { url: fix.to };
  return { summary: clipping.summary.split(fix.from).join(fix.to) };
}

function fixLabel(fix: CheckFix): string {
  if (fix.kind === 'replace-url') return t('deskCheckFixUrl', fix.to);
  return fix.field === 'title' ? t('deskCheckFixTitle', fix.value) : t('deskCheckFixPublication', fix.value);
}

interface Group {
  key: string;
  heading: string;
  problems: CheckProblem[];
}

/** Problems grouped by what they concern, in the order given (issue order): the issue, a section, a clipping. */
function groupProblems(problems: readonly CheckProblem[], clippings: readonly Clipping[], sections: readonly Section[]): Group[] {
  const groups: Group[] = [];
  for (const problem of problems) {
    const key = problem.clippingId ?? (problem.sectionId ? `section:${problem.sectionId}` : 'issue');
    const last = groups.at(-1);
    if (last?.key === key) {
      last.problems.push(problem);
      continue;
    }
    const heading =
      problem.clippingId !== null
        ? (clippings.find((c) => c.id === problem.clippingId)?.title ?? t('deskTheClipping'))
        : problem.sectionId
          ? (sections.find((s) => s.id === problem.sectionId)?.name ?? problem.sectionId)
          : t('deskCheckTheIssue');
    groups.push({ key, heading, problems: [problem] });
  }
  return groups;
}

interface CheckPanelProps {
  check: IssueCheck;
  links: LinkCheck;
  clippings: readonly Clipping[];
  sections: readonly Section[];
  /** Fixes are offered only while the issue can be edited. */
  editable: boolean;
  onFix: (problem: CheckProblem & { fix: CheckFix }) => void;
  onJump: (problem: CheckProblem) => void;
  onClose: () => void;
}

/**
 * The Check issue panel (issue 12): every problem the rules and the last link check found, grouped
 * by what it concerns in issue order, each in words with its severity and a one-click fix or a jump to
 * the field on its card. A clean issue says so. Page text (titles, addresses) is rendered as text nodes.
 */
export function CheckPanel({ check, links, clippings, sections, editable, onFix, onJump, onClose }: CheckPanelProps) {
  const blocks = check.problems.filter((p) => p.severity === 'blocks').length;
  const looks = check.problems.length - blocks;
  const groups = groupProblems(check.problems, clippings, sections);
  return (
    <section class="check-panel" aria-labelledby={CHECK_HEADING_ID} data-testid="check-panel">
      <div class="check-head">
        <h2 id={CHECK_HEADING_ID} tabIndex={-1}>
          {t('deskCheckHeading')}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          {t('deskCheckClose')}
        </button>
      </div>
      <LinkCheckProgress check={links} />
      <p class={`check-summary ${blocks ? 'blocks' : looks ? 'look' : 'clean'}`} role="status" data-testid="check-summary">
        {check.error
          ? t('deskCheckFailed', check.error)
          : !check.ready
            ? t('deskCheckRunning')
            : check.problems.length === 0
              ? t('deskCheckClean')
              : [blocks && plural('deskCheckBlocking', blocks), looks && plural('deskCheckLooks', looks)].filter(Boolean).join(' · ')}
      </p>
      {groups.map((group) => (
        <div class="check-group" key={group.key}>
          <h3>
            <bdi>{group.heading}</bdi>
          </h3>
          <ul>
            {group.problems.map((problem, index) => {
              const clipping = clippings.find((c) => c.id === problem.clippingId);
              const fix = editable && clipping ? problem.fix : undefined;
              return (
                <li
                  key={`${problem.rule}-${index}`}
                  class={`check-problem ${problem.severity}`}
                  data-rule={problem.rule}
                  data-testid="check-problem"
                >
                  <span class={`severity ${problem.severity}`}>
                    {t(problem.severity === 'blocks' ? 'deskCheckSeverityBlocks' : 'deskCheckSeverityLook')}
                  </span>{' '}
                  <span class="reason">{problem.message}</span>{' '}
                  <span class="check-actions">
                    {fix && (
                      <button type="button" class="primary" onClick={() => onFix({ ...problem, fix })}>
                        <bdi>{fixLabel(fix)}</bdi>
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => onJump(problem)}
                      aria-label={
                        clipping
                          ? t('deskCheckGoToLabel', clipping.title)
                          : problem.sectionId
                            ? t('deskCheckGoToSection', group.heading)
                            : t('deskCheckGoToSponsor')
                      }
                    >
                      {clipping
                        ? t('deskCheckGoTo')
                        : problem.sectionId
                          ? t('deskCheckGoToSection', group.heading)
                          : t('deskCheckGoToSponsor')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
