import type { CaptureSource } from '../src/clip/capture';
import { type MessageKey, t } from '../src/i18n/messages';

/** Where a value came from, in full words ("from OpenGraph tags"): the tooltip, and what a screen reader hears. */
const FROM: Record<CaptureSource, MessageKey> = {
  'json-ld': 'popupFromJsonLd',
  opengraph: 'popupFromOpenGraph',
  twitter: 'popupFromTwitter',
  meta: 'popupFromMeta',
  'dublin-core': 'popupFromDublinCore',
  highwire: 'popupFromHighwire',
  microdata: 'popupFromMicrodata',
  'canonical-link': 'popupFromCanonicalLink',
  'time-element': 'popupFromTimeElement',
  'byline-markup': 'popupFromByline',
  'page-text': 'popupFromPageText',
  'document-title': 'popupFromDocumentTitle',
  'html-lang': 'popupFromHtmlLang',
  url: 'popupFromUrl',
  host: 'popupFromHost',
  selection: 'popupFromSelection',
  tab: 'popupFromTab',
  link: 'popupFromLink',
  feed: 'popupFromFeed',
  editor: 'popupFromEditor',
};

/** Short names for the badge; the tooltip carries the full words (FROM). */
const SHORT: Partial<Record<CaptureSource, MessageKey>> = {
  'json-ld': 'popupSourceJsonLd',
  opengraph: 'popupSourceOpenGraph',
  twitter: 'popupSourceTwitter',
  meta: 'popupSourceMeta',
  'dublin-core': 'popupSourceDublinCore',
  highwire: 'popupSourceHighwire',
  microdata: 'popupSourceMicrodata',
  'canonical-link': 'popupSourceCanonicalLink',
  'time-element': 'popupSourceTimeElement',
  'byline-markup': 'popupSourceByline',
  'page-text': 'popupSourcePageText',
  'document-title': 'popupSourceDocumentTitle',
  'html-lang': 'popupSourceHtmlLang',
  url: 'popupSourceUrl',
  host: 'popupSourceHost',
  selection: 'popupSourceSelection',
  tab: 'popupSourceTab',
  link: 'popupSourceLink',
  feed: 'popupSourceFeed',
};

/** A small marker saying where a pre-filled value came from, so the editor knows what to double-check. */
export function SourceBadge({ source }: { source: CaptureSource }) {
  const label = t(FROM[source]);
  const short = SHORT[source];
  return (
    // The short name is for the eye; a screen reader hears the full words (an aria-label on a plain span is not announced).
    <span class="source" title={label} data-source={source}>
      <span aria-hidden="true">{short ? t(short) : source}</span>
      <span class="sr-only">{label}</span>
    </span>
  );
}
