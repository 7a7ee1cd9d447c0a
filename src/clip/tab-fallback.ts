import type { Capture } from './capture';

/** Hosts of extension galleries: browsers forbid extensions to script them. */
const GALLERY_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org'];

/**
 * Without the "tabs" permission the browser hides the address of tabs the extension may not read
 * (its own pages: Settings, New Tab, …). Asking for "tabs" would expose every tab's address, so we don't.
 */
const HIDDEN_ADDRESS =
  'The browser does not show extensions the address of this tab (one of its own pages, or an error page shown because the page did not load). Paste the address into the URL field if you want to keep it.';

/**
 * Why a tab's page cannot be read by a content script, in plain words, or undefined when it
 * probably can. Checked before injecting so the editor gets a precise reason, not a browser error.
 */
export function uncapturableReason(url: string): string | undefined {
  if (!url) return HIDDEN_ADDRESS;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no web address the extension can read.';
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme === 'chrome' || scheme === 'edge' || scheme === 'brave' || scheme === 'about' || scheme === 'chrome-untrusted') {
    return 'This is one of the browser’s own pages, which extensions may not read.';
  }
  if (scheme === 'chrome-extension' || scheme === 'moz-extension') return 'This page belongs to an extension, which other extensions may not read.';
  if (scheme === 'view-source' || scheme === 'devtools') return 'Source and developer-tools views cannot be read by extensions.';
  if (scheme === 'file') return 'Local files can be read only when “Allow access to file URLs” is on for this extension.';
  if (scheme === 'data' || scheme === 'blob' || scheme === 'javascript') return 'This tab shows generated content without a stable address.';
  if (scheme !== 'http' && scheme !== 'https') return `Pages with “${scheme}:” addresses cannot be read by extensions.`;
  const isGallery =
    GALLERY_HOSTS.includes(parsed.hostname) && (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'));
  if (isGallery) return 'Extension stores cannot be read by extensions (the browser forbids it).';
  if (/\.pdf$/i.test(parsed.pathname)) return 'This tab shows a PDF, which the extension cannot read.';
  return undefined;
}

/** Turns a browser's injection error into plain words for the editor. */
export function describeCaptureError(message: string): string {
  if (/timed out|did not answer/i.test(message)) return 'The page did not answer in time (it may be busy or frozen).';
  if (/cannot access|cannot be scripted|permission|host permission/i.test(message)) {
    return 'The browser did not let the extension read this page.';
  }
  // Chrome says "Frame with ID 0 is showing error page" for a failed load: test that before "frame with id".
  if (/error page/i.test(message)) return 'This tab shows the browser’s error page (the article did not load), not the article.';
  if (/no tab with id|tab was closed|frame with id/i.test(message)) return 'The tab closed or navigated away while it was being read.';
  return `The page could not be read (${message.slice(0, 200)}).`;
}

/**
 * The capture for a tab whose page could not be read: its address and tab title, plus a note
 * saying why, so the editor still gets a clipping and knows what to fill in.
 */
export function captureFromTab(url: string, title: string | undefined, reason: string): Capture {
  const cleanTitle = (title ?? '').trim().slice(0, 1000);
  const kept = url ? 'Only the address and the tab title were kept: check the title and fill in the rest.' : undefined;
  return {
    pageUrl: url.slice(0, 4096),
    ...(cleanTitle && cleanTitle !== url ? { title: { value: cleanTitle, source: 'tab' as const } } : {}),
    notes: kept ? [reason, kept] : [reason],
  };
}
