// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type FocusSpot, ISSUE_HEADING_ID, findFocusTarget, focusAfterNudge, focusAfterRemoval, useFocusAfterRender } from './focus-after';

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

/** A desk in miniature: the issue heading, a section heading and cards with their move buttons. */
function Desk({
  cards,
  request,
}: {
  cards: { id: string; first?: boolean; last?: boolean }[];
  request?: (ask: ReturnType<typeof useFocusAfterRender>) => void;
}) {
  const focusAfterRender = useFocusAfterRender();
  request?.(focusAfterRender);
  return (
    <main>
      <h1 id={ISSUE_HEADING_ID} tabIndex={-1}>
        Issue #1
      </h1>
      <h2 id="heading-articles" tabIndex={-1}>
        Articles
      </h2>
      <ol>
        {cards.map((c) => (
          <li key={c.id} data-testid="clipping" data-id={c.id} tabIndex={0}>
            <button type="button" data-move="up" disabled={c.first}>
              ↑
            </button>
            <button type="button" data-move="down" disabled={c.last}>
              ↓
            </button>
          </li>
        ))}
      </ol>
    </main>
  );
}

const focused = () => {
  const active = document.activeElement as HTMLElement | null;
  return active?.dataset.id ?? active?.dataset.move ?? active?.id ?? active?.tagName;
};

describe('focusAfterRemoval: where focus goes when a card leaves its section', () => {
  it('the next card shown, else the previous one, else the section heading', () => {
    expect(focusAfterRemoval(['a', 'b', 'c'], 'b', 'articles')).toEqual([{ card: 'c' }, { card: 'a' }, { selector: '#heading-articles' }]);
    expect(focusAfterRemoval(['a', 'b', 'c'], 'c', 'articles')).toEqual([{ card: 'b' }, { selector: '#heading-articles' }]);
    expect(focusAfterRemoval(['a'], 'a', null)).toEqual([{ selector: '#heading-unsorted' }]);
    // Hidden by the search: no neighbour among those shown.
    expect(focusAfterRemoval(['b'], 'a', 'outages')).toEqual([{ selector: '#heading-outages' }]);
  });
});

describe('focusAfterNudge', () => {
  it('keeps the pressed button, then the other one, then the card', () => {
    expect(focusAfterNudge('a', 'up')).toEqual([{ card: 'a', control: 'up' }, { card: 'a', control: 'down' }, { card: 'a' }]);
    expect(focusAfterNudge('a', 'card')).toEqual([{ card: 'a' }]);
  });
});

describe('findFocusTarget', () => {
  it('takes the first spot that is there and enabled, finding cards by id whatever characters it holds', () => {
    const odd = 'clip"]\\ <x>';
    act(() =>
      render(
        <Desk
          cards={[
            { id: odd, first: true },
            { id: 'b', last: true },
          ]}
        />,
        root(),
      ),
    );
    const spots: FocusSpot[] = [{ card: 'gone' }, { card: odd, control: 'up' }, { card: odd, control: 'down' }];
    expect(findFocusTarget(document, spots)?.dataset.move).toBe('down');
    expect(findFocusTarget(document, [{ card: odd }])?.dataset.id).toBe(odd);
    expect(findFocusTarget(document, [{ card: 'gone' }, { selector: '#nothing' }])).toBeUndefined();
  });
});

describe('useFocusAfterRender', () => {
  it('focuses the first spot present after the render that follows the request', () => {
    let ask: ReturnType<typeof useFocusAfterRender> | undefined;
    act(() => render(<Desk cards={[{ id: 'a' }, { id: 'b' }, { id: 'c' }]} request={(r) => (ask = r)} />, root()));
    // "b" was deleted: the desk re-renders without it, and focus goes to its neighbour.
    act(() => render(<Desk cards={[{ id: 'a' }, { id: 'c' }]} request={(r) => (ask = r)} />, root()));
    act(() => ask!(focusAfterRemoval(['a', 'b', 'c'], 'b', 'articles')));
    expect(focused()).toBe('c');
    // The top card moved up by its ↑ button: now first, its ↑ is disabled, so focus takes its ↓.
    act(() => render(<Desk cards={[{ id: 'c', first: true }, { id: 'a' }]} request={(r) => (ask = r)} />, root()));
    act(() => ask!(focusAfterNudge('c', 'up')));
    expect(focused()).toBe('down');
  });

  it('falls back to the section heading, and to the issue heading when nothing asked for is left, never the body', () => {
    let ask: ReturnType<typeof useFocusAfterRender> | undefined;
    act(() => render(<Desk cards={[]} request={(r) => (ask = r)} />, root()));
    act(() => ask!(focusAfterRemoval(['a'], 'a', 'articles')));
    expect(focused()).toBe('heading-articles');
    act(() => ask!([{ card: 'gone' }]));
    expect(focused()).toBe(ISSUE_HEADING_ID);
  });

  it('with ifLost, leaves focus where the editor has put it meanwhile', () => {
    let ask: ReturnType<typeof useFocusAfterRender> | undefined;
    act(() => render(<Desk cards={[{ id: 'a' }, { id: 'b' }]} request={(r) => (ask = r)} />, root()));
    (root().querySelector('[data-id=b]') as HTMLElement).focus();
    act(() => ask!([{ card: 'a' }], { ifLost: true }));
    expect(focused()).toBe('b');
    (document.activeElement as HTMLElement).blur();
    act(() => ask!([{ card: 'a' }], { ifLost: true }));
    expect(focused()).toBe('a');
  });
});
