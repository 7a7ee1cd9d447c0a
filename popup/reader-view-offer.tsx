import { useState } from 'preact/hooks';
import { t } from '../src/i18n/messages';

type OfferState = { kind: 'idle' } | { kind: 'opening' } | { kind: 'opened' } | { kind: 'error'; message: string };

/**
 * Shown when the tab was in Firefox's Reader View (the capture's `readerView`, never the note's
 * words): one click loads the original page in the tab, where author, date and description can be read.
 */
export function ReaderViewOffer({ originalUrl, open }: { originalUrl: string; open: (url: string) => Promise<void> }) {
  const [state, setState] = useState<OfferState>({ kind: 'idle' });
  const onClick = async () => {
    if (state.kind === 'opening') return;
    setState({ kind: 'opening' });
    try {
      await open(originalUrl);
      setState({ kind: 'opened' });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="banner note reader-view-offer" data-testid="reader-view-offer">
      <button type="button" disabled={state.kind === 'opening' || state.kind === 'opened'} onClick={() => void onClick()}>
        {t('popupOpenOriginal')}
      </button>
      <span role="status">
        {state.kind === 'opened' && t('popupOpeningOriginal')}
        {state.kind === 'error' && <span class="error">{t('popupOpenOriginalError', state.message)}</span>}
      </span>
    </div>
  );
}
