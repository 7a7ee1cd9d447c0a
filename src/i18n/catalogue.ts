import { z } from 'zod';

/** One entry of a `_locales/<language>/messages.json`, as the browsers read it. */
const CatalogueEntry = z.object({
  message: z.string().min(1),
  description: z.string().optional(),
  placeholders: z.record(z.string(), z.object({ content: z.string(), example: z.string().optional() })).optional(),
});
export const Catalogue = z.record(z.string().regex(/^[A-Za-z0-9_@]+$/), CatalogueEntry);
export type Catalogue = z.infer<typeof Catalogue>;

/**
 * `i18n.getMessage` over a catalogue, as Chromium and Firefox do it: `$name$` placeholders (names
 * case-insensitive) become their `content`, then `$1`…`$9` the substitutions, and `$$` a `$`; '' for
 * an unknown key. Used where there is no browser (unit tests, Node scripts); the extension asks the
 * browser, which reads the same file.
 */
export function catalogueMessage(catalogue: Catalogue, key: string, substitutions: readonly string[]): string {
  const entry = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  if (!entry) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const withPlaceholders = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return withPlaceholders.replace(/\$(?:([1-9])|(\$+))/g, (_whole, index: string | undefined, dollars: string | undefined) =>
    index ? (substitutions[Number(index) - 1] ?? '') : dollars!,
  );
}
