import type { ClippingForm } from '../src/clip/clipping';
import type { FillField } from '../src/clip/fill-in';
import { type MessageKey, listOf, t } from '../src/i18n/messages';
import type { SectionGroup } from '../src/issue/issue-order';
import { send } from '../src/messages/client';
import type { ResponseOf } from '../src/messages/protocol';
import { requestHostAccess } from '../src/platform/host-access';
import type { CardActions } from './clipping-card';
import { type FocusSpot, focusAfterNudge } from './focus-after';

/** A desk notice: words, and the clipping a delete may bring back. */
export type Notice = { kind: 'info' | 'error'; text: string; undoId?: string };

/** How the desk runs a change: through the worker, then a reload, then focus on the first spot still there. */
export type DeskAct = (work: () => Promise<unknown>, done?: Notice, focus?: readonly FocusSpot[]) => Promise<void>;

interface CardContext {
  groups: readonly SectionGroup[];
  act: DeskAct;
  setNotice: (notice: Notice) => void;
  /** A clipping's title for words ("… moved to issue #8"). */
  titleOf: (id: string) => string;
  /** Where focus goes when a card leaves the desk. */
  focusAfterLeaving: (id: string) => FocusSpot[];
}

/** What each card's buttons do: every change goes through the worker (which refuses edits to a published issue). */
export function cardActions({ groups, act, setNotice, titleOf, focusAfterLeaving }: CardContext): CardActions {
  return {
    update: (id, changes: Partial<ClippingForm>) => void act(() => send('clip.update', { id, changes })),
    nudge: (id, delta, from) => {
      const group = groups.find((g) => g.clippings.some((c) => c.id === id));
      if (!group) return;
      const index = group.clippings.findIndex((c) => c.id === id) + delta;
      if (index < 0 || index >= group.clippings.length) return;
      void act(() => send('clip.move', { id, section: group.section?.id ?? null, index }), undefined, focusAfterNudge(id, from));
    },
    moveToSection: (id, section) => {
      const target = groups.find((g) => (g.section?.id ?? null) === section);
      void act(() => send('clip.move', { id, section, index: target?.clippings.length ?? 0 }), undefined, [{ card: id }]);
    },
    moveToNextIssue: (id) => {
      const focus = focusAfterLeaving(id);
      void act(
        async () => {
          const { issue } = await send('clip.moveToNextIssue', { id });
          setNotice({ kind: 'info', text: t('deskMovedToIssue', titleOf(id), issue.number) });
        },
        undefined,
        focus,
      );
    },
    fillIn: (clipping) => {
      const host = hostOf(clipping.url);
      // Host access first, inside the click (nothing awaited before it): the browser's prompt needs the gesture.
      const access = requestHostAccess(clipping.url);
      void act(
        async () => {
          setNotice({ kind: 'info', text: t('deskFillingIn', host) });
          if (!(await access)) throw new Error(t('deskFillNoAccess', host));
          const result = await send('clip.fillIn', { id: clipping.id });
          setNotice({ kind: 'info', text: fillInWords(result) });
        },
        undefined,
        [{ card: clipping.id }],
      );
    },
    remove: (id) =>
      void act(() => send('clip.delete', { id }), { kind: 'info', text: t('deskDeleted', titleOf(id)), undoId: id }, focusAfterLeaving(id)),
  };
}

/** The host of an address, for words ("Reading news.example.org…"); the address itself when it is none. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const FILL_FIELD_WORDS: Record<FillField, MessageKey> = {
  title: 'deskFillFieldTitle',
  authors: 'deskFillFieldAuthors',
  siteName: 'deskFillFieldSiteName',
  publishedTime: 'deskFillFieldPublishedTime',
  excerpt: 'deskFillFieldExcerpt',
  lang: 'deskFillFieldLang',
};

/** What Fill in did, in words: the fields it filled, or why it filled none. */
function fillInWords(result: ResponseOf<'clip.fillIn'>): string {
  if (result.read === 'tab') return t('deskFillUnread', result.note ?? '');
  if (!result.filled.length) return t('deskFillNothing');
  return t('deskFilledIn', listOf(result.filled.map((field) => t(FILL_FIELD_WORDS[field]))));
}
