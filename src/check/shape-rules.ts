import type { CheckProblem } from './check-problem';
import type { CheckInput } from './check-input';
import { groupBySection } from '../issue/issue-order';
import { t } from '../i18n/messages';

/**
 * Shape (issue 12): the issue as a whole. All worth a look, none blocks: a budget is the editor's
 * aim, not a law, a quiet week may have no outages, and not every issue is sponsored. (Links on
 * http:// whose https:// works are the link check's.)
 */
export function shapeProblems(input: CheckInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  if (!input.issue.sponsor.trim())
    problems.push({ rule: 'sponsor-empty', severity: 'look', clippingId: null, message: t('checkSponsorEmpty') });
  for (const { section, clippings } of groupBySection(input.clippings, input.settings.sections)) {
    if (!section) continue;
    const at = (problem: Omit<CheckProblem, 'clippingId' | 'sectionId'>) =>
      problems.push({ clippingId: null, sectionId: section.id, ...problem });
    if (clippings.length === 0) at({ rule: 'section-empty', severity: 'look', message: t('checkSectionEmpty', section.name) });
    else if (section.budget !== undefined && clippings.length > section.budget) {
      at({
        rule: 'section-over-budget',
        severity: 'look',
        message: t('checkSectionOverBudget', section.name, clippings.length, section.budget),
      });
    }
  }
  return problems;
}
