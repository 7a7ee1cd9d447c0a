// Golden files: each export of fixed issues, compared byte for byte with a committed file in
// golden/. After an intended change of layout, review the diff and run `npx vitest run src/export --update`.
import { describe, expect, it } from 'vitest';
import { Settings } from '../settings/settings';
import { buildBackup, renderBackup } from './backup';
import { hostileDocument } from '../../test/golden/hostile-fixture';
import { GOLDEN_ISSUE, GOLDEN_NOW, GOLDEN_SECTIONS, goldenClippings, goldenDocument } from '../../test/golden/sre-weekly-fixture';
import { renderHtml, renderHtmlPage } from './html';
import { IssueDocument } from './issue-document';
import { buildIssueExport, renderJson } from './json-export';
import { renderMarkdown } from './markdown';
import { testSanitize as sanitize } from '../../test/export-dom';

describe('golden: an SRE Weekly issue from the sample articles', () => {
  const doc = goldenDocument();

  it('still shows everything the layout has: sponsor, commentary, a quote, Markdown, attributions, outages with and without a note', () => {
    expect(IssueDocument.safeParse(doc).success).toBe(true);
    const [articles, tools, outages] = doc.sections;
    expect(doc.sponsor).not.toBe('');
    expect(articles?.entries.length).toBeGreaterThanOrEqual(3);
    expect(articles?.entries.every((e) => e.summary && e.authors && e.siteName)).toBe(true);
    expect(articles?.entries.some((e) => e.quote && e.quoteLink)).toBe(true);
    expect(articles?.entries.some((e) => /\[.+\]\(https:/.test(e.summary) && /\*\w/.test(e.summary))).toBe(true);
    expect(tools?.entries).toEqual([]);
    expect(outages?.style).toBe('bullets');
    expect(outages?.entries.filter((e) => e.summary).length).toBeGreaterThanOrEqual(2);
    expect(outages?.entries.some((e) => !e.summary)).toBe(true);
  });

  it('Markdown', async () => {
    await expect(renderMarkdown(doc)).toMatchFileSnapshot('../../test/golden/sre-weekly.md');
  });

  it('HTML fragment', async () => {
    await expect(renderHtml(doc, { sanitize })).toMatchFileSnapshot('../../test/golden/sre-weekly.html');
  });

  it('standalone HTML page', async () => {
    await expect(renderHtmlPage(doc, { sanitize })).toMatchFileSnapshot('../../test/golden/sre-weekly.page.html');
  });

  it('JSON issue export', async () => {
    const file = buildIssueExport({
      newsletter: 'SRE Weekly',
      issue: GOLDEN_ISSUE,
      sections: GOLDEN_SECTIONS,
      clippings: goldenClippings(),
      now: GOLDEN_NOW,
    });
    await expect(renderJson(file)).toMatchFileSnapshot('../../test/golden/sre-weekly.issue.json');
  });

  it('backup', async () => {
    const settings = Settings.parse({
      newsletterName: 'SRE Weekly',
      sections: GOLDEN_SECTIONS,
      weekStartsOn: 1,
      timeZone: 'America/New_York',
    });
    const file = buildBackup({ settings, issues: [GOLDEN_ISSUE], clippings: goldenClippings(), now: GOLDEN_NOW });
    await expect(renderBackup(file)).toMatchFileSnapshot('../../test/golden/backup.json');
  });
});

describe('golden: an issue of hostile page values', () => {
  it('Markdown', async () => {
    await expect(renderMarkdown(hostileDocument())).toMatchFileSnapshot('../../test/golden/hostile.md');
  });

  it('HTML fragment', async () => {
    await expect(renderHtml(hostileDocument(), { sanitize })).toMatchFileSnapshot('../../test/golden/hostile.html');
  });
});
