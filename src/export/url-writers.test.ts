// Every writer of a URL into a page, export or draft, fed `javascript:`, `data:` and `vbscript:` URLs
// in every field that can hold one: none may come out as a link, an image or any other URL attribute.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlPage } from './html';
import type { IssueDocument } from './issue-document';
import { renderMarkdown } from './markdown';
import { GenericAdapter } from '../sync/generic';
import { draftForIssue } from '../worker/draft-for-issue';
import { elementsIn, testSanitize } from '../../test/export-dom';
import { testDocument, testEntry, testSection } from '../../test/export-issue';
import { makeClipping, makeIssue, makeSettings } from '../../test/fixtures';

const UNSAFE = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
];
/** The editor's Markdown with each unsafe URL in each way Markdown writes a URL: inline link, autolink, reference, image. */
const markdownWith = (url: string) => `[a](${url}) <${url.trim()}> [b][r] ![c](${url})\n\n[r]: ${url.trim()}`;

const doc = (url: string): IssueDocument =>
  testDocument(
    [
      testSection('entries', [testEntry({ url, quote: 'Q', quoteLink: url, summary: markdownWith(url) })]),
      testSection('bullets', [testEntry({ id: 'b', url, summary: markdownWith(url) })]),
    ],
    { sponsor: markdownWith(url) },
  );

/** Every URL `html` would hand a browser: href, src, action and the like on any element. */
const urlsIn = (html: string) =>
  elementsIn(html).flatMap((e) =>
    Object.entries(e.attributes).filter(([name]) => /^(href|src|action|formaction|srcset|xlink:href)$/.test(name)),
  );

// A Markdown renderer that links any scheme and passes raw HTML: the worst place a Markdown export can land.
const anything = new MarkdownIt({ html: true, linkify: true });
anything.validateLink = () => true;

describe('the writers keep a safe URL', () => {
  it('links an https URL in the HTML and Markdown exports', () => {
    const safe = doc('https://ok.example/a');
    expect(urlsIn(renderHtml(safe)).map(([, value]) => value)).toContain('https://ok.example/a');
    expect(urlsIn(anything.render(renderMarkdown(safe))).map(([, value]) => value)).toContain('https://ok.example/a');
  });
});

describe.each(UNSAFE)('no writer lets %j out as a URL', (url) => {
  it('the HTML export, its page and the preview (with DOMPurify) and the worker’s draft HTML (without)', () => {
    for (const html of [
      renderHtml(doc(url), { sanitize: testSanitize }),
      renderHtmlPage(doc(url), { sanitize: testSanitize }),
      renderHtml(doc(url)),
    ]) {
      expect(urlsIn(html)).toEqual([]);
    }
  });

  it('the Markdown export, as any renderer would read it', () => {
    expect(urlsIn(anything.render(renderMarkdown(doc(url))))).toEqual([]);
  });

  it('the draft the worker sends to the target', async () => {
    const issue = makeIssue(1, { sponsor: markdownWith(url) });
    const clippings = [makeClipping(1, { issueId: issue.id, url, quote: 'Q', quoteLink: url, summary: markdownWith(url) })];
    const deps = {
      issues: { get: async () => issue },
      settings: { get: async () => makeSettings() },
      clippings: { listByIssue: async () => clippings },
    };
    const draft = await draftForIssue(deps as unknown as Parameters<typeof draftForIssue>[0], issue.id);
    expect(draft?.region).toContain('<h1>');
    expect(urlsIn(draft!.region)).toEqual([]);
  });

  it('the generic target’s edit link, which the desk shows', async () => {
    const answer = (init?: RequestInit) => {
      const body = JSON.parse(init?.body as string) as Record<string, unknown>;
      const draft = { ...body, issueId: 'issue-0001', revision: 'r1', updatedAt: '2026-06-08T00:00:00Z', editUrl: url };
      return new Response(JSON.stringify(draft), { status: 200, headers: { 'content-type': 'application/json', ETag: '"r1"' } });
    };
    const adapter = new GenericAdapter(
      { baseUrl: 'https://drafts.example.org/api/v1', token: 't' },
      { fetch: async (_input, init) => (init?.method === 'PUT' ? answer(init) : new Response('{}', { status: 404 })), now: () => 1 },
    );
    const state = await adapter.push({ issueId: 'issue-0001', title: 'T', region: '<!-- wp:html -->x<!-- /wp:html -->' }, undefined);
    expect(state.remoteId).toBe('issue-0001');
    expect(state.editUrl).toBeUndefined();
  });
});
