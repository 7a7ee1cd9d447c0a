import type { IssueDocument } from '../src/export/issue-document';
import { renderHtml, renderHtmlPage } from '../src/export/html';
import { renderMarkdown } from '../src/export/markdown';
import { sanitize } from './sanitize';

type Notice = { kind: 'info' | 'error'; text: string };

function fileStem(doc: IssueDocument): string {
  return `${doc.newsletter}-issue-${doc.number}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the issue: Markdown and HTML, to the clipboard or as files. */
export function ExportBar({ doc, onNotice }: { doc: IssueDocument; issueId: string; onNotice(notice: Notice): void }) {
  const copy = async (what: string, text: string, html?: string) => {
    try {
      if (html && 'ClipboardItem' in window) {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      onNotice({ kind: 'info', text: `${what} copied to the clipboard.` });
    } catch (error) {
      onNotice({ kind: 'error', text: `Could not copy ${what}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const stem = fileStem(doc);
  return (
    <span class="export-bar" role="group" aria-label="Export">
      <button type="button" onClick={() => void copy('Markdown', renderMarkdown(doc))}>
        Copy Markdown
      </button>
      <button type="button" onClick={() => download(`${stem}.md`, 'text/markdown', renderMarkdown(doc))}>
        Download .md
      </button>
      <button type="button" onClick={() => { const html = renderHtml(doc, { sanitize }); void copy('HTML', html, html); }}>
        Copy HTML
      </button>
      <button type="button" onClick={() => download(`${stem}.html`, 'text/html', renderHtmlPage(doc, { sanitize }))}>
        Download .html
      </button>
    </span>
  );
}
