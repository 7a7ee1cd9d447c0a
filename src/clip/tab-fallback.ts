import { isErrorPageTitle, isFirefoxRestrictedHost, isPdfTitle, readerViewOriginal, viewSourceInner } from './browser-pages';
import type { Capture } from './capture';

/** Hosts of extension galleries: browsers forbid extensions to script them. */
const GALLERY_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org'];

/**
 * Without the "tabs" permission the browser hides the address of tabs the extension may not read
 * (its own pages: Settings, New Tab, …). Asking for "tabs" would expose every tab's address, so we don't.
 */
const HIDDEN_ADDRESS =
  'The browser does not show extensions the address of this tab (one of its own pages, or an error page shown because the page did not load). Paste the address into the URL field if you want to keep it.';

/** The notes shown to the editor, one per reason a tab could not be read. */
export const NOTES = {
  browserPage: 'This is one of the browser’s own pages, which extensions may not read.',
  sourceView: 'Source and developer-tools views cannot be read by extensions.',
  sourceOfWebPage:
    'Source views cannot be read by extensions: the address of the page itself was filled in. To get the author and date, open that page and clip it.',
  readerView:
    'This tab shows Reader View, which cannot be read by extensions. The original page’s address was filled in: to get the author, date and description, leave Reader View and clip again.',
  store: 'Extension stores cannot be read by extensions (the browser forbids it).',
  mozillaSite: 'Firefox does not let extensions read Mozilla’s own sites (add-ons, accounts, support).',
  pdf: 'This tab shows a PDF, which the extension cannot read.',
  refused:
    'The browser did not let the extension read this page (browsers keep PDFs they show, and some protected sites, from extensions).',
  errorPage: 'This tab shows the browser’s error page (the article did not load), not the article.',
  nothingBack:
    'This page could not be read: the browser gave the extension nothing back (it does so for its own pages, such as settings and add-ons, which extensions may not read).',
  garbled: 'The page gave back data the extension could not understand.',
} as const;

/** What the browser tells us about a tab: its address ('' when hidden) and title. */
export interface TabPage {
  url: string;
  title?: string;
}

/** What the platform knows about the browser the extension runs in. */
export interface BrowserHints {
  /** Firefox: its restricted domains can be recognised before trying to read them. */
  firefox?: boolean;
  /** The browser has already refused the page: hosts older Firefox releases restricted explain it too. */
  refused?: boolean;
}

/** Why a site refuses extensions (a store, or in Firefox one of Mozilla's sites), or undefined. */
function refusingSiteReason(parsed: URL, hints: BrowserHints): string | undefined {
  const isGallery =
    GALLERY_HOSTS.includes(parsed.hostname) && (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'));
  if (isGallery) return NOTES.store;
  if (hints.firefox && isFirefoxRestrictedHost(parsed.hostname, { includingFormer: hints.refused === true })) return NOTES.mozillaSite;
  return undefined;
}

/**
 * Why a tab's page cannot be read by a content script, in plain words, or undefined when it
 * probably can. Checked before injecting so the editor gets a precise reason, not a browser error.
 */
export function uncapturableReason(url: string, hints: BrowserHints = {}): string | undefined {
  if (!url) return HIDDEN_ADDRESS;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no web address the extension can read.';
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme === 'about' && readerViewOriginal(url)) return NOTES.readerView;
  if (scheme === 'chrome' || scheme === 'edge' || scheme === 'brave' || scheme === 'about' || scheme === 'chrome-untrusted') {
    return NOTES.browserPage;
  }
  if (scheme === 'chrome-extension' || scheme === 'moz-extension')
    return 'This page belongs to an extension, which other extensions may not read.';
  if (scheme === 'view-source') return viewSourceInner(url) ? NOTES.sourceOfWebPage : NOTES.sourceView;
  if (scheme === 'devtools') return NOTES.sourceView;
  if (scheme === 'file') return 'Local files can be read only when “Allow access to file URLs” is on for this extension.';
  if (scheme === 'data' || scheme === 'blob' || scheme === 'javascript')
    return 'This tab shows generated content without a stable address.';
  if (scheme !== 'http' && scheme !== 'https') return `Pages with “${scheme}:” addresses cannot be read by extensions.`;
  const refusing = refusingSiteReason(parsed, hints);
  if (refusing) return refusing;
  if (/\.pdf$/i.test(parsed.pathname)) return NOTES.pdf;
  return undefined;
}

/** Turns a browser's injection error into plain words for the editor. */
export function describeCaptureError(message: string): string {
  if (/timed out|did not answer/i.test(message)) return 'The page did not answer in time (it may be busy or frozen).';
  if (isRefusal(message)) return NOTES.refused;
  // Chrome says "Frame with ID 0 is showing error page" for a failed load: test that before "frame with id".
  if (/error page/i.test(message)) return NOTES.errorPage;
  if (/no tab with id|tab was closed|frame with id/i.test(message)) return 'The tab closed or navigated away while it was being read.';
  return `The page could not be read (${message.slice(0, 200)}).`;
}

function isRefusal(message: string): boolean {
  return /cannot access|cannot be scripted|permission|host permission/i.test(message);
}

/**
 * The capture for a tab whose page could not be read: its address and tab title, plus a note
 * saying why, so the editor still gets a clipping and knows what to fill in.
 */
export function captureFromTab(url: string, title: string | undefined, reason: string): Capture {
  const cleanTitle = (title ?? '').trim().slice(0, 1000);
  const keptTitle = Boolean(cleanTitle) && cleanTitle !== url;
  const kept = !url
    ? undefined
    : keptTitle
      ? 'Only the address and the tab title were kept: check the title and fill in the rest.'
      : 'Only the address was kept: fill in the title and the rest.';
  return {
    pageUrl: url.slice(0, 4096),
    ...(keptTitle ? { title: { value: cleanTitle, source: 'tab' as const } } : {}),
    notes: kept ? [reason, kept] : [reason],
  };
}

/**
 * The capture for a tab known unreadable from its address alone (browser pages, Reader View, the
 * source view, stores, PDFs, …), or undefined when the page should be read. The address filled in
 * is the article's when the tab shows it in another form (Reader View, source view), and none for
 * a browser page (an about: address is nothing to clip).
 */
export function captureBeforeReading(tab: TabPage, hints: BrowserHints = {}): Capture | undefined {
  const original = readerViewOriginal(tab.url);
  if (original) {
    const title = (tab.title ?? '').trim().slice(0, 1000);
    return {
      pageUrl: original.slice(0, 4096),
      ...(title && title !== tab.url && title !== original ? { title: { value: title, source: 'tab' as const } } : {}),
      notes: [NOTES.readerView],
      readerView: { originalUrl: original.slice(0, 4096) },
    };
  }
  const reason = uncapturableReason(tab.url, hints);
  if (!reason) return undefined;
  const inner = viewSourceInner(tab.url);
  if (inner) {
    // The tab title of a source view is its address, not the article's title.
    const title = tab.title && !/^view-source:/i.test(tab.title.trim()) ? tab.title : undefined;
    return captureFromTab(inner, title, reason);
  }
  if (/^about:/i.test(tab.url)) return captureFromTab('', undefined, reason);
  return captureFromTab(tab.url, tab.title, reason);
}

/**
 * The capture for a tab whose reading failed with this browser error. A refusal is explained by
 * what the tab shows, when its title or host tell: Firefox's error pages and PDF viewer, or
 * Mozilla's sites (refused in Firefox only; caught here too if they were not recognised before).
 */
export function captureAfterFailure(tab: TabPage, message: string): Capture {
  if (isRefusal(message)) {
    if (isErrorPageTitle(tab.title)) return captureFromTab(tab.url, undefined, NOTES.errorPage);
    if (isPdfTitle(tab.title)) return captureFromTab(tab.url, tab.title, NOTES.pdf);
    let parsed: URL | undefined;
    try {
      parsed = new URL(tab.url);
    } catch {
      parsed = undefined;
    }
    const refusing = parsed && refusingSiteReason(parsed, { firefox: true, refused: true });
    if (refusing) return captureFromTab(tab.url, tab.title, refusing);
  }
  return captureFromTab(tab.url, tab.title, describeCaptureError(message));
}

/**
 * The capture for a tab whose page was read but gave back no valid capture: nothing at all (Firefox
 * answers so for its own pages), or data that does not fit the schema.
 */
export function captureFromInvalidResult(tab: TabPage, raw: unknown): Capture {
  return captureFromTab(tab.url, tab.title, raw === undefined || raw === null ? NOTES.nothingBack : NOTES.garbled);
}
