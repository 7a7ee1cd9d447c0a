import { HAS_LETTER, looksLikeUrl, looseKey, squash } from './text';

/**
 * Turning raw author strings ("By JANE DOE, Staff Writer · Updated March 3") into the names the
 * newsletter prints ("Jane Doe"; "A and B"; "A, B and C").
 */

/** Words that introduce a byline, in the languages of the pages we see most. */
const LEAD_IN = /^(?:(?:written|posted|published|reported|words|story|text|photos?|interview|compiled|edited|updated)\s+)?(?:by|von|par|por|di|door|av|af|from)\s*:?\s+|^(?:authors?|autor(?:in|en)?|auteur|author\(s\)|byline|text|written by)\s*:\s*/i;

/** A lead-in word left alone ("By" in its own element). */
const BARE_LEAD_IN = /^(?:by|von|par|por|door|written by|posted by|author|authors|autor|autorin|text|words)$/i;

/** Interface words that byline-like markup sometimes holds instead of a name. */
const NOT_A_NAME = /\b(?:sign\s?(?:in|up|out)|log\s?(?:in|out)|subscribe|follow|share|comments?|advertis\w*|newsletter|menu|search|home|privacy|cookies?|profile|read more|all posts|posts by|more stories|anmelden|abonnieren|teilen)\b/i;

/** Job titles and desk names that follow a name ("Jane Doe, Staff Writer"). */
const ROLE = /\b(?:staff|senior|contributing|special|chief|deputy|managing|executive|associate|guest|freelance|political|science|technology|tech|business|sports?|foreign|national|investigative|data|news|features?|opinion|correspondent|writer|reporter|editor|columnist|contributor|producer|analyst|critic|journalist|photographer|intern|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|redaktion|mitarbeiter(?:in)?)s?\b/i;

/** Things that end a byline: dates, "Updated …", reading times, social links. */
const TAIL = /\s*(?:[|·•—–]|\s-\s|\b(?:updated|published|posted|last\s+modified|aktualisiert|veröffentlicht|erschienen|read(?:ing)?\s+time|min(?:ute)?s?\s+read|follow|email|e-mail|twitter|view\s+(?:all\s+)?(?:posts|articles|profile)|more\s+(?:from|by))\b|\bon\s+(?:[a-zà-ÿ]+\s+)?\d|\bam\s+\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}).*$/i;

const NAME_SPLIT = /\s*(?:,|;|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\bwith\b|\bmit\b)\s*/i;

function titleCaseIfShouting(name: string): string {
  // Keep the page's capitalisation unless the whole name is upper case (a CSS-less "JANE DOE").
  // Single words stay as written: "AFP", "TMZ" are agencies, not shouting.
  if (name !== name.toUpperCase() || name === name.toLowerCase() || !name.includes(' ')) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])([^\s'’-])/g, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** Strong separators between the pieces of a byline. */
const SEGMENT = /\s+(?:[|·•—–/]|-{1,2})\s+|\s*\|\s*|\n/;

function namesIn(segment: string, siteKey: string, strict: boolean): string[] {
  let text = segment.replace(/^[\s|·•—–-]+/, '');
  if (!text || looksLikeUrl(text)) return [];
  // "Wednesday, January 18, 2017 by Juli Clover": the name follows the last "by".
  const after = /\s(?:by|von)\s+(\S.*)$/i.exec(text);
  if (after && /\d/.test(text.slice(0, after.index))) text = after[1]!;
  text = text.replace(LEAD_IN, '').replace(TAIL, '').replace(LEAD_IN, '');
  // "Doe, Jane" (citation and some CMS author fields): one comma between two single words.
  const inverted = /^([^\s,]+),\s*([^\s,]+)$/.exec(text);
  if (inverted) text = `${inverted[2]} ${inverted[1]}`;
  const names: string[] = [];
  for (const part of text.split(NAME_SPLIT)) {
    const name = cleanName(part, siteKey, strict);
    if (name) names.push(name);
  }
  return names;
}

/** Clean one name; undefined if it is not a plausible person or organisation name. */
function cleanName(raw: string, siteKey: string, strict: boolean): string | undefined {
  let name = squash(raw)
    .replace(/\S+@\S+\.\S+/g, '')
    .replace(/(^|\s)@\w+/g, '')
    .replace(/^[\s:,;|·•–—-]+|[\s:,;|·•–—-]+$/g, '');
  name = name.replace(LEAD_IN, '').trim();
  if (!name || BARE_LEAD_IN.test(name) || NOT_A_NAME.test(name) || name.length > 60 || looksLikeUrl(name) || !HAS_LETTER.test(name) || /\d/.test(name)) return undefined;
  const words = name.split(' ');
  // "Staff Writer", "Senior Editor", "Redaktion": a role, not a person ("Chris Writer" is kept).
  if (ROLE.test(words[0]!) && (words.length === 1 || ROLE.test(words[words.length - 1]!) || words.length <= 3)) return undefined;
  if (words.length > 6) return undefined;
  if (siteKey && looseKey(name) === siteKey) return undefined;
  if (strict && !words.every((w) => w[0] !== w[0]!.toLowerCase() || /^(?:['’(]|(?:van|von|der|den|de|da|del|di|du|la|le|bin|al|y|zu|ten|ter)$)/.test(w))) return undefined;
  return titleCaseIfShouting(name);
}

/** Join names the way the newsletter writes them: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Clean raw author strings into a byline, or undefined when nothing name-like is left.
 * `strict` (for text found in the page, not in metadata) requires capitalised words.
 * Never returns a URL or the site name.
 */
export function cleanByline(raws: string[], siteName = '', strict = false): string | undefined {
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
        if (!key || seen.has(key)) continue;
        seen.add(key);
        names.push(name);
      }
      if (found.length) break;
    }
  }
  return names.length ? joinNames(names.slice(0, 8)) : undefined;
}
