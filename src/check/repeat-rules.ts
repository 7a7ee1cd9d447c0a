import { urlKey } from '../clip/url-key';
import type { CheckProblem } from './check-problem';
import { type CheckInput, foldName, foldText, inIssueOrder } from './check-input';
import { t } from '../i18n/messages';

/**
 * Repeats (issue 12). An article that already ran in a published issue, and the same article twice in
 * this issue, block publishing; two pieces with the same title (maybe different articles, maybe a
 * syndicated copy) and more pieces from one publication than the editor's limit are worth a look.
 * Addresses compare by urlKey, the store's duplicate key (the same normalisation the popup's "clipped
 * before" uses); a clipping read on a mirror also matches by the address it was read at.
 */
export function repeatProblems(input: CheckInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const ranIn = new Map<string, { number: number; title: string }>();
  // Oldest first, so the issue named is the first one the article ran in.
  for (const issue of [...input.published].sort((a, b) => a.number - b.number))
    for (const key of issue.urlKeys) if (key && !ranIn.has(key)) ranIn.set(key, issue);

  const seenUrl = new Map<string, string>();
  const seenTitle = new Map<string, string>();
  const perPublication = new Map<string, number>();
  const limit = input.settings.check.maxPerPublication;

  for (const { clipping } of inIssueOrder(input.clippings, input.settings.sections)) {
    const keys = [clipping.urlKey || urlKey(clipping.url), ...(clipping.visitedUrl ? [urlKey(clipping.visitedUrl)] : [])].filter(Boolean);
    const at = (problem: Omit<CheckProblem, 'clippingId'>) => problems.push({ clippingId: clipping.id, ...problem });

    const earlier = keys.map((key) => ranIn.get(key)).find(Boolean);
    if (earlier) at({ rule: 'repeat-published', severity: 'blocks', message: t('checkRepeatPublished', earlier.number, earlier.title) });

    const title = foldText(clipping.title);
    const sameUrl = keys.map((key) => seenUrl.get(key)).find(Boolean);
    const sameTitle = title && title !== foldText(clipping.url) ? seenTitle.get(title) : undefined;
    if (sameUrl) at({ rule: 'repeat-in-issue', severity: 'blocks', message: t('checkRepeatUrl', sameUrl) });
    else if (sameTitle) at({ rule: 'repeat-in-issue', severity: 'look', message: t('checkRepeatTitle', sameTitle) });
    for (const key of keys) if (!seenUrl.has(key)) seenUrl.set(key, clipping.title);
    if (title && !seenTitle.has(title)) seenTitle.set(title, clipping.title);

    const publication = foldName(clipping.siteName);
    if (publication) {
      const count = (perPublication.get(publication) ?? 0) + 1;
      perPublication.set(publication, count);
      if (count > limit) {
        at({ rule: 'publication-limit', severity: 'look', message: t('checkPublicationLimit', clipping.siteName.trim(), limit, count) });
      }
    }
  }
  return problems;
}
