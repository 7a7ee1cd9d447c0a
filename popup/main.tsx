import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import { render } from 'preact';
import { parseReply } from '../src/messages/client';
import type { PendingReply } from '../src/messages/first-message';
import { ClipPopup, type PopupState, errorText } from './clip-popup';

/**
 * The popup's main bundle, loaded by start.ts once it has sent clip.prepare (`pending`, its raw reply).
 * The reply is parsed with the protocol's schema here, and the form is rendered from the reply's own
 * callback (render is synchronous), not from an effect that would first wait for a paint.
 */
export function startPopup(tabId: number | undefined, pending: PendingReply<'clip.prepare'>): void {
  performance.mark('newsletter-clipper:popup-loaded');
  // start.ts is an async script: the tiny document may, in principle, still be parsing.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => startPopup(tabId, pending), { once: true });
    return;
  }
  const app = document.getElementById('app')!;
  const show = (state: PopupState) => render(<ClipPopup tabId={tabId} state={state} />, app);
  show({ kind: 'reading' });
  parseReply(pending.type, pending.raw).then(
    (prepared) => {
      performance.mark('newsletter-clipper:prepared');
      show({ kind: 'prepared', prepared });
    },
    (error: unknown) => show({ kind: 'failed', message: errorText(error) }),
  );
}
