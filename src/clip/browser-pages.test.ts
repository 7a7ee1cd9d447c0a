import { describe, expect, it } from 'vitest';
import {
  FIREFOX_RESTRICTED_HOSTS,
  isErrorPageTitle,
  isFirefoxRestrictedHost,
  isPdfTitle,
  readerViewOriginal,
  viewSourceInner,
} from './browser-pages';

describe('isFirefoxRestrictedHost', () => {
  it.each([...FIREFOX_RESTRICTED_HOSTS, 'SUPPORT.mozilla.org', 'accounts.firefox.com.'])('knows %s', (host) => {
    expect(isFirefoxRestrictedHost(host)).toBe(true);
  });
  it('has Firefox ESR 153’s eleven default hosts', () => expect(FIREFOX_RESTRICTED_HOSTS).toHaveLength(11));
  it('install.mozilla.org, no longer restricted by default, only explains a refusal', () => {
    expect(isFirefoxRestrictedHost('install.mozilla.org')).toBe(false);
    expect(isFirefoxRestrictedHost('install.mozilla.org', { includingFormer: true })).toBe(true);
    expect(isFirefoxRestrictedHost('www.mozilla.org', { includingFormer: true })).toBe(false);
  });
  it.each(['mozilla.org', 'www.mozilla.org', 'blog.mozilla.org', 'evil-support.mozilla.org.example.com', 'localhost'])(
    'lets %s through',
    (host) => {
      expect(isFirefoxRestrictedHost(host)).toBe(false);
    },
  );
});

describe('readerViewOriginal', () => {
  it('decodes the original article address', () => {
    expect(readerViewOriginal(`about:reader?url=${encodeURIComponent('https://example.com/news/a?x=1&y=2#top')}`)).toBe(
      'https://example.com/news/a?x=1&y=2#top',
    );
    expect(readerViewOriginal('about:reader?url=http%3A%2F%2F127.0.0.1%3A4173%2Farticles%2Fa.html')).toBe(
      'http://127.0.0.1:4173/articles/a.html',
    );
  });
  it.each([
    'about:reader',
    'about:reader?url=',
    `about:reader?url=${encodeURIComponent('javascript:alert(1)')}`,
    `about:reader?url=${encodeURIComponent('file:///etc/passwd')}`,
    'about:reader?url=not%20a%20url',
    `about:preferences?url=${encodeURIComponent('https://example.com/')}`,
    'https://example.com/about:reader?url=https%3A%2F%2Fexample.com',
  ])('gives nothing for %s', (url) => {
    expect(readerViewOriginal(url)).toBeUndefined();
  });
});

describe('viewSourceInner', () => {
  it('unwraps an http(s) page', () => {
    expect(viewSourceInner('view-source:http://host/article.html')).toBe('http://host/article.html');
    expect(viewSourceInner('view-source:https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
  });
  it.each(['view-source:file:///home/a.html', 'view-source:', 'https://example.com/', 'view-source:about:blank'])(
    'gives nothing for %s',
    (url) => {
      expect(viewSourceInner(url)).toBeUndefined();
    },
  );
});

describe('titles', () => {
  it('knows Firefox’s error-page titles', () => {
    expect(isErrorPageTitle('Problem loading page')).toBe(true);
    expect(isErrorPageTitle(' Blocked Page ')).toBe(true);
    expect(isErrorPageTitle('Why pages fail to load')).toBe(false);
    expect(isErrorPageTitle(undefined)).toBe(false);
  });
  it('knows a PDF’s title by its ending', () => {
    expect(isPdfTitle('incident-review.pdf')).toBe(true);
    expect(isPdfTitle('Annual Report 2025.PDF ')).toBe(true);
    expect(isPdfTitle('PDF tools compared')).toBe(false);
    expect(isPdfTitle(undefined)).toBe(false);
  });
});
