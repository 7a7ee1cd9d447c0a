import { useEffect, useState } from 'preact/hooks';
import type { IssueDocument } from '../src/export/issue-document';
import { renderHtmlPage } from '../src/export/html';
import { t } from '../src/i18n/messages';
import { sanitize } from './sanitize';

/**
 * The issue as readers will see it: the HTML export in a sandboxed frame (no scripts, no same-origin
 * access), so even a sanitiser bug could not reach the extension's page. Rendered after the cards
 * have painted (it costs ~35 ms on a 200-clipping issue), so the list is usable first.
 */
export function IssuePreview({ doc }: { doc: IssueDocument }) {
  const [html, setHtml] = useState<string | undefined>();
  useEffect(() => {
    const timer = setTimeout(() => setHtml(renderHtmlPage(doc, { sanitize })), 0);
    return () => clearTimeout(timer);
  }, [doc]);
  return (
    <aside class="preview" aria-label={t('deskPreview')}>
      <h2>{t('deskPreview')}</h2>
      {html === undefined ? (
        <p aria-busy="true">{t('deskRenderingPreview')}</p>
      ) : (
        <iframe title={t('deskPreviewFrame')} sandbox="" srcdoc={html} data-testid="preview" />
      )}
    </aside>
  );
}
