// The few words the exports print themselves, shared so Markdown and HTML say the same thing.

/** The words of the link from a quote to its passage on the page (a text-fragment link). */
export const QUOTE_LINK_TEXT = 'in context';

/** Printed for an entry with neither a title nor a usable URL, so an entry is never an empty line. */
export const UNTITLED = '(untitled)';
