import MarkdownIt from 'markdown-it';
import { editorMarkdown } from './page-text';
import { linkHref, webHref } from './safe-url';

// The worst place the Markdown export could be pasted into: a CommonMark renderer that passes raw
// HTML through and links any URL. What it finds in the editor's Markdown decides what is escaped.
const permissive = new MarkdownIt({ html: true, linkify: false });
permissive.validateLink = () => true;
type Token = ReturnType<typeof permissive.parse>[number];

/** True when a renderer could make markup or a link that fails the safe-URL check out of `source`. */
function unsafe(source: string): boolean {
  const check = (tokens: readonly Token[]): boolean =>
    tokens.some(
      (token) =>
        token.type === 'html_block' ||
        token.type === 'html_inline' ||
        (token.type === 'link_open' && linkHref(String(token.attrGet('href') ?? '')) === null) ||
        (token.type === 'image' && webHref(String(token.attrGet('src') ?? '')) === null) ||
        (token.children !== null && check(token.children)),
    );
  return check(permissive.parse(source, {}));
}

// `<` opening a tag, closing tag, comment, processing instruction or declaration; an autolink
// (`<scheme:…>`) is caught here too and kept below when its URL passes the check.
const HTML_START = /^<[a-z/!?]/i;
const AUTOLINK = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i;
// `](` that opens an inline link's destination: `<…>` or a run without spaces (balanced parentheses).
const LINK_DESTINATION = /^\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\((?:[^\s()])*\))*)/;
// Fenced code blocks (``` or ~~~), and code spans: nothing in code is read as HTML or a link.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Backslash-escapes what would become raw HTML or an unsafe link in one line outside code blocks, skipping code spans. */
function escapeLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length;) {
    const rest = line.slice(i);
    const ticks = /^`+/.exec(rest)?.[0];
    if (ticks) {
      const close = rest.indexOf(ticks, ticks.length);
      const end = close === -1 ? ticks.length : close + ticks.length;
      out += rest.slice(0, end);
      i += end;
      continue;
    }
    if (HTML_START.test(rest)) {
      const autolink = AUTOLINK.exec(rest);
      if (autolink && linkHref(autolink[1]!)) {
        out += autolink[0];
        i += autolink[0].length;
        continue;
      }
      out += '\\<';
      i += 1;
      continue;
    }
    const destination = rest.startsWith('](') ? LINK_DESTINATION.exec(rest) : null;
    if (destination) {
      const url = destination[1]!.replace(/^<|>$/g, '');
      out += linkHref(url) ? '](' : ']\\(';
      i += 2;
      continue;
    }
    out += rest[0];
    i += 1;
  }
  return out;
}

/** Every `<`, `[` and `]` escaped: no tag, autolink, link or reference can be made, whatever else the text holds. */
const escapeAll = (source: string) => source.replace(/[<[\]]/g, '\\$&');

/**
 * The editor's Markdown (a summary, the sponsor message) for the Markdown export: as written, except
 * that raw HTML (`<script>`, `<img onerror>`, `<iframe>`, comments) and links whose URL fails the
 * safe-URL check (`javascript:`, `data:`, relative) are backslash-escaped, so they print as the very
 * characters typed wherever the export is pasted, even into a renderer that passes HTML through.
 * Code spans and fenced blocks are left alone (a `<div>` in code is already text). What a
 * permissive CommonMark parser still finds unsafe after that (a reference definition to
 * `javascript:`, some nesting this scanner does not follow) falls back to escaping every `<`, `[`
 * and `]`: the links of that one summary are lost, never its safety.
 */
export function safeEditorMarkdown(text: string): string {
  const source = editorMarkdown(text);
  if (!unsafe(source)) return source;
  let fence: string | undefined;
  const escaped = source
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && !line.slice(line.indexOf(marker) + marker.length).trim())
          fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return escapeLine(line);
    })
    .join('\n');
  return unsafe(escaped) ? escapeAll(source) : escaped;
}
