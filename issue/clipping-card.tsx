import { useEffect, useState } from 'preact/hooks';
import type { Clipping, ClippingForm } from '../src/clip/clipping';
import { splitAuthors } from '../src/clip/authors';
import { webHref } from '../src/export/safe-url';
import { type MessageKey, listOf, plural, t } from '../src/i18n/messages';
import { missingCredits } from '../src/clip/fill-in';
import { needsSummary } from '../src/issue/issue-order';
import type { Section } from '../src/settings/settings';
import type { ClippingSync } from '../src/sync/clipping-sync';
import { altArrow, ownsAltArrows } from './desk-keys';
import { EditField } from './edit-field';
import { type CardControl, findCard } from './focus-after';

/** The words and hover text of a card's sync mark. */
const SYNC_MARKS: Record<ClippingSync, [MessageKey, MessageKey]> = {
  'in-draft': ['deskSyncMarkInDraft', 'deskSyncMarkInDraftHint'],
  waiting: ['deskSyncMarkWaiting', 'deskSyncMarkWaitingHint'],
  'not-synced': ['deskSyncMarkNotSynced', 'deskSyncMarkNotSyncedHint'],
};

/** What a card can ask the desk to do. Every action goes through the worker, then the view reloads. */
export interface CardActions {
  update(id: string, changes: Partial<ClippingForm>): void;
  /** Move by one place within the section (keyboard and buttons); `from` is where focus was, to keep it there. */
  nudge(id: string, delta: -1 | 1, from: CardControl | 'card'): void;
  moveToSection(id: string, section: string | null): void;
  moveToNextIssue(id: string): void;
  remove(id: string): void;
  /** "Fill in": reads the clipping's page and fills its empty fields (imported clippings). Called inside the click. */
  fillIn(clipping: Clipping): void;
}

/**
 * The "from <source>" mark of a clipping filed from a feed source: the worker writes it, in words, as the
 * clipping's first note when it files the item (src/worker/feed-poll.ts). Undefined for the editor's own clippings.
 */
export function importedFrom(clipping: Pick<Clipping, 'origin' | 'notes'>): string | undefined {
  return clipping.origin === 'feed' ? clipping.notes[0] : undefined;
}

const DETAIL_FIELDS: [keyof ClippingForm, MessageKey][] = [
  ['title', 'deskFieldTitle'],
  ['url', 'deskFieldUrl'],
  ['authors', 'authorsLabel'],
  ['siteName', 'deskFieldPublication'],
  ['publishedTime', 'deskFieldPublished'],
  ['quote', 'deskFieldQuote'],
];

/** A message with one element inside it (a link, an isolated address): the text before and after the element. */
function around(message: (slot: string) => string): [string, string] {
  const slot = '\u{E000}';
  const [before = '', after = ''] = message(slot).split(slot);
  return [before, after];
}

/** A request to put focus on one of a card's fields (the check's "Go to card"); a new `seq` asks again. */
export interface CardReveal {
  field: keyof ClippingForm | 'card';
  seq: number;
}

/** The id of a card's field, for the check's jump (clipping ids are ours: letters, digits and dashes). */
export const cardFieldId = (clippingId: string, field: keyof ClippingForm) => `${field}-${clippingId}`;

/** One clipping in the issue: its summary is edited in place, the rest behind "Edit details". */
export function ClippingCard({
  clipping,
  sections,
  actions,
  draggable,
  sync,
  first,
  last,
  checkCount = 0,
  reveal,
  locked = false,
}: {
  clipping: Clipping;
  sections: readonly Section[];
  actions: CardActions;
  draggable: boolean;
  sync?: ClippingSync | undefined;
  /** First or last in its section: it cannot move up, or down. */
  first: boolean;
  last: boolean;
  /** How many problems the pre-publish check found on this clipping (a mark on the card). */
  checkCount?: number;
  reveal?: CardReveal | undefined;
  /** In a published issue: shown, not editable (the worker refuses changes anyway). */
  locked?: boolean;
}) {
  const [open, setOpen] = useState(false);
  // The check's jump: open the details when the field is behind them, then focus the field (or the card).
  useEffect(() => {
    if (!reveal) return;
    const detail = reveal.field !== 'summary' && reveal.field !== 'card';
    if (detail && !open) {
      setOpen(true);
      return; // focus once the details are rendered (this effect runs again with `open`)
    }
    const target = reveal.field === 'card' ? undefined : document.getElementById(cardFieldId(clipping.id, reveal.field));
    (target ?? findCard(document, clipping.id))?.focus();
    target?.scrollIntoView({ block: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request (seq) or the details opening moves focus
  }, [reveal?.seq, open]);
  const commit = (name: keyof ClippingForm) => (value: string) => actions.update(clipping.id, { [name]: value });
  const onKeyDown = (event: KeyboardEvent) => {
    // Alt+↑/↓ moves the focused clipping: the keyboard twin of drag and drop. A <select> or a text
    // field in the card keeps the keys (Alt+↓ opens a select's list).
    const delta = altArrow(event);
    if (locked || !delta || ownsAltArrows(event.target)) return;
    event.preventDefault();
    const control = event.target instanceof HTMLElement ? event.target.dataset.move : undefined;
    actions.nudge(clipping.id, delta, control === 'up' || control === 'down' ? control : 'card');
  };
  const attribution = [listOf(clipping.authors), clipping.siteName].filter(Boolean).join(' — ');
  const canonical = around((url) => t('deskCanonicalAddress', url));
  const reading = around((url) => t('deskYouWereReading', url));
  const from = importedFrom(clipping);
  const canFill = !locked && from !== undefined && missingCredits(clipping).length > 0;

  return (
    <li
      class={`card ${needsSummary(clipping) ? 'needs-summary' : ''}`}
      data-id={clipping.id}
      data-testid="clipping"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={clipping.title}
    >
      <div class="card-head">
        {draggable && !locked && (
          <span class="drag-handle" title={t('deskDragToReorder')} aria-hidden="true">
            ⠿
          </span>
        )}
        <a class="card-title" href={webHref(clipping.url) ?? undefined} target="_blank" rel="noopener noreferrer">
          <bdi>{clipping.title}</bdi>
        </a>
        {!locked && (
          <span class="card-actions">
            <button
              type="button"
              data-move="up"
              disabled={first}
              onClick={() => actions.nudge(clipping.id, -1, 'up')}
              aria-label={t('deskMoveUpLabel', clipping.title)}
              title={t('deskMoveUpHint')}
            >
              ↑
            </button>
            <button
              type="button"
              data-move="down"
              disabled={last}
              onClick={() => actions.nudge(clipping.id, 1, 'down')}
              aria-label={t('deskMoveDownLabel', clipping.title)}
              title={t('deskMoveDownHint')}
            >
              ↓
            </button>
            <select
              aria-label={t('deskSectionOf', clipping.title)}
              value={clipping.section ?? ''}
              onChange={(e) => actions.moveToSection(clipping.id, e.currentTarget.value || null)}
            >
              <option value="">{t('deskUnsorted')}</option>
              {sections.map((s) => (
                <option value={s.id}>{s.name}</option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => actions.moveToNextIssue(clipping.id)}
              aria-label={t('deskNextIssueLabel', clipping.title)}
              title={t('deskNextIssueHint')}
            >
              {t('deskNextIssue')}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => actions.remove(clipping.id)}
              aria-label={t('deskDeleteLabel', clipping.title)}
            >
              {t('deskDelete')}
            </button>
          </span>
        )}
      </div>
      {(attribution || sync || from || checkCount > 0) && (
        <p class="attribution">
          <bdi>{attribution}</bdi>
          {from && (
            <span class="source-mark" data-testid="source-mark" title={t('deskImportedHint')}>
              <bdi>{from}</bdi>
            </span>
          )}
          {canFill && (
            <button
              type="button"
              class="link fill-in"
              onClick={() => actions.fillIn(clipping)}
              aria-label={t('deskFillInLabel', clipping.title)}
              title={t('deskFillInHint')}
            >
              {t('deskFillIn')}
            </button>
          )}
          {checkCount > 0 && (
            <span class="check-mark" data-testid="clipping-check" title={t('deskCheckMarkHint')}>
              {plural('deskCheckMark', checkCount)}
            </span>
          )}
          {sync && (
            <span class={`sync-mark ${sync}`} data-testid="clipping-sync" data-state={sync} title={t(SYNC_MARKS[sync][1])}>
              {t(SYNC_MARKS[sync][0])}
            </span>
          )}
        </p>
      )}
      {clipping.visitedUrl && (
        <p class="visited-url" data-testid="visited-url">
          {canonical[0]}
          <bdi>{clipping.url}</bdi>
          {canonical[1]} · {reading[0]}
          <a href={webHref(clipping.visitedUrl) ?? undefined} target="_blank" rel="noopener noreferrer">
            <bdi>{clipping.visitedUrl}</bdi>
          </a>
          {reading[1]}
        </p>
      )}
      {locked ? (
        clipping.summary && <p class="summary-text">{clipping.summary}</p>
      ) : (
        <>
          <EditField
            multiline
            class="summary"
            aria-label={t('deskSummaryLabel', clipping.title)}
            placeholder={t('deskSummaryPlaceholder')}
            rows={3}
            id={cardFieldId(clipping.id, 'summary')}
            value={clipping.summary}
            onCommit={commit('summary')}
          />
          <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(open ? 'deskHideDetails' : 'deskEditDetails')}
          </button>
          {open && (
            <div class="details">
              {DETAIL_FIELDS.map(([name, labelKey]) =>
                name === 'authors' ? (
                  <label>
                    {t('authorsLabel')}
                    <EditField
                      id={cardFieldId(clipping.id, 'authors')}
                      saveWhileTyping={false}
                      value={listOf(clipping.authors)}
                      aria-describedby={`authors-hint-${clipping.id}`}
                      onCommit={(text) => actions.update(clipping.id, { authors: splitAuthors(text) })}
                    />
                    <small id={`authors-hint-${clipping.id}`} class="hint">
                      {t('authorsHint')}
                    </small>
                  </label>
                ) : (
                  <label>
                    {t(labelKey)}
                    <EditField
                      id={cardFieldId(clipping.id, name)}
                      multiline={name === 'quote'}
                      rows={name === 'quote' ? 2 : undefined}
                      saveWhileTyping={name !== 'url'}
                      value={String(clipping[name] ?? '')}
                      onCommit={commit(name)}
                    />
                  </label>
                ),
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}
