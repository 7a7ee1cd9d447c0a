import { t } from '../i18n/messages';
import { type Clipping, type ClippingForm } from '../clip/clipping';
import { buildClipping, formFromCapture } from '../clip/clipping-from-capture';
import { captureFromLink } from '../clip/clipping-from-link';
import { mergeDuplicates } from '../clip/merge-duplicates';
import { isWebUrl, urlKey } from '../clip/url-key';
import { weekWindow } from '../clip/week';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import { feedHandlers } from './feed-handlers';
import { fillInHandlers } from './fill-in-handler';
import { checkHandlers } from './check-handlers';
import { issueHandlers } from './issue-handlers';
import { syncHandlers } from './sync-handlers';
import type { HandlerDeps } from './handler-deps';
import { transferHandlers } from './transfer-handlers';
import { lockedIssueError, lockedIssues, refuseIfIssueLocked } from './issue-lock';
import type { Settings } from '../settings/settings';

/** The stored clipping as a form, with blanks filled from a fresh capture (a link clip gains its author later). */
function formFromClipping(clipping: Clipping, captured: ClippingForm): ClippingForm {
  const fill = (stored: string, fresh: string) => stored || fresh;
  return {
    url: clipping.url,
    title: fill(clipping.title, captured.title),
    authors: clipping.authors.length ? clipping.authors : captured.authors,
    siteName: fill(clipping.siteName, captured.siteName),
    publishedTime: fill(clipping.publishedTime, captured.publishedTime),
    excerpt: fill(clipping.excerpt, captured.excerpt),
    lang: fill(clipping.lang, captured.lang),
    quote: clipping.quote || captured.quote,
    quoteLink: clipping.quote ? clipping.quoteLink : captured.quoteLink,
    summary: clipping.summary,
    section: clipping.section ?? captured.section,
    ...(clipping.visitedUrl && { visitedUrl: clipping.visitedUrl }),
  };
}

async function countThisWeek(deps: HandlerDeps, settings: Settings): Promise<number> {
  return deps.clippings.countCreatedIn(weekWindow(new Date(deps.now()), settings.weekStartsOn, settings.timeZone));
}

function checkSection(section: string | null, settings: Settings): void {
  if (section !== null && !settings.sections.some((s) => s.id === section)) {
    throw new MessageError('bad-request', t('workerSectionGone', section));
  }
}

type ClipHandlerNames =
  | 'clip.prepare'
  | 'clip.weekCount'
  | 'draft.save'
  | 'draft.discard'
  | 'clip.save'
  | 'clip.link'
  | 'clip.get'
  | 'clip.listRecent'
  | 'clip.delete'
  | 'settings.get'
  | 'settings.save';

/** What the popup says about a clipping made before: when, and in which issue (published or not). */
async function describeExisting(deps: HandlerDeps, existing: Clipping) {
  const issue = existing.issueId ? await deps.issues.get(existing.issueId) : undefined;
  return {
    id: existing.id,
    createdAt: existing.createdAt,
    updatedAt: existing.updatedAt,
    ...(issue ? { issue: { number: issue.number, status: issue.status } } : {}),
  };
}

/** The issue a clipping made now belongs to. */
async function issueIdForNewClipping(deps: HandlerDeps, settings: Settings): Promise<string> {
  return (await deps.issues.issueForNewClipping({ now: deps.now(), settings, newId: deps.newId })).id;
}

/** The worker's handlers for clipping: the popup's and the context menu's. */
export function clipHandlers(deps: HandlerDeps): Pick<Handlers, ClipHandlerNames> {
  return {
    async 'clip.prepare'({ tabId }) {
      const tab = await deps.resolveTab(tabId);
      // A tab whose address is hidden still gets a draft of its own, for as long as the tab lives.
      const key = urlKey(tab.url) || `tab:${tab.id}`;
      // The look-ups that need only the tab's address run while the page is read, not after it: the
      // editor waits for the slowest of them, not for their sum. No week count here: it reads the
      // week's rows, so the popup asks for it (clip.weekCount) once the form is shown.
      const [{ capture, origin }, settings, draft, byVisited] = await Promise.all([
        deps.captureTab(tab),
        deps.settings.get(),
        deps.drafts.get(key),
        key.startsWith('tab:') ? undefined : deps.clippings.findByUrlKey(key),
      ]);
      const prefilled = formFromCapture(
        capture,
        settings.sections.map((s) => s.id),
        origin,
      );
      // The duplicate look-ups stay: the form edits the clipping they find, the canonical address's first.
      const canonicalKey = urlKey(prefilled.form.url);
      const existing = (canonicalKey && canonicalKey !== key ? await deps.clippings.findByUrlKey(canonicalKey) : undefined) ?? byVisited;
      const base = existing ? formFromClipping(existing, prefilled.form) : prefilled.form;
      // A stored clipping keeps its own sources; blanks filled from the fresh capture bring theirs.
      const baseContext = existing
        ? { origin: existing.origin, sources: { ...prefilled.context.sources, ...existing.sources }, notes: existing.notes }
        : prefilled.context;
      return {
        key,
        form: draft?.form ?? base,
        captured: base,
        context: draft?.context ?? baseContext,
        ...(existing ? { existing: await describeExisting(deps, existing) } : {}),
        ...(draft ? { draftRestoredFrom: draft.updatedAt } : {}),
        settings,
      };
    },

    async 'clip.weekCount'() {
      return { weekCount: await countThisWeek(deps, await deps.settings.get()) };
    },

    async 'draft.save'({ key, form, context, clippingId }) {
      const savedAt = deps.now();
      await deps.drafts.put({ key, form, context, ...(clippingId ? { clippingId } : {}), updatedAt: savedAt });
      return { savedAt };
    },

    async 'draft.discard'({ key }) {
      await deps.drafts.delete(key);
      return {};
    },

    async 'clip.save'({ key, form, context, clippingId }) {
      if (!form.url.trim()) throw new MessageError('bad-request', t('workerNeedsAddress'));
      const settings = await deps.settings.get();
      checkSection(form.section, settings);
      const duplicateKey = urlKey(form.url);
      // A quick look first, outside the write: a new clipping needs its issue, which may have to be
      // created (its own transaction). The save itself looks again, inside its write transaction.
      const seen = (clippingId ? await deps.clippings.get(clippingId) : undefined) ?? (await deps.clippings.findByUrlKey(duplicateKey));
      // A clipping in a published issue is not edited from the popup either (the lock is the worker's).
      const locked = await lockedIssues(deps);
      const refuseLocked = (clipping: Clipping | undefined) => {
        const issue = clipping?.issueId ? locked.get(clipping.issueId) : undefined;
        if (issue) throw lockedIssueError(issue);
      };
      refuseLocked(seen);
      const id = deps.newId();
      const issueId = seen ? seen.issueId : await issueIdForNewClipping(deps, settings);
      const now = deps.now();
      const { clipping, existing } = await deps.clippings.save({
        id: clippingId,
        urlKey: duplicateKey,
        draftKey: key,
        now,
        compose: (existing) => {
          refuseLocked(existing);
          // The form edits the clipping the popup opened on: the form wins, as the editor typed it.
          if (!existing || existing.id === clippingId) return buildClipping({ form, context, existing, id, now, issueId });
          // A clipping of this address the popup did not know (clipped from the menu, or from another
          // window, since it opened): one clipping, with both contributions (mergeDuplicates).
          const fromForm = buildClipping({ form, context, existing: undefined, id, now, issueId: existing.issueId });
          return mergeDuplicates(existing, fromForm, now, 'newer');
        },
      });
      return { clipping, updated: !!existing, weekCount: await countThisWeek(deps, settings) };
    },

    async 'clip.link'({ url, text, tabId }) {
      if (!isWebUrl(url)) throw new MessageError('bad-request', t('workerOnlyWebLinks'));
      const duplicateKey = urlKey(url);
      const seen = await deps.clippings.findByUrlKey(duplicateKey);
      if (seen) {
        await deps.confirmLinkClip(tabId, seen, false);
        return { clipping: seen, created: false };
      }
      const linkText = text?.trim() || (tabId !== undefined ? await deps.readLinkText(tabId, url) : undefined);
      const settings = await deps.settings.get();
      const { form, context } = formFromCapture(
        captureFromLink(url, linkText),
        settings.sections.map((s) => s.id),
        'link',
      );
      const id = deps.newId();
      const issueId = await issueIdForNewClipping(deps, settings);
      const now = deps.now();
      // Looked up again inside the write: a save of the same address since the look above wins, and
      // this link clip leaves it as it is (a link adds nothing the editor typed).
      const { clipping, existing } = await deps.clippings.save({
        urlKey: duplicateKey,
        now,
        compose: (existing) => (existing ? undefined : buildClipping({ form, context, existing: undefined, id, now, issueId })),
      });
      await deps.confirmLinkClip(tabId, clipping, !existing);
      return { clipping, created: !existing };
    },

    async 'clip.get'({ id }) {
      return { clipping: (await deps.clippings.get(id)) ?? null };
    },

    async 'clip.listRecent'({ limit }) {
      return { clippings: await deps.clippings.listRecent(limit) };
    },

    async 'clip.delete'({ id }) {
      await refuseIfIssueLocked(deps, (await deps.clippings.get(id))?.issueId);
      return { deleted: await deps.clippings.markDeleted(id, deps.now()) };
    },

    async 'settings.get'() {
      return deps.settings.get();
    },

    async 'settings.save'({ settings }) {
      // Feed sources and their poll interval change through the sources.* messages only: a page holding
      // settings read before a source was added must not undo it.
      const current = await deps.settings.get();
      return deps.settings.put({ ...settings, sources: current.sources, feedPollMinutes: current.feedPollMinutes });
    },
  };
}

/** The worker's message handlers: one per protocol key (a missing one fails the type-check). */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...clipHandlers(deps),
    ...issueHandlers(deps),
    ...transferHandlers(deps),
    ...syncHandlers(deps, deps.sync),
    ...feedHandlers(deps),
    ...fillInHandlers(deps),
    ...checkHandlers(deps),
  };
}
