import { describe, expect, it } from 'vitest';
import { findRegion, regionHash, regionMarker, renderRegion, replaceRegion } from './managed-region';

const ISSUE = 'issue-0001';
const HTML = '<h2>Articles</h2>\n<p><a href="https://example.com/a">Ünïcødé — 日本語 🎉</a></p>';

/** Text an editor might write around the region: CRLF, unicode, other comments, other Custom HTML blocks. */
const BEFORE = [
  '<!-- wp:paragraph -->\r\n<p>Hello readers — ça va? 👋</p>\r\n<!-- /wp:paragraph -->\r\n',
  "<!-- a comment of the editor's own -->\r\n",
  '<!-- wp:html -->\n<div class="ad">Sponsor: <b>ACME</b></div>\n<!-- /wp:html -->\r\n\r\n',
].join('');
const AFTER = [
  '\r\n\r\n<!-- wp:html -->\n<script>/* tracking pixel */</script>\n<!-- /wp:html -->\n',
  '<!-- wp:paragraph --><p>See you next week,\u00a0Ada   </p><!-- /wp:paragraph -->\n\t  \n',
].join('');

describe('renderRegion', () => {
  it('fences the HTML in one Custom HTML block naming the issue', () => {
    const region = renderRegion(ISSUE, `\n\n  ${HTML}  \n`);
    expect(region.startsWith('<!-- wp:html -->\n<!-- newsletter-clipper:managed issue="issue-0001"')).toBe(true);
    expect(region.endsWith('\n<!-- /newsletter-clipper:managed -->\n<!-- /wp:html -->')).toBe(true);
    expect(region).toContain(`-->\n${HTML}\n<!-- /newsletter-clipper:managed -->`);
    expect(region).toContain(regionMarker(ISSUE));
  });

  it('is found again whole by findRegion', () => {
    const region = renderRegion(ISSUE, HTML);
    expect(findRegion(region)).toEqual({ issueId: ISSUE, start: 0, end: region.length, text: region });
  });

  it('holds its fence when a summary quotes the end marker', () => {
    const hostile = `<p>Look: <!-- /newsletter-clipper:managed -->\n<!-- /wp:html --> and then <!-- /newsletter-clipper:managed --></p>`;
    const region = renderRegion(ISSUE, hostile);
    // Only one end marker: the real one.
    expect(region.split('<!-- /newsletter-clipper:managed -->')).toHaveLength(2);
    const content = `${BEFORE}${region}${AFTER}`;
    expect(findRegion(content)?.text).toBe(region);
    const replaced = replaceRegion(content, renderRegion(ISSUE, '<p>new</p>'));
    expect(replaced).toBe(`${BEFORE}${renderRegion(ISSUE, '<p>new</p>')}${AFTER}`);
    expect(replaced).not.toContain('and then');
  });
});

describe('regionMarker', () => {
  it('names the issue, so that two issues never match each other', () => {
    expect(regionMarker('issue-0001')).toBe('newsletter-clipper:managed issue="issue-0001"');
    expect(renderRegion('issue-0002', HTML)).not.toContain(regionMarker('issue-0001'));
  });
});

describe('findRegion', () => {
  it('finds the region between the editor’s text, with its offsets', () => {
    const region = renderRegion(ISSUE, HTML);
    const found = findRegion(`${BEFORE}${region}${AFTER}`);
    expect(found).toEqual({ issueId: ISSUE, start: BEFORE.length, end: BEFORE.length + region.length, text: region });
  });

  it('answers undefined when there is no region, or only half a fence', () => {
    expect(findRegion('')).toBeUndefined();
    expect(findRegion(`${BEFORE}${AFTER}`)).toBeUndefined();
    const region = renderRegion(ISSUE, HTML);
    expect(findRegion(region.slice(0, region.indexOf('<!-- /newsletter-clipper')))).toBeUndefined();
    expect(findRegion(region.slice(region.indexOf(HTML)))).toBeUndefined();
  });

  it('is not fooled by another Custom HTML block before it', () => {
    const region = renderRegion(ISSUE, HTML);
    const found = findRegion(`<!-- wp:html -->\n<p>mine</p>\n<!-- /wp:html -->\n${region}`);
    expect(found?.text).toBe(region);
  });

  it('reads a region whose line ends became CRLF', () => {
    const region = renderRegion(ISSUE, HTML).replace(/\n/g, '\r\n');
    expect(findRegion(`${BEFORE}${region}${AFTER}`)).toMatchObject({ issueId: ISSUE, text: region });
  });
});

describe('replaceRegion', () => {
  it('replaces the region and keeps the text before and after it byte for byte', () => {
    const old = renderRegion(ISSUE, '<p>old</p>');
    const next = renderRegion(ISSUE, HTML);
    const result = replaceRegion(`${BEFORE}${old}${AFTER}`, next);
    expect(result).toBe(`${BEFORE}${next}${AFTER}`);
    expect(result.slice(0, BEFORE.length)).toBe(BEFORE);
    expect(result.slice(result.length - AFTER.length)).toBe(AFTER);
  });

  it('keeps CRLF inside the editor’s text and unicode at the edges (no normalisation)', () => {
    const before = '\uFEFF\r\n\r\nZ\u0301\r\n';
    const after = '\r\n\u2028x\u{1F600}';
    const result = replaceRegion(`${before}${renderRegion(ISSUE, 'a')}${after}`, renderRegion(ISSUE, 'b'));
    expect(result).toBe(`${before}${renderRegion(ISSUE, 'b')}${after}`);
  });

  it('replaces a region whose line ends became CRLF whole, not half', () => {
    const old = renderRegion(ISSUE, '<p>old</p>').replace(/\n/g, '\r\n');
    const result = replaceRegion(`${BEFORE}${old}${AFTER}`, renderRegion(ISSUE, HTML));
    expect(result).toBe(`${BEFORE}${renderRegion(ISSUE, HTML)}${AFTER}`);
  });

  it('appends a missing region after the editor’s text', () => {
    const region = renderRegion(ISSUE, HTML);
    const text = '<!-- wp:paragraph --><p>Intro</p><!-- /wp:paragraph -->';
    expect(replaceRegion(text, region)).toBe(`${text}\n\n${region}\n`);
    expect(replaceRegion(`${text}\n\n\n`, region)).toBe(`${text}\n\n${region}\n`);
    expect(replaceRegion(BEFORE, region).startsWith(BEFORE.trimEnd())).toBe(true);
  });

  it('makes an empty post hold the region alone', () => {
    const region = renderRegion(ISSUE, HTML);
    expect(replaceRegion('', region)).toBe(`${region}\n`);
    expect(replaceRegion(' \n\t', region)).toBe(`${region}\n`);
  });

  it('is idempotent: replacing with the same region changes nothing', () => {
    const region = renderRegion(ISSUE, HTML);
    const once = replaceRegion(`${BEFORE}${renderRegion(ISSUE, 'x')}${AFTER}`, region);
    expect(replaceRegion(once, region)).toBe(once);
    const appended = replaceRegion('Intro', region);
    expect(replaceRegion(appended, region)).toBe(appended);
  });

  it('touches only the first region and the editor’s later Custom HTML blocks survive', () => {
    const region = renderRegion(ISSUE, '<p>one</p>');
    const tail = '\n<!-- wp:html -->\n<p>editor block</p>\n<!-- /wp:html -->\n';
    const result = replaceRegion(`${region}${tail}`, renderRegion(ISSUE, '<p>two</p>'));
    expect(result).toBe(`${renderRegion(ISSUE, '<p>two</p>')}${tail}`);
  });
});

describe('regionHash', () => {
  it('is a hex SHA-256', async () => {
    expect(await regionHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await regionHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is stable for the same text', async () => {
    const region = renderRegion(ISSUE, HTML);
    expect(await regionHash(region)).toBe(await regionHash(`${region}`));
  });

  it('changes with one changed character, anywhere', async () => {
    const region = renderRegion(ISSUE, HTML);
    const base = await regionHash(region);
    for (const at of [0, Math.floor(region.length / 2), region.length - 1]) {
      const changed = region.slice(0, at) + (region[at] === 'x' ? 'y' : 'x') + region.slice(at + 1);
      expect(await regionHash(changed)).not.toBe(base);
    }
    expect(await regionHash(region.replace('🎉', '🎊'))).not.toBe(base);
    expect(await regionHash(`${region} `)).not.toBe(base);
  });

  it('treats CRLF and LF line ends alike (a server may convert them)', async () => {
    expect(await regionHash('a\r\nb\r\n')).toBe(await regionHash('a\nb\n'));
    expect(await regionHash('a\rb')).not.toBe(await regionHash('a\nb'));
  });
});
