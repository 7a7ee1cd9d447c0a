// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeClipping, makeSettings } from '../test/fixtures';
import { type CardActions, ClippingCard } from './clipping-card';

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

function card(place: { first?: boolean; last?: boolean } = {}) {
  const nudge = vi.fn<CardActions['nudge']>();
  const actions: CardActions = {
    update: vi.fn(),
    nudge,
    moveToSection: vi.fn(),
    moveToNextIssue: vi.fn(),
    remove: vi.fn(),
    fillIn: vi.fn(),
  };
  act(() =>
    render(
      <ol>
        <ClippingCard
          clipping={makeClipping(1)}
          sections={makeSettings().sections}
          actions={actions}
          draggable
          first={place.first ?? false}
          last={place.last ?? false}
        />
      </ol>,
      root(),
    ),
  );
  const li = root().querySelector<HTMLElement>('[data-testid=clipping]')!;
  const press = (target: Element, key: string) =>
    void act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, bubbles: true, cancelable: true }));
    });
  return { nudge, li, press };
}

describe('ClippingCard keyboard', () => {
  it('Alt+↑/↓ on the card, or on its ↑/↓ button, moves it and says where focus was', () => {
    const { nudge, li, press } = card();
    press(li, 'ArrowDown');
    expect(nudge).toHaveBeenLastCalledWith(expect.any(String), 1, 'card');
    press(li.querySelector('[data-move=up]')!, 'ArrowUp');
    expect(nudge).toHaveBeenLastCalledWith(expect.any(String), -1, 'up');
    press(li.querySelector('button.danger')!, 'ArrowUp');
    expect(nudge).toHaveBeenLastCalledWith(expect.any(String), -1, 'card');
  });

  it('leaves Alt+↓ to the section list (it opens) and to the summary field', () => {
    const { nudge, li, press } = card();
    press(li.querySelector('select')!, 'ArrowDown');
    press(li.querySelector('textarea')!, 'ArrowUp');
    expect(nudge).not.toHaveBeenCalled();
  });

  it('the ↑ button is disabled on the first card, ↓ on the last; every control has a name', () => {
    const { li } = card({ first: true });
    expect(li.querySelector<HTMLButtonElement>('[data-move=up]')!.disabled).toBe(true);
    expect(li.querySelector<HTMLButtonElement>('[data-move=down]')!.disabled).toBe(false);
    for (const control of li.querySelectorAll<HTMLElement>('button, select, textarea, input, a'))
      expect(control.getAttribute('aria-label') ?? control.textContent?.trim(), control.outerHTML).toBeTruthy();
  });
});
