import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The content script (dist/capture.js) has a 10 KB gzipped budget and runs cold in every page,
 * so src/capture may import only its own modules: nothing from node_modules (normalize-url
 * alone was 2.5 KB) and no values from src/clip, whose schemas pull in zod (+50 KB). Types
 * from src/clip are fine (`import type` is erased).
 */
const DIR = import.meta.dirname;
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** Every import/export-from statement of a file, joined onto one line each. */
function importStatements(source: string): string[] {
  return [
    ...source.matchAll(
      /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"][^'"]+['"]|^\s*import\s*['"][^'"]+['"]|\bimport\s*\(\s*['"][^'"]+['"]\s*\)/gms,
    ),
  ].map((m) => m[0].replace(/\s+/g, ' ').trim());
}

describe('src/capture imports (content-script budget)', () => {
  it('reads the modules of the content script', () => {
    expect(files).toContain('content.ts');
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(`${file} imports only sibling modules and types`, () => {
      const statements = importStatements(readFileSync(resolve(DIR, file), 'utf8'));
      for (const statement of statements) {
        const specifier = /['"]([^'"]+)['"]\s*\)?$/.exec(statement)![1]!;
        expect(specifier, `${file}: ${statement}`).toMatch(/^\.\.?\//);
        expect(specifier, `${file}: ${statement}`).not.toMatch(/zod|node_modules/);
        if (!specifier.startsWith('./'))
          expect(statement, `${file}: only types may come from outside src/capture`).toMatch(/^(?:import|export) type\b/);
      }
    });
  }

  it('catches a forbidden import (self-check of the parser)', () => {
    expect(importStatements("import normalizeUrl from 'normalize-url';\nimport type { X } from '../clip/capture';")).toEqual([
      "import normalizeUrl from 'normalize-url'",
      "import type { X } from '../clip/capture'",
    ]);
  });
});
