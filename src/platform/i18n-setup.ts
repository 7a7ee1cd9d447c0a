// Imported first by every entry point (background, popup, options, desk): the core's t() and plural()
// read the browser's catalogue for the editor's language (_locales/, English where a language lacks a key).
import browser from 'webextension-polyfill';
import { useMessageSource } from '../i18n/messages';

useMessageSource({
  language: browser.i18n.getUILanguage(),
  message: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
  missing: (key) => {
    console.error(`newsletter-clipper: no message "${key}" in _locales`);
    return key;
  },
});
