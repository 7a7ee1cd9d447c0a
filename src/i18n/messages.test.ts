import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../test/i18n-setup';
import { Catalogue, catalogueMessage } from './catalogue';
import { listOf, plural, t, uiLanguage } from './messages';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The folders whose code shows words to the editor (the product's code, not its tests). */
const CODE_FOLDERS = ['src', 'popup', 'options', 'issue', 'background'];

function codeFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(ROOT, folder, file));
}

const code = CODE_FOLDERS.flatMap(codeFiles).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys passed to t('…') and plural('…') as literals, with the file that uses them. */
function calls(fn: 't' | 'plural'): { key: string; file: string }[] {
  const pattern = new RegExp(String.raw`(?<![\w.])${fn}\(\s*'([^']+)'`, 'g');
  return code.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((match) => ({ key: match[1]!, file })));
}

describe('the English catalogue (public/_locales/en/messages.json)', () => {
  it('is a valid catalogue with a description for each message', () => {
    expect(() => Catalogue.parse(ENGLISH)).not.toThrow();
    for (const [key, entry] of Object.entries(ENGLISH)) expect(entry.description, key).toBeTruthy();
  });

  it('has every key the code and the manifest use', () => {
    const missing = [
      ...calls('t').filter(({ key }) => !(key in ENGLISH)),
      ...calls('plural').filter(({ key }) => !(`${key}_other` in ENGLISH)),
      ...[...manifest.matchAll(/__MSG_(\w+)__/g)]
        .map((m) => ({ key: m[1]!, file: 'manifest.json' }))
        .filter(({ key }) => !(key in ENGLISH)),
    ];
    expect(missing).toEqual([]);
  });

  it('holds no message the code does not use', () => {
    const pluralBases = new Set(calls('plural').map(({ key }) => key));
    const everything = code.map(({ text }) => text).join('\n') + manifest;
    const unused = Object.keys(ENGLISH).filter((key) => {
      if (PLURAL_SUFFIX.test(key) && pluralBases.has(key.replace(PLURAL_SUFFIX, ''))) return false;
      return !everything.includes(`'${key}'`) && !everything.includes(`__MSG_${key}__`);
    });
    expect(unused).toEqual([]);
  });

  it('gives every plural message an `other` form, the fallback of every language', () => {
    const bases = Object.keys(ENGLISH)
      .filter((key) => PLURAL_SUFFIX.test(key))
      .map((key) => key.replace(PLURAL_SUFFIX, ''));
    for (const base of bases) expect(ENGLISH, base).toHaveProperty(`${base}_other`);
  });

  it('declares a placeholder for each substitution a message takes', () => {
    for (const [key, entry] of Object.entries(ENGLISH)) {
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      expect(
        named.filter((name) => !declared.includes(name)),
        key,
      ).toEqual([]);
    }
  });
});

describe('catalogueMessage reads a catalogue as the browsers do', () => {
  const catalogue: Catalogue = {
    hello: { message: 'Hello $WHO$, $1 costs $$5 ($count$)', placeholders: { who: { content: '$2' }, COUNT: { content: '$1 items' } } },
  };

  it('fills named placeholders (any case) and numbered substitutions, and writes $$ as $', () => {
    expect(catalogueMessage(catalogue, 'hello', ['3', 'Ada'])).toBe('Hello Ada, 3 costs $5 (3 items)');
  });

  it('answers an unknown key with an empty string', () => {
    expect(catalogueMessage(catalogue, 'nope', [])).toBe('');
    expect(catalogueMessage(catalogue, 'toString', [])).toBe('');
  });
});

describe('t, plural and listOf', () => {
  it('fail loudly in tests on a key the catalogue lacks', () => {
    expect(() => t('noSuchKey' as never)).toThrow(/noSuchKey/);
  });

  it('read the manifest words', () => {
    expect(t('extName')).toBe('Newsletter Clipper');
  });

  it('join names as the language does', () => {
    expect(uiLanguage()).toBe('en');
    expect(listOf(['Priya Raman'])).toBe('Priya Raman');
    expect(listOf(['Priya Raman', 'Tomás Ortega'])).toBe('Priya Raman and Tomás Ortega');
    expect(listOf(['A', 'B', 'C'], 'de')).toBe('A, B und C');
  });

  it('plural picks the form by count', () => {
    expect(typeof plural).toBe('function');
  });
});
