import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { stripSiteAffixes } from './title';
import { documentAt } from '../../test/document';

describe('stripSiteAffixes', () => {
  it('strips suffixes and prefixes that name the site, and only those', () => {
    expect(stripSiteAffixes('Outage report | Example Blog', 'Example Blog', 'ex.com').title).toBe('Outage report');
    expect(stripSiteAffixes('Example Blog — Outage report', 'Example Blog', 'ex.com').title).toBe('Outage report');
    expect(stripSiteAffixes('Kubernetes - the hard way', 'Example Blog', 'ex.com').title).toBe('Kubernetes - the hard way');
  });
  it('recognises the site from the host when no name is declared', () => {
    expect(stripSiteAffixes('Deploy safely - Ars Technica', undefined, 'arstechnica.com')).toEqual({
      title: 'Deploy safely',
      removed: ['Ars Technica'],
    });
  });
});

describe('title', () => {
  const at = (head: string, body = '') =>
    extractCapture(documentAt(`<html><head>${head}</head><body>${body}</body></html>`, 'https://news.ex.com/a/b'));

  it('prefers the declared headline over the SEO <title>', () => {
    expect(at('<title>Buy now | Best SEO Title | Ex</title><meta property="og:title" content="The real headline">').title).toEqual({
      value: 'The real headline',
      source: 'opengraph',
    });
  });
  it('takes the article <h1> when it is a variant of the social title', () => {
    const c = at(
      '<meta property="og:title" content="Apple’s headset is the Retina moment for headsets">',
      `<article><h1>Apple’s headset hands-on: the Retina moment for headsets</h1><p>${'Words of the article. '.repeat(30)}</p></article>`,
    );
    expect(c.title).toEqual({ value: 'Apple’s headset hands-on: the Retina moment for headsets', source: 'page-text' });
  });
  it('falls back to the document title with the site suffix removed', () => {
    expect(at('<title>Quiet pagers - Ex News</title><meta property="og:site_name" content="Ex News">').title?.value).toBe('Quiet pagers');
  });
  it('ignores a JSON-LD headline that is really a description', () => {
    const c = at(
      '<title>New Zealand - Wikipedia</title><script type="application/ld+json">{"@type":"Article","name":"New Zealand","headline":"island country in Oceania"}</script>',
    );
    expect(c.title?.value).toBe('New Zealand');
  });
});

describe('title: the visible headline and the declared ones', () => {
  const at = (head: string, body = '') =>
    extractCapture(documentAt(`<html><head>${head}</head><body>${body}</body></html>`, 'https://news.ex.com/a/b')).title;
  const article = (h1: string) => `<article><h1>${h1}</h1><p>${'Words of the story. '.repeat(30)}</p></article>`;

  it('takes the <h1> that a second declared title confirms over a different OpenGraph title', () => {
    expect(
      at(
        '<title>Quantum Hacks Explained | Ex Times</title><meta property="og:site_name" content="Ex Times"><meta property="og:title" content="Schrödinger’s Hack">',
        article('Quantum Hacks Explained'),
      ),
    ).toEqual({ value: 'Quantum Hacks Explained', source: 'page-text' });
    expect(
      at(
        '<meta property="og:title" content="Social rewrite of it"><meta name="twitter:title" content="Rookie Officer Ends Hunt">',
        `<h1>Rookie Officer Ends Hunt</h1>`,
      )?.value,
    ).toBe('Rookie Officer Ends Hunt');
    // Unconfirmed and unlike the OpenGraph title: a section heading, not the headline.
    expect(
      at('<title>Social title here</title><meta property="og:title" content="Social title here">', article('Business Monday'))?.value,
    ).toBe('Social title here');
  });

  it('prefers the Dublin Core title to the social one', () => {
    expect(at('<meta property="og:title" content="Social"><meta name="DC.title" content="Bibliographic">')).toEqual({
      value: 'Bibliographic',
      source: 'dublin-core',
    });
  });

  it('drops the permalink sign of documentation headings', () => {
    expect(at('<title>Shared Mutable History — evolve docs</title>', article('Shared Mutable History¶'))?.value).toBe(
      'Shared Mutable History',
    );
  });

  it('keeps a "#" that ends a real title', () => {
    expect(at('<title>Learn C# - Example Docs</title>', article('Learn C#'))?.value).toBe('Learn C#');
  });
});
