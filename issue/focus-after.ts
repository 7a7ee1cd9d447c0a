import { useCallback, useEffect, useState } from 'preact/hooks';

/** A move button on a card (↑ or ↓). */
export type CardControl = 'up' | 'down';

/**
 * A place keyboard focus can go after a change: a clipping's card (or one of its move buttons), or
 * the first element matching a selector (a heading made focusable with tabIndex=-1, a button).
 */
export type FocusSpot = { card: string; control?: CardControl } | { selector: string };

/** Where focus goes when nothing better is left: the issue's heading (issue-desk.tsx renders it). */
export const ISSUE_HEADING_ID = 'issue-heading';
const LAST_RESORT: FocusSpot = { selector: `#${ISSUE_HEADING_ID}` };

/** The id of a section's heading in the desk (section-list.tsx). */
export const sectionHeadingId = (sectionId: string | null) => `heading-${sectionId ?? 'unsorted'}`;

/** A clipping's card in the desk, found by id (compared as a string, so no id needs escaping). */
export function findCard(root: ParentNode, id: string): HTMLElement | undefined {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-testid="clipping"]')).find((card) => card.dataset.id === id);
}

function canFocus(element: HTMLElement | null | undefined): element is HTMLElement {
  return !!element && element.isConnected && !(element as HTMLButtonElement).disabled;
}

/** The first spot that is in the document and can take focus (a disabled button cannot). */
export function findFocusTarget(root: ParentNode, spots: readonly FocusSpot[]): HTMLElement | undefined {
  for (const spot of spots) {
    const element =
      'card' in spot
        ? ((card) => (spot.control ? card?.querySelector<HTMLElement>(`[data-move="${spot.control}"]`) : card))(findCard(root, spot.card))
        : root.querySelector<HTMLElement>(spot.selector);
    if (canFocus(element)) return element;
  }
  return undefined;
}

/**
 * Where focus goes once a card is gone from its section (deleted, moved to the next issue): the next
 * card shown in that section, else the previous one, else the section's heading (the section is empty).
 * `shown` is the section's cards as shown before the removal, in order.
 */
export function focusAfterRemoval(shown: readonly string[], removed: string, sectionId: string | null): FocusSpot[] {
  const at = shown.indexOf(removed);
  const next = at < 0 ? undefined : shown[at + 1];
  const previous = at > 0 ? shown[at - 1] : undefined;
  return [...(next ? [{ card: next }] : []), ...(previous ? [{ card: previous }] : []), { selector: `#${sectionHeadingId(sectionId)}` }];
}

/**
 * After a card moved by one place: the same move button if it still can be pressed, else the other
 * one (the card reached the top or the bottom of its section), else the card itself.
 */
export function focusAfterNudge(id: string, from: CardControl | 'card'): FocusSpot[] {
  if (from === 'card') return [{ card: id }];
  return [{ card: id, control: from }, { card: id, control: from === 'up' ? 'down' : 'up' }, { card: id }];
}

/** What a focus request may do. */
export interface FocusOptions {
  /**
   * Move focus only if it was lost on the way (it is on the page's body, or on a control that was
   * disabled or removed): for changes the editor may have tabbed away from while they ran.
   */
  ifLost?: boolean;
}

function focusIsLost(doc: Document): boolean {
  const active = doc.activeElement as HTMLElement | null;
  return !active || active === doc.body || !canFocus(active);
}

/**
 * Puts keyboard focus on a spot once the desk has rendered the change that moved or removed the
 * focused element. A change runs through the worker and the desk re-renders from its reply, so focus
 * cannot be set at the click: request it after the reload, and this hook applies it after the next
 * render, trying the spots in order, with the issue's heading as the last resort (never the body).
 */
export function useFocusAfterRender(): (spots: readonly FocusSpot[], options?: FocusOptions) => void {
  const [request, setRequest] = useState<{ spots: readonly FocusSpot[]; options: FocusOptions } | undefined>();
  useEffect(() => {
    if (!request) return;
    setRequest(undefined);
    if (request.options.ifLost && !focusIsLost(document)) return;
    findFocusTarget(document, [...request.spots, LAST_RESORT])?.focus();
  }, [request]);
  return useCallback((spots, options = {}) => setRequest({ spots, options }), []);
}
