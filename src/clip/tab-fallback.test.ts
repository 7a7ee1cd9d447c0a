import { describe, expect, it } from 'vitest';
import { Capture } from './capture';
import { formFromCapture } from './clipping-from-capture';
import {
  NOTES,
  captureAfterFailure,
  captureBeforeReading,
  captureFromInvalidResult,
  captureFromTab,
  describeCaptureError,
  uncapturableReason,
} from './tab-fallback';

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
    const { form, context } = formFromCapture(
      captureFromTab('https://example.com/report.pdf?utm_source=x', 'report.pdf', reason),
      ['articles'],
      'tab',
    );
    expect(form.url).toBe('https://example.com/report.pdf');
    expect(form.title).toBe('report.pdf');
    expect(form.section).toBe('articles');
    expect(context.sources).toEqual({ url: 'tab', title: 'tab' });
    expect(context.notes[0]).toBe(reason);
  });
});

const readerUrl = (original: string) => `about:reader?url=${encodeURIComponent(original)}`;
const KEPT_BOTH = 'Only the address and the tab title were kept: check the title and fill in the rest.';
const KEPT_ADDRESS = 'Only the address was kept: fill in the title and the rest.';

describe('captureBeforeReading (Firefox and Chromium pages known unreadable from the address)', () => {
  it('lets a web page be read', () => {
    expect(captureBeforeReading({ url: 'https://example.com/2026/05/article', title: 'Article' }, { firefox: true })).toBeUndefined();
  });

  it('about:preferences: no URL (an about: address is nothing to clip), no title, the browser-page note', () => {
    const capture = captureBeforeReading({ url: 'about:preferences', title: 'Settings' }, { firefox: true });
    expect(capture).toEqual({ pageUrl: '', notes: [NOTES.browserPage] });
    expect(NOTES.browserPage).toBe('This is one of the browser’s own pages, which extensions may not read.');
    expect(formFromCapture(capture!, ['articles'], 'tab').form).toMatchObject({ url: '', title: '' });
  });

  it('chrome:// pages keep their address and title, as before', () => {
    expect(captureBeforeReading({ url: 'chrome://settings/', title: 'Settings' })).toEqual({
      pageUrl: 'chrome://settings/',
      title: { value: 'Settings', source: 'tab' },
      notes: [NOTES.browserPage, KEPT_BOTH],
    });
    expect(captureBeforeReading({ url: '', title: 'New Tab' })).toEqual({
      pageUrl: '',
      title: { value: 'New Tab', source: 'tab' },
      notes: [expect.stringMatching(/address of this tab/)],
    });
  });

  it('view-source: fills in the page’s own address and says to clip the page itself', () => {
    const capture = captureBeforeReading(
      { url: 'view-source:http://host/article.html', title: 'view-source:http://host/article.html' },
      { firefox: true },
    )!;
    expect(capture.pageUrl).toBe('http://host/article.html');
    expect(capture.title).toBeUndefined();
    expect(capture.notes[0]).toBe(NOTES.sourceOfWebPage);
    expect(capture.notes[0]).toMatch(/Source views cannot be read.*clip it/);
    expect(capture.notes[1]).toBe(KEPT_ADDRESS);
    expect(formFromCapture(capture, ['articles'], 'tab').form.url).toBe('http://host/article.html');
  });

  it('view-source: of something else than a web page keeps the old note', () => {
    expect(captureBeforeReading({ url: 'view-source:file:///home/a.html' })!.notes[0]).toBe(NOTES.sourceView);
  });

  it('Reader View: the original article address, the tab title, the Reader View note and the offer', () => {
    const original = 'https://example.com/news/hospitals-rethink-on-call?page=2';
    const capture = captureBeforeReading({ url: readerUrl(original), title: 'Hospitals rethink on-call' }, { firefox: true })!;
    expect(capture).toEqual({
      pageUrl: original,
      title: { value: 'Hospitals rethink on-call', source: 'tab' },
      notes: [NOTES.readerView],
      readerView: { originalUrl: original },
    });
    expect(capture.notes[0]).toMatch(
      /Reader View.*cannot be read.*original.*author, date and description.*leave Reader View and clip again/,
    );
    expect(Capture.safeParse(capture).success).toBe(true);
    const { form, context } = formFromCapture(capture, ['articles'], 'tab');
    expect(form).toMatchObject({ url: original, title: 'Hospitals rethink on-call' });
    expect(context.readerView).toEqual({ originalUrl: original });
  });

  it('Reader View of a non-web address is only a browser page', () => {
    const capture = captureBeforeReading({ url: readerUrl('file:///home/a.html'), title: 'A' })!;
    expect(capture).toEqual({ pageUrl: '', notes: [NOTES.browserPage] });
  });

  it('Mozilla’s restricted domains, recognised up front in Firefox, keep address and title', () => {
    for (const url of [
      'https://support.mozilla.org/en-US/kb/reader-view',
      'https://accounts.firefox.com/settings',
      'https://sync.services.mozilla.com/',
    ]) {
      const capture = captureBeforeReading({ url, title: 'Mozilla page' }, { firefox: true })!;
      expect(capture.notes[0]).toBe('Firefox does not let extensions read Mozilla’s own sites (add-ons, accounts, support).');
      expect(capture.pageUrl).toBe(url);
      expect(capture.title?.value).toBe('Mozilla page');
    }
  });

  it('install.mozilla.org, which Firefox 153 no longer restricts, is tried', () => {
    expect(captureBeforeReading({ url: 'https://install.mozilla.org/', title: 'Install' }, { firefox: true })).toBeUndefined();
  });

  it('Mozilla’s sites are read in other browsers; addons.mozilla.org is a store everywhere', () => {
    expect(captureBeforeReading({ url: 'https://support.mozilla.org/en-US/kb/reader-view', title: 'Reader View' })).toBeUndefined();
    expect(uncapturableReason('https://addons.mozilla.org/en-US/firefox/addon/x/', { firefox: true })).toBe(NOTES.store);
  });
});

describe('captureAfterFailure (what the tab shows, when the browser refused)', () => {
  const refused = 'Missing host permission for the tab';

  it('Firefox’s error pages: the error-page note, the address kept, the page name dropped', () => {
    for (const title of ['Problem loading page', 'Blocked Page']) {
      const capture = captureAfterFailure({ url: 'http://127.0.0.1:9/unreachable-article', title }, refused);
      expect(capture).toEqual({ pageUrl: 'http://127.0.0.1:9/unreachable-article', notes: [NOTES.errorPage, KEPT_ADDRESS] });
      expect(capture.notes[0]).toBe('This tab shows the browser’s error page (the article did not load), not the article.');
    }
  });

  it('Firefox’s PDF viewer at an address without .pdf: the PDF note, title kept', () => {
    const capture = captureAfterFailure({ url: 'http://127.0.0.1:4173/reports/download?id=7', title: 'Incident-Review.PDF' }, refused);
    expect(capture.notes[0]).toBe('This tab shows a PDF, which the extension cannot read.');
    expect(capture.pageUrl).toBe('http://127.0.0.1:4173/reports/download?id=7');
    expect(capture.title?.value).toBe('Incident-Review.PDF');
  });

  it('a Mozilla site refused although not recognised before', () => {
    expect(captureAfterFailure({ url: 'https://support.mozilla.org/kb/x', title: 'X' }, refused).notes[0]).toBe(NOTES.mozillaSite);
  });

  it('install.mozilla.org refused (older Firefox releases restricted it): the Mozilla-site note', () => {
    expect(captureAfterFailure({ url: 'https://install.mozilla.org/', title: 'Install' }, refused).notes[0]).toBe(NOTES.mozillaSite);
  });

  it('a domain the user restricted: the generic refusal, address and title kept', () => {
    expect(captureAfterFailure({ url: 'http://localhost:4173/a.html', title: 'Article' }, refused)).toEqual({
      pageUrl: 'http://localhost:4173/a.html',
      title: { value: 'Article', source: 'tab' },
      notes: [
        'The browser did not let the extension read this page (browsers keep PDFs they show, and some protected sites, from extensions).',
        KEPT_BOTH,
      ],
    });
  });

  it('titles only explain a refusal, not a timeout', () => {
    expect(
      captureAfterFailure({ url: 'https://example.com/a', title: 'Problem loading page' }, 'timed out after 4000 ms').notes[0],
    ).toMatch(/did not answer/);
    expect(captureAfterFailure({ url: 'https://example.com/a', title: 'a.pdf' }, 'No tab with id: 4.').notes[0]).toMatch(/closed/);
  });
});

describe('captureFromInvalidResult', () => {
  it('nothing back (Firefox’s own pages answer [undefined]) reads as "could not be read"', () => {
    for (const raw of [undefined, null]) {
      const capture = captureFromInvalidResult({ url: 'https://example.com/a', title: 'A' }, raw);
      expect(capture.notes[0]).toBe(
        'This page could not be read: the browser gave the extension nothing back (it does so for its own pages, such as settings and add-ons, which extensions may not read).',
      );
      expect(capture.notes[0]).toMatch(/its own pages.*extensions may not read/);
    }
  });
  it('data that does not fit the schema', () => {
    expect(captureFromInvalidResult({ url: 'https://example.com/a' }, { pageUrl: 42 }).notes[0]).toBe(NOTES.garbled);
  });
});
