const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `text` made literal in HTML text or in a quoted attribute value (all five of & < > " ' are
 * replaced). This is escaping, not sanitising: every page value goes through it, so a title such as
 * `<img src=x onerror=alert(1)>` prints as those characters and can never become markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
