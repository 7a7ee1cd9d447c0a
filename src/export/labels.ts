// The few words the exports print themselves, shared so Markdown and HTML say the same thing.
import { t } from '../i18n/messages';

/** The words of the link from a quote to its passage on the page (a text-fragment link). */
export const quoteLinkText = () => t('exportInContext');

/** Printed for an entry with neither a title nor a usable URL, so an entry is never an empty line. */
export const untitled = () => t('exportUntitled');
