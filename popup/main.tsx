import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { send } from '../src/messages/client';
import { ClipPopup } from './clip-popup';

/**
 * `?tab=ID` opens the form for a given tab (the popup opened as a page, e.g. from another extension
 * page or the end-to-end tests); the toolbar popup has no query and clips the active tab.
 */
function tabIdFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

// User Timing marks along the editor's path (bench/popup-browsers.ts reads them; DevTools shows them).
performance.mark('newsletter-clipper:popup-start');
const tabId = tabIdFromQuery(location.search);
// Asked for before the first render, not from an effect after it: the page is read meanwhile.
const preparing = send('clip.prepare', tabId === undefined ? {} : { tabId });
preparing.catch(() => undefined); // handled by ClipPopup; this only keeps an early failure from counting as unhandled
render(<ClipPopup tabId={tabId} preparing={preparing} />, document.getElementById('app')!);
