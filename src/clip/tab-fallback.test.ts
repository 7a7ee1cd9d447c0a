import { describe, expect, it } from 'vitest';
import { Capture } from './capture';
import { formFromCapture } from './clipping-from-capture';
import { captureFromTab, describeCaptureError, uncapturableReason } from './tab-fallback';

describe('uncapturableReason', () => {
  it.each([
    ['chrome://settings/', /browser’s own pages/],
    ['chrome://newtab/', /browser’s own pages/],
    ['about:blank', /browser’s own pages/],
    ['edge://extensions', /browser’s own pages/],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup/index.html', /extension/],
    ['https://chromewebstore.google.com/detail/some-extension/abcdefghijklmnop', /stores/],
    ['https://chrome.google.com/webstore/detail/some-extension/abcdefghijklmnop', /stores/],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', /stores/],
    ['https://example.com/papers/report.pdf', /PDF/],
    ['https://example.com/papers/REPORT.PDF?download=1#page=2', /PDF/],
    ['file:///home/editor/notes.html', /file/i],
    ['data:text/html,<h1>Hi</h1>', /generated content/],
    ['blob:https://example.com/1234-5678', /generated content/],
    ['view-source:https://example.com/', /Source/],
    ['ftp://example.com/file.txt', /ftp:/],
    ['', /address of this tab/],
    ['not a url', /no web address/],
  ])('refuses %s with a plain reason', (url, reason) => {
    expect(uncapturableReason(url)).toMatch(reason);
  });

  it.each([
    'https://example.com/2026/05/article',
    'http://127.0.0.1:4173/articles/outage.html',
    'https://chrome.google.com/search?q=webstore', // the same host outside /webstore
    'https://example.com/pdf-guide',
    'https://example.com/report.pdf.html',
    'https://example.com/?file=report.pdf',
  ])('lets %s be captured', (url) => {
    expect(uncapturableReason(url)).toBeUndefined();
  });
});

describe('describeCaptureError', () => {
  it.each([
    ['timed out after 4000 ms', /did not answer in time/],
    ['The page did not answer', /did not answer in time/],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', /did not let/],
    ['Cannot access a chrome:// URL', /did not let/],
    ['The extensions gallery cannot be scripted.', /did not let/],
    ['Missing host permission for the tab', /did not let/],
    ['No tab with id: 42.', /closed or navigated away/],
  ])('explains %j in plain words', (message, expected) => {
    expect(describeCaptureError(message)).toMatch(expected);
  });

  it('recognises Chrome’s error-page message (which also says "Frame with ID")', () => {
    expect(describeCaptureError('Frame with ID 0 is showing error page')).toMatch(/error page/);
    expect(describeCaptureError('Frame with ID 0 is showing error page')).not.toMatch(/closed/);
  });

  it('quotes an unknown error, shortened', () => {
    expect(describeCaptureError('Something odd happened')).toBe('The page could not be read (Something odd happened).');
    const long = describeCaptureError(`Boom ${'x'.repeat(1000)}`);
    expect(long.length).toBeLessThan(250);
    expect(long).toContain('Boom');
  });
});

describe('captureFromTab', () => {
  it('keeps the address and the tab title, with the reason and a hint as notes', () => {
    const capture = captureFromTab('chrome://settings/', 'Settings', 'This is one of the browser’s own pages.');
    expect(capture).toEqual({
      pageUrl: 'chrome://settings/',
      title: { value: 'Settings', source: 'tab' },
      notes: ['This is one of the browser’s own pages.', expect.stringMatching(/address and the tab title/)],
    });
    expect(Capture.safeParse(capture).success).toBe(true);
  });

  it('keeps no title when the tab has none or only repeats the address', () => {
    expect(captureFromTab('https://example.com/a.pdf', undefined, 'PDF').title).toBeUndefined();
    expect(captureFromTab('https://example.com/a.pdf', '   ', 'PDF').title).toBeUndefined();
    expect(captureFromTab('https://example.com/a.pdf', 'https://example.com/a.pdf', 'PDF').title).toBeUndefined();
  });

  it('for a tab whose address is hidden, keeps only the reason', () => {
    const capture = captureFromTab('', 'New Tab', 'hidden');
    expect(capture.pageUrl).toBe('');
    expect(capture.title).toEqual({ value: 'New Tab', source: 'tab' });
    expect(capture.notes).toEqual(['hidden']);
  });

  it('caps a huge address and title so the capture stays valid', () => {
    const capture = captureFromTab(`data:text/html,${'x'.repeat(9000)}`, 't'.repeat(3000), 'generated');
    expect(capture.pageUrl.length).toBe(4096);
    expect(capture.title!.value.length).toBe(1000);
    expect(Capture.safeParse(capture).success).toBe(true);
  });

  it('becomes a form with the tab as source and the notes kept', () => {
    const reason = uncapturableReason('https://example.com/report.pdf')!;
    const { form, context } = formFromCapture(captureFromTab('https://example.com/report.pdf?utm_source=x', 'report.pdf', reason), ['articles'], 'tab');
    expect(form.url).toBe('https://example.com/report.pdf');
    expect(form.title).toBe('report.pdf');
    expect(form.section).toBe('articles');
    expect(context.sources).toEqual({ url: 'tab', title: 'tab' });
    expect(context.notes[0]).toBe(reason);
  });
});
