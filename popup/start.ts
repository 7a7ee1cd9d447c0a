/**
 * The popup's first script, a few hundred bytes: it sends clip.prepare at once (the raw message, no
 * polyfill, no zod: src/messages/first-message.ts), then loads the main bundle (preact, zod, the
 * polyfill, the form: ~54 KB gzipped), so the page is read while that code loads and compiles,
 * instead of after. main.tsx parses the reply with the protocol's schema, as every other reply.
 */
import { sendBeforeLoad } from '../src/messages/first-message';
import { tabIdFromQuery } from './tab-query';

// User Timing marks along the editor's path (bench/popup-browsers.ts reads them; DevTools shows them).
performance.mark('newsletter-clipper:popup-start');
const tabId = tabIdFromQuery(location.search);
const preparing = sendBeforeLoad('clip.prepare', tabId === undefined ? {} : { tabId });
// The main bundle's files are also preloaded by <link rel=modulepreload> (vite.config.ts), fetched while this runs.
void import('./main').then(({ startPopup }) => startPopup(tabId, preparing));
