import { describe, expect, it } from 'vitest';
import { Capture, FIELD_LIMITS as SCHEMA_LIMITS } from '../clip/capture';
import { extractCapture } from './extract';
import { FIELD_LIMITS } from './field-limits';
import { documentAt } from '../../test/document';

const now = new Date('2024-06-01T00:00:00Z');
const capture = (html: string, url = 'https://news.ex.com/2021/05/04/story') =>
  Capture.parse(extractCapture(documentAt(html, url), { now }));

describe('extractCapture', () => {
  it('keeps its copy of the field limits equal to the schema', () => {
    expect(FIELD_LIMITS).toEqual(SCHEMA_LIMITS);
  });

  it('records the source of each field in the documented order of trust', () => {
    const c = capture(`<html lang="en"><head>
      <meta property="og:title" content="Pagers at night: a field guide | Ex"><meta name="twitter:title" content="Twitter title">
      <meta name="author" content="Meta Author"><meta name="citation_author" content="Doe, Jane">
      <meta property="article:published_time" content="2021-05-04T10:00:00+02:00"><meta property="article:modified_time" content="2021-05-06T10:00:00+02:00">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Pagers at night: a field guide","author":{"@type":"Person","name":"LD Author"}}</script>
      </head><body></body></html>`);
    expect(c.title).toEqual({ value: 'Pagers at night: a field guide', source: 'json-ld' });
    expect(c.authors).toEqual({ value: ['LD Author'], source: 'json-ld' });
    expect(c.publishedTime).toEqual({ value: '2021-05-04T10:00:00+02:00', source: 'opengraph' });
  });

  it('falls through metadata families: Dublin Core, Highwire, microdata, <time>, byline markup, text, URL', () => {
    expect(capture('<html><head><meta name="DC.creator" content="Dee Cee"></head><body></body></html>').authors).toEqual({
      value: ['Dee Cee'],
      source: 'dublin-core',
    });
    expect(
      capture(
        '<html><head><meta name="citation_author" content="Hopper, Grace"><meta name="citation_publication_date" content="2019/03/02"></head><body></body></html>',
      ),
    ).toMatchObject({
      authors: { value: ['Grace Hopper'], source: 'highwire' },
      publishedTime: { value: '2019-03-02', source: 'highwire' },
    });
    const body = (inner: string) =>
      capture(
        `<html><head></head><body><article>${inner}<p>${'Prose of the story goes here. '.repeat(20)}</p></article></body></html>`,
        'https://ex.com/story',
      );
    expect(body('<span itemprop="author" itemscope><span itemprop="name">Micro Data</span></span>').authors).toEqual({
      value: ['Micro Data'],
      source: 'microdata',
    });
    expect(
      body('<div class="byline">By <a rel="author" href="/a/x">Rel Author</a> | <time datetime="2020-02-03T04:05:06Z">Feb 3</time></div>'),
    ).toMatchObject({
      authors: { value: ['Rel Author'], source: 'byline-markup' },
      publishedTime: { value: '2020-02-03T04:05:06Z', source: 'time-element' },
    });
    expect(body('<p>By Text Person</p>').authors).toEqual({ value: ['Text Person'], source: 'page-text', uncertain: true });
    expect(capture('<html><head></head><body></body></html>').publishedTime).toEqual({ value: '2021-05-04', source: 'url' });
  });

  it('prefers published over modified, and skips future and pre-1990 dates', () => {
    const date = (head: string) => capture(`<html><head>${head}</head><body></body></html>`, 'https://ex.com/a').publishedTime;
    expect(date('<meta property="article:modified_time" content="2021-01-02"><meta name="pubdate" content="2020-12-31">')?.value).toBe(
      '2020-12-31',
    );
    expect(
      date('<meta property="article:published_time" content="2031-01-01"><meta property="article:modified_time" content="2021-01-02">')
        ?.value,
    ).toBe('2021-01-02');
    expect(date('<meta property="article:published_time" content="1970-01-01T00:00:00Z">')).toBeUndefined();
  });

  it('takes the excerpt from the description, else the first real paragraph (no cookie banner, no nav)', () => {
    expect(capture('<html><head><meta name="description" content="Declared summary."></head><body></body></html>').excerpt).toEqual({
      value: 'Declared summary.',
      source: 'meta',
    });
    const c =
      capture(`<html><head></head><body><div class="cookie-banner"><p>We use cookies to give you the best experience on our website, accept them all.</p></div>
      <nav><p>Home about contact archive and more navigation links here</p></nav><main><p>Short.</p><p>The first real paragraph of the story is this one, long enough to be prose.</p></main></body></html>`);
    expect(c.excerpt).toEqual({
      value: 'The first real paragraph of the story is this one, long enough to be prose.',
      source: 'page-text',
    });
  });

  it('says so when no article metadata was found', () => {
    expect(capture('<html><head><title>Just a title</title></head><body><p>Text.</p></body></html>').notes).toContain(
      'No article metadata found: check the title and author.',
    );
  });

  it('keeps only the address and title of a non-HTML document, with a plain-words note', () => {
    const doc = documentAt(
      '<html><head><title>report.pdf</title></head><body><embed type="application/pdf"></body></html>',
      'https://ex.com/report.pdf',
    );
    Object.defineProperty(doc, 'contentType', { value: 'application/pdf' });
    const c = Capture.parse(extractCapture(doc, { now }));
    expect(c.title?.value).toBe('report.pdf');
    expect(c.canonicalUrl?.value).toBe('https://ex.com/report.pdf');
    expect(c.authors).toBeUndefined();
    expect(c.notes).toEqual(['This tab shows a PDF, not a web page: only its address and title were kept.']);
  });

  it('never throws on a hostile page: a failing field becomes a note', () => {
    const doc = documentAt('<html><head><title>T</title></head><body></body></html>');
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    const c = Capture.parse(extractCapture(doc, { now }));
    expect(c.notes.some((n) => /could not be read/.test(n))).toBe(true);
  });

  it('truncates values to the schema limits', () => {
    const c = capture(`<html><head><meta property="og:title" content="${'Long title words '.repeat(200)}"></head><body></body></html>`);
    expect(c.title!.value.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
  });

  it('turns the selection into a quote with a text-fragment link on the cleaned page URL', () => {
    const c = Capture.parse(
      extractCapture(documentAt('<html><body></body></html>', 'https://ex.com/a?utm_source=n#x'), {
        selection: { text: 'Quoted words' },
        now,
      }),
    );
    expect(c.quote).toEqual({ text: 'Quoted words', link: 'https://ex.com/a#:~:text=Quoted%20words' });
  });

  it('answers from metadata without looking for the article region (fast path)', () => {
    const doc = documentAt(
      `<html lang="en"><head><meta property="og:title" content="Declared"><meta name="author" content="Meta Author">
      <meta property="article:published_time" content="2021-05-04T10:00:00Z"><meta name="description" content="Declared summary."></head>
      <body><h1>Declared</h1><article><p>${'Prose. '.repeat(100)}</p></article></body></html>`,
      'https://ex.com/a',
    );
    const seen: string[] = [];
    const original = doc.querySelectorAll.bind(doc);
    Object.defineProperty(doc, 'querySelectorAll', { value: (selector: string) => (seen.push(selector), original(selector)) });
    const c = Capture.parse(extractCapture(doc, { now }));
    expect(c).toMatchObject({ authors: { source: 'meta' }, publishedTime: { source: 'opengraph' }, excerpt: { source: 'meta' } });
    // The byline, date and paragraph scans of the text never ran.
    expect(seen.some((s) => /byline|datePublished|itemprop~=author/.test(s))).toBe(false);
  });

  it('reads a CSS-less page: plural furniture classes ("comments-list") are not the article', () => {
    const c = capture(
      `<html><head></head><body><main><p>${'Story prose words here. '.repeat(30)}</p></main>
      <div class="comments-list"><p>By Commenter Person</p></div></body></html>`,
      'https://ex.com/story',
    );
    expect(c.authors).toBeUndefined();
  });
});
