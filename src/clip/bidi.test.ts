import { describe, expect, it } from 'vitest';
import { captureWithoutBidi, stripBidi } from './bidi';
import { captureFromPage } from './capture-from-page';
import { ClippingForm } from './clipping';
import { captureFromLink } from './clipping-from-link';
import { formFromCapture } from './clipping-from-capture';
import { Settings } from '../settings/settings';
import { makeForm } from '../../test/fixtures';

/** Every bidirectional control the strip removes: embeddings, overrides, isolates, the marks. */
const CONTROLS = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';

describe('bidirectional controls', () => {
  it('are removed, and nothing else is (Hebrew and Arabic letters stay)', () => {
    expect(stripBidi(`a${CONTROLS}b`)).toBe('ab');
    expect(stripBidi('\u202Egpj.exe')).toBe('gpj.exe');
    expect(stripBidi('שלום עולם · مرحبا')).toBe('שלום עולם · مرحبا');
  });

  it('leave every single-line field of the form, whoever sends it; the quote and the description keep theirs', () => {
    const form = ClippingForm.parse(
      makeForm({
        url: ' \u202Ehttps://ex.com/a ',
        title: 'Invoice\u202E fdp.exe',
        authors: ['\u2067Mallory\u2069'],
        siteName: 'Evil\u200F Site',
        publishedTime: '2026-01-02\u200E',
        lang: 'en\u061C',
        quoteLink: 'https://ex.com/a#:~:text=\u202Ex',
        quote: 'A \u202Bquoted\u202C line',
        excerpt: 'A \u200Fdescription',
        visitedUrl: '\u202Ahttps://mirror.example.net/a\u202C',
      }),
    );
    expect(form).toMatchObject({
      url: 'https://ex.com/a',
      title: 'Invoice fdp.exe',
      authors: ['Mallory'],
      siteName: 'Evil Site',
      publishedTime: '2026-01-02',
      lang: 'en',
      quoteLink: 'https://ex.com/a#:~:text=x',
      visitedUrl: 'https://mirror.example.net/a',
      quote: 'A \u202Bquoted\u202C line',
      excerpt: 'A \u200Fdescription',
    });
    // clip.update's partial form strips the same way (desk edits).
    expect(ClippingForm.partial().parse({ title: '\u202Eevil' })).toEqual({ title: 'evil' });
  });

  it('leave section names (the exports print them as headings); a name of only controls is refused', () => {
    const settings = Settings.parse({ sections: [{ id: 'articles', name: '\u202EArticles\u202C', style: 'entries' }] });
    expect(settings.sections[0]!.name).toBe('Articles');
    expect(Settings.safeParse({ sections: [{ id: 'articles', name: '\u202E\u202C ', style: 'entries' }] }).success).toBe(false);
  });

  it('leave what the capture read, before the form is made from it, and the link clip', () => {
    const result = captureFromPage({
      pageUrl: 'https://ex.com/\u202Ea',
      title: { value: 'Hello \u202Edlrow', source: 'opengraph' },
      siteName: { value: '\u2066Ex\u2069', source: 'opengraph' },
      excerpt: { value: 'Kept \u202E as written', source: 'meta' },
      notes: ['The page title was “\u202Eevil”.'],
      candidates: { authors: [{ source: 'meta', names: ['\u202EJane Roe'] }], published: [], inArticle: [], elsewhere: [], modified: [] },
    });
    expect(result.ok).toBe(true);
    const capture = result.ok ? result.capture : undefined;
    expect(capture).toMatchObject({
      pageUrl: 'https://ex.com/a',
      title: { value: 'Hello dlrow' },
      siteName: { value: 'Ex' },
      authors: { value: ['Jane Roe'] },
      excerpt: { value: 'Kept \u202E as written' },
      notes: ['The page title was “evil”.'],
    });
    expect(captureWithoutBidi(capture!)).toEqual(capture);
    const link = formFromCapture(captureFromLink('https://ex.com/b', 'Read \u202Ethis'), ['articles'], 'link');
    expect(link.form.title).toBe('Read this');
  });
});
