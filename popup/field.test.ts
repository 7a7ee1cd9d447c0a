// @vitest-environment jsdom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Field } from './field';

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

describe('Field with a suggestion', () => {
  it('says in words that the value is a suggestion, and confirms with Enter or the button', () => {
    const confirm = vi.fn();
    const onInput = vi.fn();
    const text = 'A suggestion, not a fact: the page gives more than one date. Check it, then press Enter to confirm.';
    act(() =>
      render(
        h(Field, {
          id: 'publishedTime',
          label: 'Published',
          value: '2020-01-02',
          source: 'page-text',
          suggestion: { text, confirm },
          onInput,
        }),
        root(),
      ),
    );
    const input = root().querySelector('input')!;
    const note = root().querySelector('#publishedTime-unsure')!;
    expect(input.getAttribute('aria-describedby')).toBe('publishedTime-unsure');
    expect(input.classList.contains('unsure')).toBe(true);
    expect(note.textContent).toContain(text);
    const button = note.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Confirm the suggested Published');
    // One key: Enter in the field confirms (and does not submit the form); Ctrl+Enter is left to the form's save.
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    act(() => void input.dispatchEvent(enter));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(enter.defaultPrevented).toBe(true);
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    expect(confirm).toHaveBeenCalledTimes(1);
    act(() => button.click());
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('shows a certain value plainly: no note, Enter left alone', () => {
    act(() => render(h(Field, { id: 'title', label: 'Title', value: 'A story', onInput: () => {} }), root()));
    const input = root().querySelector('input')!;
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(root().querySelector('.suggestion')).toBeNull();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    input.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(false);
  });
});
