import { describe, expect, it } from 'vitest';
import { resolveLink } from './feed-link';

describe('resolveLink', () => {
  it('resolves relative links against the base and keeps absolute ones', () => {
    expect(resolveLink('/a/b?x=1', 'https://e.org/feed/rss.xml')).toEqual({ url: 'https://e.org/a/b?x=1' });
    expect(resolveLink('c.html', 'https://e.org/blog/')).toEqual({ url: 'https://e.org/blog/c.html' });
    expect(resolveLink('//cdn.e.org/x', 'https://e.org/')).toEqual({ url: 'https://cdn.e.org/x' });
    expect(resolveLink('  https://E.org/A  ', undefined)).toEqual({ url: 'https://e.org/A' });
  });

  it('refuses every scheme but http(s), with the reason', () => {
    for (const [raw, scheme] of [
      ['javascript:alert(1)', 'javascript:'],
      ['JaVaScRiPt:alert(1)', 'javascript:'],
      ['java\tscript:alert(1)', 'javascript:'],
      ['data:text/html,<script>alert(1)</script>', 'data:'],
      ['file:///etc/passwd', 'file:'],
      ['mailto:a@e.org', 'mailto:'],
      ['vbscript:x', 'vbscript:'],
    ] as const) {
      expect(resolveLink(raw, 'https://e.org/')).toEqual({ problem: 'unsafe-scheme', scheme });
    }
  });

  it('says when there is no link, or one that cannot be read', () => {
    expect(resolveLink(undefined, 'https://e.org/')).toEqual({ problem: 'missing' });
    expect(resolveLink('   ', 'https://e.org/')).toEqual({ problem: 'missing' });
    expect(resolveLink('relative/only', undefined)).toEqual({ problem: 'unreadable' });
    expect(resolveLink('http://[bad', undefined)).toEqual({ problem: 'unreadable' });
    expect(resolveLink(`https://e.org/${'x'.repeat(9000)}`, undefined)).toEqual({ problem: 'too-long' });
  });

  it('strips tracking parameters and the fragment as the store does', () => {
    expect(resolveLink('https://e.org/p?utm_source=rss&utm_medium=feed&id=3&fbclid=1#comments', undefined)).toEqual({
      url: 'https://e.org/p?id=3',
    });
  });

  it('unwraps known redirect wrappers, nested ones too, but not a ?url= on an ordinary page', () => {
    const cases: [string, string][] = [
      ['https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fa.example%2Fx%3Futm_source%3Dy&ct=ga', 'https://a.example/x'],
      ['https://news.google.com/news/url?sa=t&fd=R&url=https://b.example/y', 'https://b.example/y'],
      ['https://l.facebook.com/l.php?u=https%3A%2F%2Fc.example%2F&h=AT0', 'https://c.example/'],
      ['https://t.umblr.com/redirect?z=https%3A%2F%2Fd.example%2Fp&t=abc', 'https://d.example/p'],
      ['https://www.youtube.com/redirect?q=https://e.example/&v=1', 'https://e.example/'],
      ['https://href.li/?https://f.example/page', 'https://f.example/page'],
      ['https://www.google.com/url?q=https://l.facebook.com/l.php%3Fu%3Dhttps%253A%252F%252Fg.example%252F', 'https://g.example/'],
    ];
    for (const [wrapped, real] of cases) expect(resolveLink(wrapped, undefined)).toEqual({ url: real });
    expect(resolveLink('https://share.example/share?url=https://h.example/', undefined)).toEqual({
      url: 'https://share.example/share?url=https://h.example/',
    });
    // A wrapper pointing at a script is refused like the script itself.
    expect(resolveLink('https://www.google.com/url?q=javascript:alert(1)', undefined)).toEqual({
      url: 'https://www.google.com/url?q=javascript:alert(1)',
    });
  });
});
