// @vitest-environment jsdom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderViewOffer } from './reader-view-offer';

const root = () =>
  document.body.querySelector('#root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

const flush = () => act(async () => {});

describe('ReaderViewOffer', () => {
  it('opens the original page, then says to click the toolbar button again', async () => {
    const open = vi.fn(async () => {});
    act(() => render(h(ReaderViewOffer, { originalUrl: 'https://example.com/a', open }), root()));
    const button = root().querySelector('button')!;
    expect(button.textContent).toBe('Open the original page');
    act(() => button.click());
    await flush();
    expect(open).toHaveBeenCalledWith('https://example.com/a');
    expect(root().textContent).toMatch(/click the toolbar button again/);
    expect(button.disabled).toBe(true);
  });

  it('says so in words when the tab could not be navigated', async () => {
    const open = vi.fn(async () => {
      throw new Error('The tab is gone: it was closed or replaced.');
    });
    act(() => render(h(ReaderViewOffer, { originalUrl: 'https://example.com/a', open }), root()));
    act(() => root().querySelector('button')!.click());
    await flush();
    expect(root().textContent).toMatch(/Could not open the original page: The tab is gone/);
    expect(root().querySelector('button')!.disabled).toBe(false);
  });
});
