// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditField } from './edit-field';

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

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
});
