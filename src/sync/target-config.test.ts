import { describe, expect, it } from 'vitest';
import { originPattern } from './target-config';

describe('originPattern', () => {
  it('asks for the site’s scheme and host, whatever the path', () => {
    expect(originPattern('https://news.example.org/blog/')).toBe('https://news.example.org/*');
  });

  it('leaves the port out: Firefox never matches a pattern that has one', () => {
    expect(originPattern('http://127.0.0.1:8889')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://drafts.example.org:8443/api/v1')).toBe('https://drafts.example.org/*');
  });

  it('keeps an IPv6 host in brackets', () => {
    expect(originPattern('http://[::1]:8080/')).toBe('http://[::1]/*');
  });
});
