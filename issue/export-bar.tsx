import type { IssueDocument } from '../src/export/issue-document';
import { renderHtml, renderHtmlPage } from '../src/export/html';
import { renderMarkdown } from '../src/export/markdown';
import { renderJson } from '../src/export/json-export';
import { t } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import { downloadText as download, fileStem } from '../src/platform/download';
import { sanitize } from './sanitize';

type Notice = { kind: 'info' | 'error'; text: string };

/** Export the issue: Markdown and HTML to the clipboard or as files; JSON (re-importable) as a file. */
export function ExportBar({ doc, issueId, onNotice }: { doc: IssueDocument; issueId: string; onNotice: (notice: Notice) => void }) {
  const stem = fileStem(doc.newsletter, 'issue', doc.number);
  const downloadJson = async () => {
    try {
      download(`${stem}.json`, 'application/json', renderJson(await send('issue.exportFile', { issueId })));
    } catch (error) {
      onNotice({ kind: 'error', text: t('deskExportFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  const copy = async (what: string, text: string, html?: string) => {
    try {
      if (html && 'ClipboardItem' in window) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([text], { type: 'text/plain' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      onNotice({ kind: 'info', text: t('deskCopied', what) });
    } catch (error) {
      onNotice({ kind: 'error', text: t('deskCopyFailed', what, error instanceof Error ? error.message : String(error)) });
    }
  };
  return (
    <span class="export-bar" role="group" aria-label={t('deskExportGroup')}>
      <button type="button" onClick={() => void copy('Markdown', renderMarkdown(doc))}>
        {t('deskCopyMarkdown')}
      </button>
      <button type="button" onClick={() => download(`${stem}.md`, 'text/markdown', renderMarkdown(doc))}>
        {t('deskDownloadMarkdown')}
      </button>
      <button
        type="button"
        onClick={() => {
          const html = renderHtml(doc, { sanitize });
          void copy('HTML', html, html);
        }}
      >
        {t('deskCopyHtml')}
      </button>
      <button type="button" onClick={() => download(`${stem}.html`, 'text/html', renderHtmlPage(doc, { sanitize }))}>
        {t('deskDownloadHtml')}
      </button>
      <button type="button" onClick={() => void downloadJson()}>
        {t('deskDownloadJson')}
      </button>
    </span>
  );
}
