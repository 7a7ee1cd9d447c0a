import type { CheckProblem } from './check-problem';
import type { CheckInput } from './check-input';
import { creditProblems } from './credit-rules';
import { repeatProblems } from './repeat-rules';
import { shapeProblems } from './shape-rules';
import { ruleIsOn } from '../settings/check-settings';
import { groupBySection } from '../issue/issue-order';

/**
 * Every rule over a stored issue (credits, repeats, shape; the links are the worker's link check),
 * without the ones the editor switched off, in issue order: the issue's own problems (the sponsor slot)
 * first, then section by section its problems and then each of its clippings' problems.
 */
export function checkIssue(input: CheckInput): CheckProblem[] {
  const all = [...shapeProblems(input), ...creditProblems(input), ...repeatProblems(input)].filter((p) =>
    ruleIsOn(input.settings.check, p.rule),
  );
  return inCheckOrder(all, input);
}

/** Sorts problems (of any rule, links included) into issue order; problems of one place keep their order. */
export function inCheckOrder(problems: readonly CheckProblem[], input: Pick<CheckInput, 'clippings' | 'settings'>): CheckProblem[] {
  const rank = new Map<string, number>();
  let next = 1; // 0: the issue itself
  for (const group of groupBySection(input.clippings, input.settings.sections)) {
    if (group.section) rank.set(`section:${group.section.id}`, next++);
    for (const clipping of group.clippings) rank.set(`clipping:${clipping.id}`, next++);
  }
  const rankOf = (p: CheckProblem) =>
    p.clippingId !== null ? (rank.get(`clipping:${p.clippingId}`) ?? next) : p.sectionId ? (rank.get(`section:${p.sectionId}`) ?? next) : 0;
  return problems
    .map((problem, index) => ({ problem, index, rank: rankOf(problem) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ problem }) => problem);
}
