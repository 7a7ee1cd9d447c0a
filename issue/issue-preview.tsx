import { useMemo } from 'preact/hooks';
import type { IssueDocument } from '../src/export/issue-document';
import { renderHtmlPage } from '../src/export/html';
import { sanitize } from './sanitize';

/**
 * The issue as readers will see it: the HTML export in a sandboxed frame (no scripts, no same-origin
 * access), so even a sanitiser bug could not reach the extension's page.
 */
export function IssuePreview({ doc }: { doc: IssueDocument }) {
  const html = useMemo(() => renderHtmlPage(doc, { sanitize }), [doc]);
  return (
    <aside class="preview" aria-label="Preview">
      <h2>Preview</h2>
      <iframe title="Issue preview" sandbox="" srcdoc={html} data-testid="preview" />
    </aside>
  );
}
