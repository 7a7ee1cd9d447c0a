import { describe, expect, it } from 'vitest';
import { readJsonLd } from './json-ld';
import { documentAt } from '../../test/document';

const page = (...blocks: string[]) =>
  documentAt(
    `<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body></body></html>`,
    'https://ex.com/a',
  );

describe('readJsonLd', () => {
  it('reads a BlogPosting inside @graph and resolves @id references (Yoast layout)', () => {
    const facts = readJsonLd(
      page(
        JSON.stringify({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', '@id': '#site', name: 'Ex Site' },
            { '@type': 'Person', '@id': '#p1', name: 'Ada Lovelace' },
            {
              '@type': 'BlogPosting',
              headline: 'Hello',
              author: { '@id': '#p1' },
              publisher: { '@id': '#org' },
              datePublished: '2020-01-02T03:04:05+01:00',
            },
            { '@type': 'Organization', '@id': '#org', name: 'Ex Org' },
          ],
        }),
      ),
      'https://ex.com/a',
    );
    expect(facts).toMatchObject({
      headline: 'Hello',
      authors: ['Ada Lovelace'],
      publisher: 'Ex Org',
      datePublished: '2020-01-02T03:04:05+01:00',
    });
  });

  it('handles top-level arrays, type arrays and nested articles', () => {
    const facts = readJsonLd(
      page(
        JSON.stringify([
          { '@type': 'BreadcrumbList' },
          { '@type': 'WebPage', mainEntity: { '@type': ['NewsArticle', 'Thing'], headline: 'Nested', author: 'Jo Bloggs' } },
        ]),
      ),
      '',
    );
    expect(facts.headline).toBe('Nested');
    expect(facts.authors).toEqual(['Jo Bloggs']);
  });

  it('reads authors as Person, Organization, string and arrays; persons first', () => {
    const facts = readJsonLd(
      page(
        JSON.stringify({
          '@type': 'Report',
          headline: 'R',
          author: [{ '@type': 'Organization', name: 'Ex Org' }, { '@type': 'Person', givenName: 'Grace', familyName: 'Hopper' }, 'Linus T'],
        }),
      ),
      '',
    );
    expect(facts.authors).toEqual(['Grace Hopper', 'Linus T']);
    expect(
      readJsonLd(page(JSON.stringify({ '@type': 'Article', author: { '@type': 'Organization', name: 'Agency' } })), '').authors,
    ).toEqual(['Agency']);
  });

  it('prefers the article about this page and survives broken blocks', () => {
    const facts = readJsonLd(
      page(
        '{ not json',
        '{"@type":"Article","headline":"Other","url":"https://ex.com/b"}',
        '{"@type":"Article","headline":"Mine","url":"https://ex.com/a",}',
      ),
      'https://ex.com/a',
    );
    expect(facts.headline).toBe('Mine');
  });

  it('decodes entities and drops tags publishers leave in strings', () => {
    expect(readJsonLd(page('{"@type":"Article","headline":"It&#8217;s <em>fine</em> &amp; good"}'), '').headline).toBe('It’s fine & good');
  });
});

describe('readJsonLd wrappers', () => {
  it('reads blocks wrapped in CDATA and HTML comments', () => {
    expect(readJsonLd(page('\n  <![CDATA[\n  {"@type":"Article","headline":"Wrapped"}\n  ]]>\n'), '').headline).toBe('Wrapped');
    expect(readJsonLd(page('//<![CDATA[\n[{"@type":"Article","headline":"Commented"}]\n//]]>'), '').headline).toBe('Commented');
    expect(readJsonLd(page('<!-- {"@type":"Article","headline":"Old style"} -->'), '').headline).toBe('Old style');
  });
});
