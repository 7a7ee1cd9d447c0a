/**
 * The part of a draft the extension owns. It is one Custom HTML block (valid in every WordPress
 * version, so the block editor never "repairs" it), fenced by comments naming the issue. Everything
 * outside the fence belongs to the editor and is never changed, byte for byte.
 */
const BEGIN = (issueId: string) =>
  `<!-- wp:html -->\n<!-- newsletter-clipper:managed issue="${issueId}" (written by Newsletter Clipper: edit the clippings in the extension, not here) -->\n`;
const END = '\n<!-- /newsletter-clipper:managed -->\n<!-- /wp:html -->';
const BEGIN_PATTERN = /<!-- wp:html -->\s*<!-- newsletter-clipper:managed issue="([^"]+)"[^>]*-->/;
const END_MARK = '<!-- /newsletter-clipper:managed -->';
const END_PATTERN = /<!-- \/newsletter-clipper:managed -->\s*<!-- \/wp:html -->/;

/** The marker text for an issue's region, for finding a draft by search before creating one. */
export function regionMarker(issueId: string): string {
  return `newsletter-clipper:managed issue="${issueId}"`;
}

/** The whole managed region for an issue's rendered HTML. */
export function renderRegion(issueId: string, html: string): string {
  // The export never emits the end mark, but a summary could quote it: break it so the fence holds.
  return `${BEGIN(issueId)}${html.trim().split(END_MARK).join('<!-- / newsletter-clipper:managed -->')}${END}`;
}

export interface FoundRegion {
  issueId: string;
  start: number;
  end: number;
  text: string;
}

/** The managed region in a draft's raw content, or undefined when the editor removed it. */
export function findRegion(content: string): FoundRegion | undefined {
  const begin = BEGIN_PATTERN.exec(content);
  if (!begin) return undefined;
  const rest = content.slice(begin.index);
  const end = END_PATTERN.exec(rest);
  if (!end) return undefined;
  const stop = begin.index + end.index + end[0].length;
  return { issueId: begin[1]!, start: begin.index, end: stop, text: content.slice(begin.index, stop) };
}

/**
 * The draft's content with the managed region replaced by `region`; text before and after it is
 * kept exactly. A draft without a region (a new post, or the editor deleted it) gets it appended.
 */
export function replaceRegion(content: string, region: string): string {
  const found = findRegion(content);
  if (!found) return content.trim() ? `${content.replace(/\s*$/, '')}\n\n${region}\n` : `${region}\n`;
  return content.slice(0, found.start) + region + content.slice(found.end);
}

/**
 * True when the region on the server is neither what we last wrote there nor what we are about to
 * write: someone edited it. Decided on the region's own text, not the server's modification time
 * (WordPress's has one-second resolution, so an edit in the same second would slip by), and a retry
 * of our own write whose answer was lost (the server already holds `next`) is not a conflict.
 */
export async function regionEditedSince(
  remote: string | undefined,
  previous: { regionHash: string; pendingRegionHash?: string | undefined },
  next: string,
): Promise<boolean> {
  if (remote === next) return false;
  const hash = await regionHash(remote ?? '');
  // What we last wrote, or what we were writing when the answer was lost: ours either way.
  return hash !== previous.regionHash && hash !== previous.pendingRegionHash;
}

/** A SHA-256 of a region's text (hex), to notice an edit made inside it on the server. */
export async function regionHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text.replace(/\r\n/g, '\n')));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
