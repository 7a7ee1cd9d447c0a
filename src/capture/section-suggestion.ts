import type { JsonLdFacts } from './json-ld';
import { queryBounded } from './bounded-query';
import { squash } from './text';

/**
 * Recognising outage pages, which the newsletter files under *Outages* with the company's name
 * as the link text ("GitHub", "Example Cloud"). No peer extractor does this; it saves the editor
 * a step for every outage.
 */

/** Markup of Atlassian Statuspage (and look-alikes): incident pages and status overviews. */
const STATUSPAGE_MARKUP =
  '.incident-updates-container,.incident-name,.page-status,.components-container,.unresolved-incidents,a[href*="statuspage.io"]';

/** Titles of incident write-ups in English and German. */
const INCIDENT_TITLE =
  /post[- ]?mortem|post[- ]incident|incident (report|review|analysis|summary|retrospective|with)|outage (report|summary|review)|root[- ]cause analysis|störungsbericht|vorfallsbericht/i;

/** True for `status.example.com`, `example.statuspage.io`, `examplestatus.com`, `status-example.com`. */
export function isStatusHost(host: string): boolean {
  return /^status[.-]|\.status(page)?\.io$|^(www\.)?[\w-]*status\.[a-z]{2,}$/i.test(host);
}

/**
 * `outages` when the page is a status page or an incident report, else undefined (the UI then
 * uses its first section).
 */
export function suggestSection(doc: Document, host: string, title: string, ld: JsonLdFacts): string | undefined {
  if (isStatusHost(host)) return 'outages';
  if (doc.documentElement && queryBounded(doc.documentElement, STATUSPAGE_MARKUP, 1).length) return 'outages';
  if (INCIDENT_TITLE.test(title)) return 'outages';
  if (ld.types.has('report') && /\bincident|outage|postmortem\b/i.test(title)) return 'outages';
  return undefined;
}

const COMPANY_SUFFIX =
  /\s*[-–—|:·]?\s*\b(system status|service status|status ?page|status|engineering blog|engineering|tech(nology)? blog|blog|incident reports?|incidents|news(room)?|trust center)\s*$/i;

/**
 * The company an outage page is about, as the newsletter's *Outages* entries name it.
 * Rule: take the publication's name (the statuspage's page name, og:site_name, publisher)
 * and drop trailing words that describe the page rather than the company ("Status",
 * "System Status", "Engineering Blog", "Blog"); without a usable name, take the host's
 * main label ("status.example-cloud.com" → "Example-cloud"), never "Status".
 */
export function companyName(siteName: string | undefined, host: string): string | undefined {
  let name = squash(siteName ?? '');
  if (name && !/\./.test(name)) {
    for (let i = 0; i < 3 && COMPANY_SUFFIX.test(name); i++) name = name.replace(COMPANY_SUFFIX, '').trim();
    if (name) return name;
  }
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.')
    .filter((label) => !/^(status|www|m)$/.test(label));
  // The label before the public suffix: example-cloud in status.example-cloud.com, acme in acme.statuspage.io.
  const main = /statuspage|status\.io/.test(host) ? labels[0] : labels.length >= 2 ? labels[labels.length - 2] : labels[0];
  const cleaned = main?.replace(/status$/, '');
  return cleaned ? cleaned[0]!.toUpperCase() + cleaned.slice(1) : undefined;
}
