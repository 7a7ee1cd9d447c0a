import { looksLikeUrl, looseKey, squash, wordSet as set } from './text';

/**
 * Turning raw author strings ("By JANE DOE, Staff Writer · Updated March 3") into the names the
 * newsletter prints (["Jane Doe"]; "A and B" is ["A", "B"]; the exports join them in their language).
 *
 * Word lists are Sets of lower-case words, not regular expressions: a 40-word alternation with
 * `\b` and `/i` costs ~0.4 ms to compile on its first use, and capture runs cold in every page.
 */
/** Words that introduce a byline ("By", "Von", "Par") and labels written before a colon. */
const BY = set('by von par por di door av af from');
/** Verbs before "by" ("Written by", "Escrito por", "Geschrieben von", "Scritto da": Italian "da" counts only after a verb). */
const LEAD_VERB = set(
  'written posted published reported words story text photos photo interview compiled edited updated escrito escrita geschrieben écrit écrite scritto scritta geschreven skrevet skriven',
);
const LABEL = set(
  'author authors author(s) autor autorin autoren autora autores auteur auteurs autore autori auteur(s) byline text texto testo tekst words автор авторы yazar kirjoittaja författare forfatter 著者 作者 筆者 記者 记者 撰文 イラスト 翻訳 翻訳者 訳者 译者 编辑 編集 編輯 기자 글 写真 撮影',
);

/** Interface words that byline-like markup sometimes holds instead of a name. */
const NOT_A_NAME = set(
  'my subscribe follow share comment comments newsletter menu search home privacy cookie cookies profile login logout signin signup anmelden abonnieren teilen advertisement advertising sponsored bio 留言 评论 評論 分享 订阅 訂閱 登录 登入 注册 註冊 首页 首頁 相簿 部落格 コメント シェア ログイン ホーム 댓글 공유 구독 로그인',
);
/** Navigation entries: a byline-like list that holds one of them is a menu, not a byline. */
const MENU = set('home menu search login comments guestbook album 留言 相簿 首页 首頁 ホーム 댓글');
const NOT_A_NAME_PHRASE = /sign (?:in|up|out)|log (?:in|out)|read more|all posts|posts by|more stories/;

/**
 * Job titles and desk names that follow a name ("Jane Doe, Staff Writer"); also matched with a
 * plural "s" or the German feminine "-in" ("Redakteurin").
 */
const ROLE = set(
  'staff senior contributing special chief deputy managing executive associate guest freelance political science technology tech business sport foreign national investigative data news feature opinion correspondent writer reporter editor columnist contributor producer analyst critic journalist photographer intern redakteur korrespondent autor redaktion mitarbeiter',
);
const isRole = (word = '') => {
  const w = word.toLowerCase();
  return ROLE.has(w) || ROLE.has(w.replace(/(s|in)$/, ''));
};

/** Words after which a byline continues with dates, reading times or links ("Updated March 3"). */
const STOP = set('updated edited reviewed published posted aktualisiert veröffentlicht erschienen follow email e-mail twitter last view');
/** Words a cut leaves hanging before the date it removed ("… on Tuesday, March"): month and weekday names, "on", "am". */
const HANGING =
  /^(?:on|am|at|um|the|le|el|(?:jan|feb|m[aä]r|apr|ma[yi]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|mon|tue|wed|thu|fri|sat|sun|die|mit|don|fre|sam|son)[a-zäé]*)$/;
const hanging = (word: string) => HANGING.test(word);

const bare = (word: string) => word.toLowerCase().replace(/[.,:;]+$/, '');

/**
 * Labels and roles written around a name in Chinese, Japanese and Korean: before it ("著者：", "记者 ",
 * "文／", "기자 ") with a colon, slash or space after the label, or after it ("Eric Freeman 著",
 * "木下 哲也 訳", "홍길동 기자") with a space before the role. A label glued to the name is left
 * alone: "文在寅" is a name.
 */
const CJK_LABEL =
  /^(?:本[报報]?)?(?:著者|作者|筆者|执笔|執筆|撰文|撰稿|文字?|文・写真|文と写真|写真|撮影|摄影|イラスト|翻訳者?|訳者|译者|翻[译譯]|编辑|編集|編輯|责任编辑|責任編輯|記者|记者|特派員|特派员|기자|글|취재|사진)\s*[：:／/|]\s*|^(?:著者|作者|筆者|記者|记者|撰文|イラスト|翻訳者?|訳者|译者|기자|글)\s+/;
const CJK_ROLE = /\s+(?:著|訳|監訳|监译|編|編著|共著|作|文|絵|画|写真|撮影|记者|記者|特派員|特派员|编译|編譯|기자|특파원|글)$/;

/** Drop "By", "Written by", "Author:", "著者：" from the start. */
function dropLeadIn(text: string): string {
  const words = text.replace(CJK_LABEL, '').split(' ');
  const first = bare(words[0]!);
  const second = bare(words[1] ?? '');
  const skip =
    LEAD_VERB.has(first) && (BY.has(second) || second === 'da')
      ? 2
      : BY.has(first) || (LABEL.has(first) && words[0]!.endsWith(':'))
        ? 1
        : 0;
  return words.slice(skip).join(' ').replace(/^:\s*/, '');
}

/** Cut what follows the name: a separator, a stop word, or the first word with a digit (dates, times, "5 min read"). */
function dropTail(text: string): string {
  const words = text.split(/\s*[|·•—–]\s*|\s-\s/)[0]!.split(' ');
  let end = words.findIndex((w, i) => STOP.has(bare(w)) || /\d/.test(w) || (bare(w) === 'more' && /^(from|by)$/i.test(words[i + 1] ?? '')));
  if (end < 0) end = words.length;
  else while (end > 0 && hanging(bare(words[end - 1]!))) end--;
  return words.slice(0, end).join(' ');
}

function titleCaseIfShouting(name: string): string {
  // Keep the page's capitalisation unless the whole name is upper case (a CSS-less "JANE DOE").
  // Single words stay as written: "AFP", "TMZ" are agencies, not shouting.
  if (name !== name.toUpperCase() || name === name.toLowerCase() || !name.includes(' ')) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])([^\s'’-])/g, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** Strong separators between the pieces of a byline. */
const SEGMENT = /\s+(?:[|·•—–/]|--?)\s+|\s*\|\s*|\n/;

/** Lower-case particles allowed inside a capitalised name ("Ludwig van Beethoven"). */
const PARTICLE = set('van von der den de da del di du la le bin al y zu ten ter');

function namesIn(segment: string, siteKey: string, strict: boolean): string[] {
  let text = segment.replace(/^[\s|·•—–-]+/, '');
  // A counter in brackets ("Comments (12)", "人氣( 23925 )") is interface text, not a name and a note.
  if (!text || looksLikeUrl(text) || /\(\s*[\d,.]+\s*\)/.test(text)) return [];
  // "Wednesday, January 18, 2017 by Juli Clover": the name follows the last "by".
  const after = /\s(?:by|von)\s+(\S.*)$/i.exec(text);
  if (after && /\d/.test(text.slice(0, after.index))) text = after[1]!;
  // A bureau or note in brackets after a name: "Jane Doe (Bruxelles)", "(with inputs from Agencies)".
  text = dropLeadIn(dropTail(dropLeadIn(text))).replace(/\s*\([^()]*\)?\s*(?=[,;]|$)/g, '');
  // "Doe, Jane", "Jong, Michiel de", "Kooman, F." (citation and some CMS author fields): a
  // one-word surname, one comma, then given names or initials.
  const inverted = /^([^\s,]+),\s*([^\s,]+(?: [^\s,]+){0,2})$/.exec(text);
  if (inverted) text = `${inverted[2]} ${inverted[1]}`;
  const names: string[] = [];
  // "and" joins two names only when a capital follows: "Zone Justice et faits divers" is one desk.
  // "、" and "，" separate names in Chinese and Japanese, as does a role label between two names ("A イラスト B").
  for (const part of text.split(
    /\s*[,;、，]\s*|\s+(?:イラスト|翻訳者?|訳者|译者|写真|撮影|摄影)\s+|\s+(?:[Aa]nd|AND|[Uu]nd|UND|[Ee]t|ET|[yY]|[Ww]ith|WITH|[Mm]it|MIT|&)\s+(?![a-zß-ÿ])/,
  )) {
    const name = cleanName(part, siteKey, strict);
    if (name) names.push(name);
  }
  return names;
}

/** Clean one name; undefined if it is not a plausible person or organisation name. */
function cleanName(raw: string, siteKey: string, strict: boolean): string | undefined {
  const name = dropLeadIn(
    squash(raw)
      .replace(/\S+@\S+\.\S+|(^|\s)@\w+/g, '')
      // Brackets around the whole byline ("[山田太郎，ITmedia]", "【記者 山田】") and a CJK role after the name.
      .replace(/^[\s:,;|·•–—[【「『-]+|[\s:,;|·•–—\]】」』-]+$/g, '')
      .replace(CJK_ROLE, ''),
  ).trim();
  const words = name.split(' ');
  const lower = words.map(bare);
  if (!name || name.length > 60 || words.length > 6 || looksLikeUrl(name) || !looseKey(name) || /\d/.test(name)) return undefined;
  if (
    lower.some((w) => NOT_A_NAME.has(w)) ||
    NOT_A_NAME_PHRASE.test(lower.join(' ')) ||
    (words.length === 1 && (BY.has(lower[0]!) || LABEL.has(lower[0]!) || hanging(lower[0]!)))
  )
    return undefined;
  // "Staff Writer", "Senior Editor", "Redaktion": a role, not a person ("Chris Writer", "AOL Staff" are kept).
  if (isRole(words[0]) && (words.length <= 3 || isRole(words[words.length - 1]))) return undefined;
  // Degrees after a comma ("Jane Doe, MA", "John Roe, PhD") are not a second author.
  if (/^(M\.?[AD]|Ph\.?D|MPH|RN|MBA|MSc|DDS)\.?$/.test(name)) return undefined;
  if (siteKey && looseKey(name) === siteKey) return undefined;
  // Capitalised words; scripts without case (中村 真子) and "(R.J.)" pass as they are.
  if (strict && !words.every((w, i) => w[0] === w[0]!.toUpperCase() || PARTICLE.has(lower[i]!))) return undefined;
  // "松 村 太 郎": a name in a caseless script, one character per element, reads as one word.
  return /^\p{Lo}( \p{Lo})+$/u.test(name) ? name.replace(/ /g, '') : titleCaseIfShouting(name);
}

/**
 * Clean raw author strings into the authors' names, or undefined when nothing name-like is left.
 * `strict` (for text found in the page, not in metadata) requires capitalised words.
 * Never returns a URL or the site name.
 */
export function cleanAuthors(raws: string[], siteName = '', strict = false): string[] | undefined {
  // Several links, one of them a navigation entry ("Blog name", "Guestbook"): a menu, not a byline.
  if (strict && raws.length > 1 && raws.some((raw) => MENU.has(bare(squash(raw).trim())))) return undefined;
  const siteKey = looseKey(siteName);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws.slice(0, 20)) {
    // A byline is often several pieces ("By | Jane Doe | Staff Writer | Updated March 3"):
    // the first piece that yields a name wins.
    for (const segment of squash(raw).split(SEGMENT)) {
      const found = namesIn(segment, siteKey, strict);
      for (const name of found) {
        const key = looseKey(name);
        if (key && !seen.has(key)) names.push(name);
        seen.add(key);
      }
      if (found.length) break;
    }
  }
  return names.length ? names.slice(0, 8) : undefined;
}
