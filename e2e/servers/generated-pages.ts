/**
 * Hostile pages too big to keep as files, generated on request by the article server (and by the
 * hostile-page benchmark, bench/hostile.ts). Deterministic: the same bytes on every call.
 */

const WORDS =
  'incident latency rollback deploy pager budget error queue replica failover region cache shard quorum timeout retry backoff alert runbook postmortem capacity traffic saturation dashboard'.split(
    ' ',
  );

/** `count` words of filler prose, the same for the same `seed`. */
function prose(seed: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `${i ? ' ' : ''}${WORDS[(seed * 7 + i * 13) % WORDS.length]}`;
  return `${out[0]!.toUpperCase()}${out.slice(1)}.`;
}

/** The big page's title as its metadata declares it (the capture must keep it). */
export const HUGE_DOM_TITLE = 'What a five megabyte page taught us about capture';

/**
 * A page whose DOM is about 5 MB of HTML (some 76,000 elements): site navigation with 3,000
 * links, a long article of formatted paragraphs, and a comment thread of 6,000 comments, each
 * with its author, date and reply links. Real pages of this size exist (long live blogs, forum
 * threads, docs on one page); capturing one must not freeze it.
 */
export function hugeDomPage(): string {
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${HUGE_DOM_TITLE} | Huge Times</title>`,
    `<meta property="og:title" content="${HUGE_DOM_TITLE}"><meta property="og:site_name" content="Huge Times">`,
    '</head><body><header><nav class="site-nav"><ul>',
  ];
  for (let i = 0; i < 3000; i++) parts.push(`<li><a href="/topics/${i}" class="nav-link">Topic ${i}</a></li>`);
  parts.push(
    '</ul></nav></header><main><article class="post"><h1>',
    HUGE_DOM_TITLE,
    '</h1><p class="byline">By <a rel="author" href="/authors/jane-roe">Jane Roe</a></p><time datetime="2026-03-02T09:00:00Z">2 March 2026</time>',
  );
  for (let i = 0; i < 2000; i++) {
    parts.push(
      `<p>${prose(i, 30)} <a href="/notes/${i}">note ${i}</a> <em>${prose(i + 1, 6)}</em> <span class="aside">${prose(i + 2, 10)}</span></p>`,
    );
  }
  // A data table of 40,000 cells after the article, as incident timelines and status histories have.
  parts.push('<table class="timeline"><tbody>');
  for (let i = 0; i < 8000; i++)
    parts.push(
      `<tr><td>${i}</td><td><time datetime="2026-03-02">09:${i % 60}</time></td><td>ok</td><td><b>${i % 7}</b></td><td>·</td></tr>`,
    );
  parts.push('</tbody></table>');
  parts.push('</article><section class="comments"><h2>Comments</h2><ol class="comment-list">');
  for (let i = 0; i < 5000; i++) {
    parts.push(
      `<li class="comment" id="c${i}"><div class="comment-meta"><span class="comment-author">reader${i}</span> <time datetime="2026-03-0${1 + (i % 9)}T10:00:00Z">March ${1 + (i % 9)}</time></div>`,
      `<div class="comment-body"><p>${prose(i, 40)}</p></div><div class="comment-actions"><a href="#c${i}">Link</a> <a href="/reply/${i}">Reply</a> <button>Like</button></div></li>`,
    );
  }
  parts.push('</ol></section></main><footer><p>All rights reserved.</p></footer></body></html>');
  return parts.join('\n');
}

/** The title of the page that holds a 2.4 MB text. */
export const HUGE_TEXT_TITLE = 'The whole incident log, on one page';

/**
 * A page of about 2.4 million characters of text in 12,000 paragraphs inside `#log`: selecting
 * it (select all) gives a selection far over the quote's 20,000 characters.
 */
export function hugeTextPage(): string {
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${HUGE_TEXT_TITLE}</title>`,
    '</head><body><article id="log"><h1>',
    HUGE_TEXT_TITLE,
    '</h1>',
  ];
  // Each paragraph is 200 characters of text: 12,000 of them are 2.4 million.
  for (let i = 0; i < 12000; i++)
    parts.push(`<p>${`Entry ${String(i).padStart(5, '0')}: ${prose(i, 40)}`.padEnd(199, '.').slice(0, 199)}</p>`);
  parts.push('</article></body></html>');
  return parts.join('\n');
}
