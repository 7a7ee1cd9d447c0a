import { describe, expect, it } from 'vitest';
import { webHref } from './safe-url';

describe('webHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['  https://Example.COM/path  ', 'https://example.com/path'],
    ['HTTPS://example.com/a b', 'https://example.com/a%20b'],
    ['https://example.com/#:~:text=a%20b', 'https://example.com/#:~:text=a%20b'],
  ])('keeps the http(s) URL %j as %j', (url, href) => {
    expect(webHref(url)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'mailto:editor@example.com',
    'ftp://example.com/file',
    '/relative/path',
    '//example.com/protocol-relative',
    'example.com',
    '',
    'https://',
  ])('refuses %j', (url) => {
    expect(webHref(url)).toBeNull();
  });
});
