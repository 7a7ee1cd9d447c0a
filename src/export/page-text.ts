// Text taken from a page (titles, bylines, site names, quotes) may hold newlines, tabs and control
// characters. In an export a stray newline would end the heading or link it sits in and start a new
// Markdown block, so every page value is folded onto one line before it is escaped.

// C0 controls and DEL, but not tab/newline/carriage return (those become spaces below).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** `text` on one line: runs of whitespace (newlines included) become one space; control characters go. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Plain text split into paragraphs at blank lines, each folded with {@link oneLine}; empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map(oneLine)
    .filter(Boolean);
}

/** The editor's Markdown with Windows/Mac line endings made `\n` and outer blank lines trimmed; otherwise as typed. */
export function editorMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}
