// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditField, SAVE_AFTER_TYPING_MS } from './edit-field';

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => {
  render(null, root());
  vi.useRealTimers();
});

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets `ms` of fake time pass (timers and the promises they settle), as the editor pauses. */
const pause = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('EditField', () => {
  it('keeps what the editor is typing when the desk re-renders with the stored value (a sync poll)', () => {
    const onCommit = vi.fn();
    act(() => render(<EditField multiline value="Stored summary." onCommit={onCommit} />, root()));
    const field = root().querySelector('textarea')!;
    act(() => type(field, 'Half a new sent'));
    act(() => render(<EditField multiline value="Stored summary." onCommit={onCommit} />, root()));
    expect(field.value).toBe('Half a new sent');
    act(() => {
      field.dispatchEvent(new Event('blur'));
    });
    expect(onCommit).toHaveBeenCalledWith('Half a new sent');
  });

  it('shows the stored form of what was saved, and hands the same text over only once', () => {
    const onCommit = vi.fn();
    act(() => render(<EditField value="https://ex.com/a" onCommit={onCommit} />, root()));
    const field = root().querySelector('input')!;
    act(() => type(field, 'https://ex.com/b?utm_source=x'));
    act(() => {
      field.dispatchEvent(new Event('blur'));
    });
    act(() => {
      field.dispatchEvent(new Event('blur'));
    });
    expect(onCommit).toHaveBeenCalledTimes(1);
    // The worker stored it without the tracking parameter; the field shows that.
    act(() => render(<EditField value="https://ex.com/b" onCommit={onCommit} />, root()));
    expect(field.value).toBe('https://ex.com/b');
  });

  it('does not save when leaving an unchanged field', () => {
    const onCommit = vi.fn();
    act(() => render(<EditField value="Title" onCommit={onCommit} />, root()));
    act(() => {
      root().querySelector('input')!.dispatchEvent(new Event('blur'));
    });
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('shows a new stored value (a reload after undo or an edit elsewhere)', () => {
    act(() => render(<EditField value="Before" onCommit={() => undefined} />, root()));
    act(() => render(<EditField value="After" onCommit={() => undefined} />, root()));
    expect(root().querySelector('input')!.value).toBe('After');
  });

  it('keeps unsaved typing when a reload brings a value changed elsewhere; leaving the field then saves the typing', () => {
    const onCommit = vi.fn();
    act(() => render(<EditField multiline value="From the desk." onCommit={onCommit} />, root()));
    const field = root().querySelector('textarea')!;
    act(() => type(field, 'Typed on the desk'));
    act(() => render(<EditField multiline value="Changed in the popup." onCommit={onCommit} />, root()));
    expect(field.value).toBe('Typed on the desk');
    act(() => {
      field.dispatchEvent(new Event('blur'));
    });
    expect(onCommit).toHaveBeenCalledWith('Typed on the desk');
  });

  it('keeps the typed text in the field when saving failed (the stored value did not change)', () => {
    const onCommit = vi.fn();
    act(() => render(<EditField value="Stored" onCommit={onCommit} />, root()));
    const field = root().querySelector('input')!;
    act(() => type(field, 'Typed'));
    act(() => {
      field.dispatchEvent(new Event('blur'));
    });
    act(() => render(<EditField value="Stored" onCommit={onCommit} />, root()));
    expect(field.value).toBe('Typed');
  });

  it('saves while the editor types, once they pause, without leaving the field', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onCommit = vi.fn();
    act(() => render(<EditField multiline value="" onCommit={onCommit} />, root()));
    const field = root().querySelector('textarea')!;
    field.focus();
    act(() => type(field, 'Wh'));
    await pause(SAVE_AFTER_TYPING_MS - 100);
    act(() => type(field, 'Why it'));
    await pause(SAVE_AFTER_TYPING_MS - 1);
    expect(onCommit).not.toHaveBeenCalled();
    await pause(1);
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenLastCalledWith('Why it');
    // Leaving the field right after adds nothing: the same text is handed over once.
    act(() => {
      field.dispatchEvent(new Event('blur'));
    });
    expect(onCommit).toHaveBeenCalledTimes(1);
  });

  it('saves what is pending when the tab is closed or hidden, before the pause is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onCommit = vi.fn();
    act(() => render(<EditField multiline value="" onCommit={onCommit} />, root()));
    const field = root().querySelector('textarea')!;
    act(() => type(field, 'Typed, then the tab closed'));
    act(() => {
      dispatchEvent(new Event('pagehide'));
    });
    expect(onCommit).toHaveBeenCalledWith('Typed, then the tab closed');

    act(() => type(field, 'Typed, then another tab'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(onCommit).toHaveBeenLastCalledWith('Typed, then another tab');
    await pause(SAVE_AFTER_TYPING_MS * 2);
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it('does not touch the text while the editor types when a save comes back in its stored form; shows it once they leave', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onCommit = vi.fn();
    act(() => render(<EditField multiline value="" onCommit={onCommit} />, root()));
    const field = root().querySelector('textarea')!;
    field.focus();
    act(() => type(field, 'Two words '));
    await pause(SAVE_AFTER_TYPING_MS);
    expect(onCommit).toHaveBeenLastCalledWith('Two words ');
    // The worker stored it trimmed; the desk re-renders with that while the editor is still in the field.
    act(() => render(<EditField multiline value="Two words" onCommit={onCommit} />, root()));
    expect(field.value).toBe('Two words ');
    act(() => type(field, 'Two words and'));
    await pause(SAVE_AFTER_TYPING_MS);
    expect(onCommit).toHaveBeenLastCalledWith('Two words and');
    act(() => render(<EditField multiline value="Two words and" onCommit={onCommit} />, root()));
    act(() => type(field, 'Two words and more '));
    await pause(SAVE_AFTER_TYPING_MS);
    act(() => render(<EditField multiline value="Two words and more" onCommit={onCommit} />, root()));
    expect(field.value).toBe('Two words and more ');
    act(() => {
      field.blur();
    });
    expect(field.value).toBe('Two words and more');
    expect(onCommit).toHaveBeenCalledTimes(3);
  });

  it('saves what was typed when the field goes away before the pause is over (its card moved)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onCommit = vi.fn();
    act(() => render(<EditField value="" onCommit={onCommit} />, root()));
    act(() => type(root().querySelector('input')!, 'Half'));
    act(() => render(null, root()));
    expect(onCommit).toHaveBeenCalledWith('Half');
  });

  it('an address field waits for the editor to leave it (or the tab to close), not for a pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onCommit = vi.fn();
    act(() => render(<EditField value="https://ex.com/a" saveWhileTyping={false} onCommit={onCommit} />, root()));
    const field = root().querySelector('input')!;
    act(() => type(field, 'https://ex'));
    await pause(SAVE_AFTER_TYPING_MS * 4);
    expect(onCommit).not.toHaveBeenCalled();
    act(() => {
      dispatchEvent(new Event('pagehide'));
    });
    expect(onCommit).toHaveBeenCalledWith('https://ex');
  });
});
