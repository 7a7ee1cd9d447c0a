import { renderHtml } from '../export/html';
import { isLocked } from '../issue/issue';
import { documentClippingIds, toIssueDocument } from '../issue/to-document';
import type { DraftUpdate } from '../sync/adapter';
import { renderRegion } from '../sync/managed-region';
import type { HandlerDeps } from './handler-deps';

/**
 * What an issue's draft should hold now: the HTML export's layout inside the managed region; nothing
 * for a published, locked issue, whose post must not change.
 * The worker has no DOM for DOMPurify, and needs none: the editor's Markdown is written as HTML by
 * construction from the export's one allow-list (editor-html.ts), the same writer the HTML export
 * uses, so the draft holds exactly what the export holds. The pages add DOMPurify with the same list
 * as a second layer; WordPress applies its own kses filter on top for users without unfiltered_html.
 */
export async function draftForIssue(
  deps: Pick<HandlerDeps, 'issues' | 'settings' | 'clippings'>,
  issueId: string,
): Promise<DraftUpdate | undefined> {
  const issue = await deps.issues.get(issueId);
  // A published issue's post is out: no sync rewrites it (its outbox entry is simply dropped).
  if (!issue || isLocked(issue)) return undefined;
  const [settings, clippings] = await Promise.all([deps.settings.get(), deps.clippings.listByIssue(issueId)]);
  const doc = toIssueDocument(issue, settings, clippings);
  const html = renderHtml(doc);
  const used = settings.sections.filter((section) => doc.sections.some((s) => s.id === section.id && s.entries.length));
  const names = (pick: (s: (typeof used)[number]) => string | undefined) => [...new Set(used.map(pick).filter((n): n is string => !!n))];
  const inDraft = documentClippingIds(doc);
  const rendered = Object.fromEntries(clippings.filter((c) => inDraft.has(c.id)).map((c) => [c.id, c.updatedAt]));
  return {
    issueId,
    title: issue.title,
    region: renderRegion(issueId, html),
    categories: names((s) => s.wpCategory),
    tags: names((s) => s.wpTag),
    rendered,
  };
}
