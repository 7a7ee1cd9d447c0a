import Sortable from 'sortablejs';
import { useEffect, useRef } from 'preact/hooks';
import type { Clipping } from '../src/clip/clipping';
import { t } from '../src/i18n/messages';
import { budgetWarning, type SectionGroup } from '../src/issue/issue-order';
import type { Section } from '../src/settings/settings';
import type { ClippingSync } from '../src/sync/clipping-sync';
import { ClippingCard, type CardActions, type CardReveal } from './clipping-card';
import { sectionHeadingId } from './focus-after';

interface SectionListProps {
  group: SectionGroup;
  /** The clippings to show (the group's, after the search and filter). */
  visible: Clipping[];
  sections: readonly Section[];
  /** Dragging is off while a filter hides some clippings: an index among the visible ones would lie. */
  draggable: boolean;
  actions: CardActions;
  /** Where a clipping stands against the draft (undefined: no target, or not in the draft's sections). */
  syncOf: (clipping: Clipping) => ClippingSync | undefined;
  onDrop: (id: string, section: string | null, index: number) => void;
  /** How many problems the pre-publish check found on a clipping. */
  checkOf?: (clipping: Clipping) => number;
  /** The check's "Go to card" request for a clipping, if any. */
  revealOf?: (clipping: Clipping) => CardReveal | undefined;
  /** A published issue: its cards are shown read-only. */
  locked?: boolean;
}

/** One section of the issue: its heading, count and budget, and its clippings, sortable by drag and drop. */
export function SectionList({
  group,
  visible,
  sections,
  draggable,
  actions,
  syncOf,
  onDrop,
  checkOf,
  revealOf,
  locked = false,
}: SectionListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;
  const sectionId = group.section?.id ?? null;

  useEffect(() => {
    if (!listRef.current || !draggable) return;
    const sortable = Sortable.create(listRef.current, {
      group: 'issue-sections',
      handle: '.drag-handle',
      animation: 120,
      dataIdAttr: 'data-id',
      onEnd(event) {
        const id = event.item.dataset.id;
        const to = event.to.dataset.section;
        const newIndex = event.newIndex ?? 0;
        // Put the node back where preact rendered it; the reload after the move re-renders the order.
        const from = event.from;
        from.insertBefore(event.item, from.children[event.oldIndex ?? 0] ?? null);
        if (!id || to === undefined) return;
        if (event.from === event.to && event.oldIndex === newIndex) return;
        onDropRef.current(id, to === '' ? null : to, newIndex);
      },
    });
    return () => sortable.destroy();
  }, [draggable]);

  const name = group.section?.name ?? t('deskUnsorted');
  const warning = group.section ? budgetWarning(group.section, group.clippings.length) : undefined;
  const budget = group.section?.budget;
  return (
    <section class={`section ${group.section ? '' : 'unsorted'}`} aria-labelledby={sectionHeadingId(sectionId)} data-testid="section">
      {/* Focusable from code: focus lands here when the section's last card is deleted. */}
      <h2 id={sectionHeadingId(sectionId)} tabIndex={-1}>
        {name}{' '}
        <span class="count">{budget === undefined ? group.clippings.length : t('deskSectionBudget', group.clippings.length, budget)}</span>
        {group.section && <span class="style">{t(group.section.style === 'entries' ? 'deskStyleEntries' : 'deskStyleBullets')}</span>}
      </h2>
      {!group.section && <p class="hint">{t('deskUnsortedHint')}</p>}
      {warning && (
        <p class="budget-warning" role="status">
          {warning}
        </p>
      )}
      <ol class="cards" ref={listRef} data-section={sectionId ?? ''}>
        {visible.map((clipping) => (
          <ClippingCard
            key={clipping.id}
            clipping={clipping}
            sections={sections}
            actions={actions}
            draggable={draggable}
            sync={syncOf(clipping)}
            first={group.clippings[0]?.id === clipping.id}
            last={group.clippings.at(-1)?.id === clipping.id}
            checkCount={checkOf?.(clipping) ?? 0}
            reveal={revealOf?.(clipping)}
            locked={locked}
          />
        ))}
      </ol>
      {visible.length === 0 && <p class="empty">{t(group.clippings.length ? 'deskNoMatch' : 'deskNoClippings')}</p>}
    </section>
  );
}
