import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { documentAt } from '../../test/document';

const PROSE = `<p>${'Prose of the story goes on for a while here. '.repeat(12)}</p>`;
/** The authors found, their names written as a British reader would ("A and B"), to keep the cases short. */
const byline = (head: string, body = '') => {
  const found = extractCapture(documentAt(`<html><head>${head}</head><body>${body}</body></html>`, 'https://ex.com/2021/story'), {
    now: new Date('2024-01-01'),
  }).authors;
  return found && { value: new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(found.value), source: found.source };
};

describe('findByline: declared authors', () => {
  it('keeps a JSON-LD person named like the site (a blog named after its author), not an organisation', () => {
    const ld = (author: string) =>
      `<meta property="og:site_name" content="Ada Lovelace"><script type="application/ld+json">{"@type":"Article","headline":"H","author":${author}}</script>`;
    expect(byline(ld('{"@type":"Person","name":"Ada Lovelace"}'))).toEqual({ value: 'Ada Lovelace', source: 'json-ld' });
    expect(byline(ld('{"@type":"Organization","name":"Ada Lovelace"}'))).toBeUndefined();
  });

  it('prefers the Dublin Core creator to a template author tag', () => {
    const head = '<meta name="author" content="Template Author"><meta property="dc:creator" content="Dee Cee">';
    expect(byline(head)).toEqual({ value: 'Dee Cee', source: 'dublin-core' });
  });

  it('reads byline and cXense author tags', () => {
    expect(byline('<meta name="byline" content="Mike Roe | mroe@ex.com">')).toEqual({ value: 'Mike Roe', source: 'meta' });
    expect(byline('<meta name="cXenseParse:author" content="Tana Roe">')).toEqual({ value: 'Tana Roe', source: 'meta' });
  });

  it('names OpenGraph profile addresses by the page links to them', () => {
    const head = '<meta property="article:author" content="https://ex.com/editors/jon-doe,https://ex.com/profile/ann_lee">';
    const body =
      '<a href="/about/editors/jon-doe/">Jon Doe</a> <a href="https://ex.com/profile/ann_lee">Ann Lee</a> <a href="/editors/jon-doe">More</a>';
    expect(byline(head, body)).toEqual({ value: 'Jon Doe and Ann Lee', source: 'opengraph' });
    expect(byline(head, '<a href="/editors/jon-doe">Jon’s page</a>')).toBeUndefined();
  });

  it('takes the named byline over a staff credit, and the credit when there is no name', () => {
    const head = '<meta name="author" content="Ex Weekly Staff">';
    expect(byline(head, `<article><div class="byline">By <a rel="author" href="/a/m">Megan Roe</a></div>${PROSE}</article>`)).toEqual({
      value: 'Megan Roe',
      source: 'byline-markup',
    });
    expect(byline(head, `<article>${PROSE}</article>`)).toEqual({ value: 'Ex Weekly Staff', source: 'meta' });
  });
});

describe('findByline: the byline in the page', () => {
  it('reads the article’s own footer and a widget wrapper, not the site footer or masthead', () => {
    expect(
      byline(
        '',
        `<article>${PROSE}<footer class="meta"><span itemprop="author" itemscope><meta itemprop="name" content="Kate Roe"></span></footer></article>`,
      )?.value,
    ).toBe('Kate Roe');
    expect(byline('', `<div class="widget"><article><div class="author-name">Tana Roe</div>${PROSE}</article></div>`)?.value).toBe(
      'Tana Roe',
    );
    expect(
      byline(
        '',
        `<header id="masthead"><div id="authorization">Sign In | Jane Member</div></header><article>${PROSE}</article><footer><address>Site Owner</address></footer>`,
      ),
    ).toBeUndefined();
  });

  it('does not read the site footer as the article’s when the theme puts the Article type on <body>', () => {
    const page = (attrs: string) =>
      `<html><head></head><body ${attrs}><article>${PROSE}</article><footer><span class="theme-author">Jane Doe</span></footer></body></html>`;
    const at = (attrs: string) =>
      extractCapture(documentAt(page(attrs), 'https://ex.com/2021/story'), { now: new Date('2024-01-01') }).authors;
    expect(at('itemscope itemtype="https://schema.org/Article"')).toBeUndefined();
    expect(at('')).toBeUndefined();
  });

  it('splits lines at <br>: "Written by A<br>Edited by B" is A', () => {
    expect(byline('', `<article><p class="byline">Written by Rob Roe<br>Edited by Ann Lee</p>${PROSE}</article>`)?.value).toBe('Rob Roe');
  });

  it('prefers a "By" line in the article to byline markup elsewhere (a story carousel)', () => {
    const body = `<article><p>By Kathy Roe</p>${PROSE}</article><section class="scroller"><article><a class="byline" href="/x">Other Person</a></article></section>`;
    expect(byline('', body)).toEqual({ value: 'Kathy Roe', source: 'page-text' });
  });

  it('reads a "Written by" line whatever its case', () => {
    expect(byline('', `<article><p>WRITTEN BY Sam Roe</p>${PROSE}</article>`)).toEqual({ value: 'Sam Roe', source: 'page-text' });
  });

  it('reads a link to the author’s page as a suggestion, its label dropped ("著者：…"), after any byline markup', () => {
    const body = `<article><h1>見出し</h1><a class="header-name" href="/author/180/">著者：佐藤一郎</a>${PROSE}</article>`;
    const at = (body: string) =>
      extractCapture(documentAt(`<html><head></head><body>${body}</body></html>`, 'https://ex.com/2021/story'), {
        now: new Date('2024-01-01'),
      }).authors;
    expect(at(body)).toEqual({ value: ['佐藤一郎'], source: 'page-text', uncertain: true });
    // A site menu's link to a columnist's page comes before the story's own byline: the byline wins.
    const menu = '<div class="top-links"><ul><li><a href="/blogs/author/andy-roe/">Andy Roe</a></li></ul></div>';
    expect(at(`${menu}<article><h1>H</h1><div class="author"><a href="/people/ben-roe">Ben Roe</a></div>${PROSE}</article>`)).toEqual({
      value: ['Ben Roe'],
      source: 'byline-markup',
    });
  });

  it('reads the page item’s microdata author in the block under the headline, even a <nav>, but not a comment’s', () => {
    const page = (scope: string, author: string) =>
      `<html ${scope}><head></head><body><h1>Headline</h1><nav class="post-by">${author}</nav><article>${PROSE}</article>` +
      '<section class="comments"><div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Commenter Name</span></div></section></body></html>';
    const at = (scope: string, author = '') =>
      extractCapture(documentAt(page(scope, author), 'https://ex.com/2021/story'), { now: new Date('2024-01-01') }).authors;
    const person =
      'Edited by <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Swati Roe</span></span>';
    expect(at('itemscope itemtype="https://schema.org/NewsArticle"', person)).toEqual({ value: ['Swati Roe'], source: 'microdata' });
    expect(at('itemscope itemtype="https://schema.org/NewsArticle"')).toBeUndefined();
    expect(at('', person)).toBeUndefined();
  });
});
