import { t } from '../i18n/messages';
import type { Clipping } from '../clip/clipping';
import { cleanUrl, urlKey } from '../clip/url-key';
import { type Issue, isLocked } from '../issue/issue';
import { moveClipping } from '../issue/issue-order';
import { toIssueDocument } from '../issue/to-document';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import type { HandlerDeps } from './handler-deps';
import { refuseIfIssueLocked, refuseIfLocked } from './issue-lock';
import { keepBackup } from './keep-backup';

type IssueHandlerNames =
  | 'issue.view'
  | 'issue.update'
  | 'issue.publish'
  | 'issue.reopen'
  | 'issue.document'
  | 'clip.update'
  | 'clip.move'
  | 'clip.moveToNextIssue'
  | 'clip.restore';

async function requireIssue(deps: HandlerDeps, issueId: string): Promise<Issue> {
  const issue = await deps.issues.get(issueId);
  if (!issue) throw new MessageError('not-found', t('workerIssueGone'));
  return issue;
}

async function requireClipping(deps: HandlerDeps, id: string): Promise<Clipping> {
  const clipping = await deps.clippings.get(id);
  if (!clipping) throw new MessageError('not-found', t('workerClippingGone'));
  return clipping;
}

/** The worker's handlers for the issue desk: viewing, editing and ordering an issue. */
export function issueHandlers(deps: HandlerDeps): Pick<Handlers, IssueHandlerNames> {
  const context = async () => ({ now: deps.now(), settings: await deps.settings.get(), newId: deps.newId });

  return {
    async 'issue.view'({ issueId }) {
      const ctx = await context();
      const open = await deps.issues.ensureOpen(ctx);
      const issue = issueId ? await requireIssue(deps, issueId) : open;
      const [clippings, all] = await Promise.all([deps.clippings.listByIssue(issue.id), deps.issues.list()]);
      const plannedIssue = all.find((i) => i.status === 'planned');
      const plannedCount = plannedIssue ? (await deps.clippings.listByIssue(plannedIssue.id)).length : 0;
      return {
        issue,
        clippings,
        settings: ctx.settings,
        issues: all.reverse().map(({ id, number, title, status }) => ({ id, number, title, status })),
        ...(plannedIssue ? { planned: { id: plannedIssue.id, number: plannedIssue.number, count: plannedCount } } : {}),
      };
    },

    async 'issue.update'({ issueId, title, sponsor }) {
      const issue = await requireIssue(deps, issueId);
      refuseIfLocked(issue);
      return deps.issues.put({
        ...issue,
        ...(title !== undefined ? { title } : {}),
        ...(sponsor !== undefined ? { sponsor } : {}),
        updatedAt: deps.now(),
      });
    },

    async 'issue.publish'({ issueId, moveUnfinished }) {
      const issue = await requireIssue(deps, issueId);
      const relock = issue.status === 'closed' && issue.reopenedAt !== undefined;
      if (issue.status !== 'open' && !relock) throw new MessageError('bad-request', t('workerOnlyOpenPublishes', issue.number));
      // The post's address, when the issue's draft was synced to a backend that gave one.
      const postUrl = relock ? undefined : (await deps.syncStates.get(issueId))?.postUrl;
      const result = await deps.issues.publish(issueId, { moveUnfinished, ...(postUrl ? { postUrl } : {}) }, await context());
      if (relock) return result;
      // Publishing is done and stays done; a backup that fails is logged, and the weekly one follows.
      const backup = await keepBackup(deps, { kind: 'published', issueNumber: issue.number }).catch((error: unknown) => {
        console.warn('newsletter-clipper: no backup was kept on publishing', error);
        return undefined;
      });
      return { ...result, ...(backup ? { backup: backup.kept } : {}) };
    },

    async 'issue.reopen'({ issueId }) {
      const issue = await requireIssue(deps, issueId);
      if (!isLocked(issue)) throw new MessageError('bad-request', t('workerNotPublished', issue.number));
      return deps.issues.reopen(issueId, deps.now());
    },

    async 'issue.document'({ issueId }) {
      const [issue, settings, clippings] = await Promise.all([
        requireIssue(deps, issueId),
        deps.settings.get(),
        deps.clippings.listByIssue(issueId),
      ]);
      return toIssueDocument(issue, settings, clippings);
    },

    async 'clip.update'({ id, changes }) {
      const clipping = await requireClipping(deps, id);
      await refuseIfIssueLocked(deps, clipping.issueId);
      const settings = await deps.settings.get();
      if (changes.section !== undefined && changes.section !== null && !settings.sections.some((s) => s.id === changes.section)) {
        throw new MessageError('bad-request', t('workerNoSection', changes.section));
      }
      const url = changes.url !== undefined ? cleanUrl(changes.url) : clipping.url;
      if (!url) throw new MessageError('bad-request', t('workerNeedsAddress'));
      const edited = Object.keys(changes).filter((k) => k !== 'summary' && k !== 'section');
      const updated: Clipping = {
        ...clipping,
        ...changes,
        url,
        urlKey: urlKey(url),
        title: (changes.title ?? clipping.title).trim() || url,
        // A field the editor changed no longer comes from the page.
        sources: { ...clipping.sources, ...Object.fromEntries(edited.filter((k) => k in clipping.sources).map((k) => [k, 'editor'])) },
        updatedAt: deps.now(),
      };
      await deps.clippings.putMany([updated]);
      return { clipping: updated };
    },

    async 'clip.move'({ id, section, index }) {
      const clipping = await requireClipping(deps, id);
      if (!clipping.issueId) throw new MessageError('bad-request', t('workerNotInIssue'));
      await refuseIfIssueLocked(deps, clipping.issueId);
      const settings = await deps.settings.get();
      if (section !== null && !settings.sections.some((s) => s.id === section))
        throw new MessageError('bad-request', t('workerNoSection', section));
      const changed = moveClipping(await deps.clippings.listByIssue(clipping.issueId), settings.sections, id, section, index, deps.now());
      await deps.clippings.putMany(changed);
      return { changed: changed.length };
    },

    async 'clip.moveToNextIssue'({ id }) {
      const clipping = await requireClipping(deps, id);
      const ctx = await context();
      const open = await deps.issues.ensureOpen(ctx);
      const current = clipping.issueId ? await deps.issues.get(clipping.issueId) : undefined;
      // Out of a published issue: refused (from a reopened one, it goes back to the open issue).
      refuseIfLocked(current);
      if (current?.status === 'planned') throw new MessageError('bad-request', t('workerAlreadyPlanned'));
      // From the open issue it goes to the planned one; from a closed one, back to the open one.
      const target = current?.status === 'open' ? await deps.issues.ensurePlanned(open, ctx) : open;
      await deps.clippings.putMany([{ ...clipping, issueId: target.id, position: ctx.now, updatedAt: ctx.now }]);
      return { issue: target };
    },

    async 'clip.restore'({ id }) {
      // Undoing a delete puts the clipping back into its issue: not into a published one.
      const tombstone = (await deps.clippings.listTombstones()).find((c) => c.id === id);
      await refuseIfIssueLocked(deps, tombstone?.issueId);
      return { clipping: (await deps.clippings.restore(id, deps.now())) ?? null };
    },
  };
}
