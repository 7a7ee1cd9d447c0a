import { describe, expect, it } from 'vitest';
import { sectionIdFor } from './section-id';
import { Section } from './settings';

describe('sectionIdFor', () => {
  it.each([
    ['Articles', 'articles'],
    ['Tools & Tips', 'tools-tips'],
    ['  Hello   World  ', 'hello-world'],
    ['Café Déjà Vu', 'cafe-deja-vu'],
    ['Naïve Über Ideas', 'naive-uber-ideas'],
    ['2026 Picks!', '2026-picks'],
    ['--Outages--', 'outages'],
  ])('turns %j into %j', (name, id) => {
    expect(sectionIdFor(name, [])).toBe(id);
  });

  it.each(['', '   ', '!!!', '日本語', '🔥'])('falls back to "section" for %j', (name) => {
    expect(sectionIdFor(name, [])).toBe('section');
  });

  it('adds a number to stay unique among the taken ids', () => {
    expect(sectionIdFor('Tools & Tips', ['tools-tips'])).toBe('tools-tips-2');
    expect(sectionIdFor('Tools & Tips', ['tools-tips', 'tools-tips-2', 'tools-tips-3'])).toBe('tools-tips-4');
    expect(sectionIdFor('', ['section'])).toBe('section-2');
    expect(sectionIdFor('Articles', ['outages', 'articles-2'])).toBe('articles');
  });

  it('always makes a valid section id that is not taken', () => {
    const names = ['Articles', 'A'.repeat(200), `${'word '.repeat(30)}end`, 'Ünïcödé', '', '-', 'Outages & Incidents (weekly)'];
    const taken: string[] = [];
    for (const name of [...names, ...names]) {
      const id = sectionIdFor(name, taken);
      expect(taken).not.toContain(id);
      expect(Section.shape.id.safeParse(id).success, `id ${id} for ${name}`).toBe(true);
      taken.push(id);
    }
  });

  it('keeps long names to a readable length', () => {
    expect(sectionIdFor('x'.repeat(500), []).length).toBeLessThanOrEqual(48);
  });
});
