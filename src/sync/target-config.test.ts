import { describe, expect, it } from 'vitest';
import { TargetForm, addressProblem, configFromForm, originPattern } from './target-config';

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

describe('addressProblem: no credentials over plain http:// beyond this machine', () => {
  it.each([
    'https://news.example.org',
    'https://news.example.org:8443/blog/',
    'http://localhost:8889',
    'http://127.0.0.1:8889/wp',
    'http://[::1]:8080/',
    'HTTP://LOCALHOST/',
  ])('allows %s', (url) => {
    expect(addressProblem(url)).toBeUndefined();
  });

  it.each([
    'http://news.example.org',
    'http://192.168.1.20:8080/',
    'http://127.0.0.1.example.org/',
    'http://localhost.evil.example/',
    'http://10.0.0.1/',
  ])('refuses %s, saying why and what to do', (url) => {
    const problem = addressProblem(url);
    expect(problem).toContain('plain http://');
    expect(problem).toContain('unencrypted');
    expect(problem).toContain('https://');
    expect(problem).toContain('localhost, 127.0.0.1');
    expect(problem).toContain(new URL(url).origin);
  });

  it.each(['ftp://news.example.org', 'news.example.org', 'javascript:alert(1)'])('refuses %s as not a web address', (url) => {
    expect(addressProblem(url)).toMatch(/must start with https:\/\//);
  });

  it('is the rule the form and the stored config are parsed with, its message the reason', () => {
    const form = { kind: 'wordpress', address: 'http://news.example.org', user: 'ed', secret: 'xxxx' } as const;
    const parsed = TargetForm.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(addressProblem(form.address));
    expect(() => configFromForm({ ...form, kind: 'generic' }, undefined)).toThrow(/plain http:\/\//);
    expect(configFromForm({ ...form, address: 'http://127.0.0.1:8889' }, undefined)).toMatchObject({ siteUrl: 'http://127.0.0.1:8889' });
  });
});
