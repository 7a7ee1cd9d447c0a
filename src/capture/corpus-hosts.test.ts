import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Capture rules must generalise: they read a page's structure and language, never its site's name.
 * A held-out set scores the same code, so a rule that names a host of the shared corpora
 * (../shared/corpus: postlight, readability, htmldate) would only fit the pages we have. This test
 * fails when any capture source file (src/capture/**, tests excepted) mentions such a host.
 *
 * The hosts come from the corpora's meta.json `pageUrl`s when the corpora are on this machine, and
 * always from the committed list test/corpus-hosts.txt (so a clone without them is checked too).
 */
const DIR = import.meta.dirname;
const LIST = resolve(DIR, '../../test/corpus-hosts.txt');
const CORPORA = [resolve(DIR, '../../../shared/corpus'), '/work/shared/corpus'].find((dir) => existsSync(dir));

function committedHosts(): string[] {
  return readFileSync(LIST, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#'));
}

/** Every host of a case's pageUrl in every corpus folder, or none without the corpora. */
function corpusHosts(): string[] {
  if (!CORPORA) return [];
  const hosts = new Set<string>();
  for (const corpus of readdirSync(CORPORA, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const name of readdirSync(join(CORPORA, corpus.name))) {
      const meta = join(CORPORA, corpus.name, name, 'meta.json');
      if (!existsSync(meta)) continue;
      const { pageUrl } = JSON.parse(readFileSync(meta, 'utf8')) as { pageUrl?: string };
      const host = pageUrl && URL.canParse(pageUrl) ? new URL(pageUrl).hostname.toLowerCase() : '';
      if (host) hosts.add(host);
    }
  }
  return [...hosts];
}

/** The part of a host a rule would name: "en.blog.wordpress.com" → "wordpress.com", "www.bbc.co.uk" → "bbc.co.uk". */
function registrable(host: string): string {
  const labels = host.replace(/\.$/, '').split('.');
  const second = labels.at(-2) ?? '';
  const keep = labels.length > 2 && labels.at(-1)!.length === 2 && /^(co|com|org|net|ac|gov|ne|or|edu)$/.test(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Where `text` names `domain` as a whole host ("x.com" is not in "index.com", nor "bbc.co.uk" in "bbc.co.uks"). */
function mentions(text: string, domain: string): boolean {
  const escaped = domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-]|\\.[a-z])`, 'i').test(text);
}

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? ruleFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('capture rules name no site of the corpora', () => {
  const committed = committedHosts();

  it('keeps the committed host list', () => {
    expect(committed.length).toBeGreaterThan(400);
  });

  it.runIf(CORPORA)('the committed list holds every host of the corpora on this machine', () => {
    const known = new Set(committed);
    expect(corpusHosts().filter((host) => !known.has(host))).toEqual([]);
  });

  it('no capture source file mentions a corpus host', () => {
    const domains = [...new Set([...committed, ...corpusHosts()].map(registrable))];
    const found: string[] = [];
    for (const file of ruleFiles(DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const domain of domains) if (mentions(text, domain)) found.push(`${file.slice(DIR.length + 1)}: ${domain}`);
    }
    expect(found).toEqual([]);
  });

  it('matches whole hosts only', () => {
    expect(registrable('en.blog.wordpress.com')).toBe('wordpress.com');
    expect(registrable('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(mentions('the host "Medium.com" alone', 'medium.com')).toBe(true);
    expect(mentions('see index.com.au', 'index.com')).toBe(false);
    expect(mentions('my-medium.com', 'medium.com')).toBe(false);
  });
});
