// Golden files: each export of fixed issues, compared byte for byte with a committed file in
// golden/. After an intended change of layout, review the diff and run `npx vitest run -u src/export`.
import createDOMPurify, { type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildBackup, renderBackup } from './backup';
import { GOLDEN_ISSUE, GOLDEN_NOW, GOLDEN_SECTIONS, goldenClippings, goldenDocument } from './golden/sre-weekly-fixture';
import { renderHtml, renderHtmlPage } from './html';
import { hostileDocument } from './golden/hostile-fixture';
import { buildIssueExport, renderJson } from './json-export';
import { renderMarkdown } from './markdown';
import { createSanitizer } from './sanitize-config';

const sanitize = createSanitizer(createDOMPurify(new JSDOM('').window as unknown as WindowLike));

describe('golden: an SRE Weekly issue from the sample articles', () => {
  const doc = goldenDocument();

  it('Markdown', async () => {
    await expect(renderMarkdown(doc)).toMatchFileSnapshot('golden/sre-weekly.md');
  });

  it('HTML fragment', async () => {
    await expect(renderHtml(doc, { sanitize })).toMatchFileSnapshot('golden/sre-weekly.html');
  });

  it('standalone HTML page', async () => {
    await expect(renderHtmlPage(doc, { sanitize })).toMatchFileSnapshot('golden/sre-weekly.page.html');
  });

  it('JSON issue export', async () => {
    const file = buildIssueExport({ newsletter: 'SRE Weekly', issue: GOLDEN_ISSUE, sections: GOLDEN_SECTIONS, clippings: goldenClippings(), now: GOLDEN_NOW });
    await expect(renderJson(file)).toMatchFileSnapshot('golden/sre-weekly.issue.json');
  });

  it('backup', async () => {
    const settings = { version: 1 as const, newsletterName: 'SRE Weekly', sections: GOLDEN_SECTIONS, weekStartsOn: 1, timeZone: 'America/New_York' };
    const file = buildBackup({ settings, issues: [GOLDEN_ISSUE], clippings: goldenClippings(), now: GOLDEN_NOW });
    await expect(renderBackup(file)).toMatchFileSnapshot('golden/backup.json');
  });
});

describe('golden: an issue of hostile page values', () => {
  it('Markdown', async () => {
    await expect(renderMarkdown(hostileDocument())).toMatchFileSnapshot('golden/hostile.md');
  });

  it('HTML fragment', async () => {
    await expect(renderHtml(hostileDocument(), { sanitize })).toMatchFileSnapshot('golden/hostile.html');
  });
});
