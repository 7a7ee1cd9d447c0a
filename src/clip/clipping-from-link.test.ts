import { describe, expect, it } from 'vitest';
import { Capture } from './capture';
import { formFromCapture } from './clipping-from-capture';
import { captureFromLink, titleFromUrl } from './clipping-from-link';

describe('captureFromLink', () => {
  it('takes the address and the link text, white space collapsed', () => {
    const capture = captureFromLink('https://example.com/post?utm_source=x', '  How we\n  lost   a region ');
    expect(capture.pageUrl).toBe('https://example.com/post?utm_source=x');
    expect(capture.title).toEqual({ value: 'How we lost a region', source: 'link' });
    expect(capture.notes).toHaveLength(1);
    expect(capture.notes[0]).toMatch(/link/i);
    expect(Capture.safeParse(capture).success).toBe(true);
  });

  it('makes a title from the address when the link has no text', () => {
    for (const text of [undefined, '', '   \n ']) {
      expect(captureFromLink('https://www.example.com/blog/post/', text).title).toEqual({ value: 'example.com/blog/post', source: 'url' });
    }
  });

  it('reads nothing else from a link (no author, date or site)', () => {
    const capture = captureFromLink('https://example.com/a', 'A');
    expect(capture.authors).toBeUndefined();
    expect(capture.siteName).toBeUndefined();
    expect(capture.publishedTime).toBeUndefined();
    expect(capture.canonicalUrl).toBeUndefined();
  });

  it('caps a huge link text and address to what a capture may hold', () => {
    const capture = captureFromLink(`https://example.com/${'p'.repeat(5000)}`, 'word '.repeat(500));
    expect(capture.title!.value.length).toBeLessThanOrEqual(1000);
    expect(capture.pageUrl.length).toBeLessThanOrEqual(4096);
    expect(Capture.safeParse(capture).success).toBe(true);
  });

  it('becomes a form with no section, the URL and title marked as from the link', () => {
    const { form, context } = formFromCapture(captureFromLink('https://example.com/a?fbclid=1', 'The text'), ['articles'], 'link');
    expect(form.section).toBeNull();
    expect(form.url).toBe('https://example.com/a');
    expect(form.title).toBe('The text');
    expect(context.sources).toEqual({ url: 'link', title: 'link' });
    expect(context.origin).toBe('link');
  });
});

describe('titleFromUrl', () => {
  it('is host and path, without www. or a trailing slash', () => {
    expect(titleFromUrl('https://www.example.com/blog/post/')).toBe('example.com/blog/post');
    expect(titleFromUrl('https://example.com/')).toBe('example.com');
    expect(titleFromUrl('https://news.example.com/a/b?c=1#d')).toBe('news.example.com/a/b');
  });

  it('decodes percent-escapes in the path', () => {
    expect(titleFromUrl('https://example.com/caf%C3%A9/na%C3%AFve')).toBe('example.com/café/naïve');
  });

  it('does not throw on junk, giving back the input', () => {
    expect(titleFromUrl('not a url')).toBe('not a url');
    expect(() => titleFromUrl('https://example.com/%E0%A4%A')).not.toThrow();
  });
});
