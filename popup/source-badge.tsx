import { type CaptureSource, SOURCE_LABELS } from '../src/clip/capture';

/** Short names for the badge; the tooltip carries the full words (SOURCE_LABELS). */
const SHORT: Partial<Record<CaptureSource, string>> = {
  'json-ld': 'JSON-LD',
  opengraph: 'OpenGraph',
  twitter: 'Twitter card',
  meta: 'meta tag',
  'dublin-core': 'Dublin Core',
  highwire: 'citation tag',
  microdata: 'microdata',
  'canonical-link': 'canonical',
  'time-element': '<time>',
  'byline-markup': 'byline',
  'page-text': 'page text',
  'document-title': 'page title',
  'html-lang': 'page lang',
  url: 'address',
  host: 'host name',
  selection: 'selection',
  tab: 'tab',
  link: 'link',
};

/** A small marker saying where a pre-filled value came from, so the editor knows what to double-check. */
export function SourceBadge({ source }: { source: CaptureSource }) {
  const label = `from ${SOURCE_LABELS[source] ?? source}`;
  return (
    // The short name is for the eye; a screen reader hears the full words (an aria-label on a plain span is not announced).
    <span class="source" title={label} data-source={source}>
      <span aria-hidden="true">{SHORT[source] ?? source}</span>
      <span class="sr-only">{label}</span>
    </span>
  );
}
