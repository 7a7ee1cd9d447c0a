import type { Capture } from './capture';

/** A readable stand-in title for a link without text: host and path, e.g. `example.com/blog/post`. */
export function titleFromUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '');
    return `${parsed.hostname.replace(/^www\./, '')}${path}`.slice(0, 1000);
  } catch {
    return url.slice(0, 1000);
  }
}

/** The capture for a right-clicked link: its address and visible text, without opening it. */
export function captureFromLink(url: string, text: string | undefined): Capture {
  const title = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 1000);
  return {
    pageUrl: url.slice(0, 4096),
    title: title ? { value: title, source: 'link' } : { value: titleFromUrl(url), source: 'url' },
    notes: ['Clipped from a link without opening it: the author, publication and date were not read.'],
  };
}
