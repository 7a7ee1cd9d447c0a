// Vitest setup: the core's messages come from the English catalogue, and a key it lacks fails the test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Catalogue, catalogueMessage } from '../src/i18n/catalogue';
import { useMessageSource } from '../src/i18n/messages';

export const ENGLISH = Catalogue.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'public', '_locales', 'en', 'messages.json'), 'utf8')),
);

useMessageSource({
  language: 'en',
  message: (key, substitutions) => catalogueMessage(ENGLISH, key, substitutions),
  missing: (key) => {
    throw new Error(`No message "${key}" in public/_locales/en/messages.json`);
  },
});
