import { stripBidi } from './bidi';
import { type Capture, FIELD_LIMITS } from './capture';
import { type CaptureContext, type Clipping, type ClippingForm, type FieldSources, type ClippingOrigin } from './clipping';
import { cleanUrl, urlKey } from './url-key';

export interface PrefilledForm {
  form: ClippingForm;
  context: CaptureContext;
}

/** The host of an address without `www.`, or '' when it is not one. */
function siteHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Turns a capture into the popup's pre-filled form. The canonical URL wins over the page URL; when
 * it is on another host, the page's own address is kept as `visitedUrl`. The section is the
 * capture's suggestion when it names a configured section, else left for the editor. Single-line
 * fields lose their bidirectional controls (bidi.ts).
 */
export function formFromCapture(capture: Capture, sectionIds: readonly string[], origin: ClippingOrigin = 'page'): PrefilledForm {
  const sources: FieldSources = {};
  const pick = <T extends string | readonly string[]>(
    name: keyof FieldSources,
    field: { value: T; source: FieldSources[keyof FieldSources] } | undefined,
  ): T | '' => {
    if (!field || !field.value.length) return '';
    sources[name] = field.source;
    // Names arrive stripped (captureWithoutBidi, the Authors schema); the quote and the description keep theirs.
    if (typeof field.value !== 'string' || name === 'quote' || name === 'excerpt') return field.value;
    return stripBidi(field.value) as T;
  };
  const url = capture.canonicalUrl?.value
    ? pick('url', { value: cleanUrl(capture.canonicalUrl.value), source: capture.canonicalUrl.source })
    : pick('url', { value: cleanUrl(capture.pageUrl), source: origin === 'link' ? 'link' : origin === 'tab' ? 'tab' : 'url' });
  const visited = stripBidi(cleanUrl(capture.pageUrl));
  const visitedUrl = capture.canonicalUrl?.value && siteHost(url) !== siteHost(visited) && siteHost(visited) ? visited : undefined;
  const quote = capture.quote?.text ? pick('quote', { value: capture.quote.text, source: 'selection' }) : '';
  // A link clip's section is chosen later; a page goes to the suggested section, else the first one.
  const suggested = capture.suggestedSection && sectionIds.includes(capture.suggestedSection) ? capture.suggestedSection : undefined;
  const section = origin === 'link' ? null : (suggested ?? sectionIds[0] ?? null);
  const unsure = (['authors', 'publishedTime'] as const).filter((name) => capture[name]?.uncertain);
  return {
    form: {
      url,
      title: pick('title', capture.title),
      authors: [...(pick('authors', capture.authors) || [])],
      siteName: pick('siteName', capture.siteName),
      publishedTime: pick('publishedTime', capture.publishedTime),
      excerpt: pick('excerpt', capture.excerpt),
      lang: pick('lang', capture.lang),
      quote,
      quoteLink: quote ? (capture.quote?.link ?? '') : '',
      summary: '',
      section,
      ...(visitedUrl && { visitedUrl }),
    },
    context: {
      origin,
      sources,
      notes: capture.notes.map(stripBidi),
      ...(unsure.length && { unsure }),
      ...(capture.quote?.selectionLength && { quoteCut: { selectionLength: capture.quote.selectionLength } }),
      ...(origin === 'tab' && capture.readerView ? { readerView: capture.readerView } : {}),
    },
  };
}

/** Whether two form values are the same: strings by value, author lists name by name. */
function sameValue(a: string | readonly string[], b: string | readonly string[]): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** A form field the editor changed no longer comes from the page: mark it as the editor's. */
export function sourcesAfterEdit(prefilled: ClippingForm, edited: ClippingForm, sources: FieldSources): FieldSources {
  const result: FieldSources = {};
  for (const [name, source] of Object.entries(sources) as [keyof FieldSources, FieldSources[keyof FieldSources]][]) {
    result[name] = sameValue(prefilled[name], edited[name]) ? source : 'editor';
  }
  return result;
}

export interface ClippingInput {
  form: ClippingForm;
  context: CaptureContext;
  /** The stored clipping this form edits, if any. */
  existing: Clipping | undefined;
  id: string;
  now: number;
  /** The issue a new clipping goes into (an existing one stays where it is). */
  issueId?: string | null;
}

/**
 * The clipping to store for a saved form: a new one, or the existing one updated in place
 * (same id and creation time, so an edit never makes a duplicate).
 */
export function buildClipping({ form, context, existing, id, now, issueId = null }: ClippingInput): Clipping {
  const url = cleanUrl(form.url);
  const { visitedUrl: visitedAsTyped, ...fields } = form;
  const visitedUrl = visitedAsTyped && cleanUrl(visitedAsTyped);
  return {
    ...fields,
    url,
    ...(visitedUrl && visitedUrl !== url && { visitedUrl }),
    title: (form.title.trim() || url).slice(0, FIELD_LIMITS.title),
    id: existing?.id ?? id,
    urlKey: urlKey(url),
    origin: existing?.origin ?? context.origin,
    sources: context.sources,
    notes: context.notes,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    issueId: existing ? existing.issueId : issueId,
    // New clippings go last in their section: positions are sortable numbers, and the clock only grows.
    position: existing?.position ?? now,
  };
}
