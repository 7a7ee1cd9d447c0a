import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClippingForm } from '../src/clip/clipping';
import { sourcesAfterEdit } from '../src/clip/clipping-from-capture';
import { send } from '../src/messages/client';
import { openIssueDesk } from '../src/platform/extension-pages';
import { openOriginalPage } from '../src/platform/original-page';
import type { PreparedClip, SavedClip } from '../src/messages/protocol';
import { createLatestSaver } from '../src/messages/latest-saver';
import { ReaderViewOffer } from './reader-view-offer';
import { ShortcutHint } from './shortcut-hint';
import { AuthorsField } from './authors-field';
import { Field } from './field';
import { SyncLine } from './sync-line';
import { formatWhen, readableDate, weekCountText } from './format';
import { FIELD_LIMITS } from '../src/clip/capture';
import { plural, t, uiLanguage } from '../src/i18n/messages';

/** A length in characters in words: "2.4 million", "45,000". */
function characters(count: number): string {
  return count >= 1e6
    ? new Intl.NumberFormat(uiLanguage(), { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(count)
    : count.toLocaleString(uiLanguage());
}

/** Stands in a message for an address that is rendered as its own element. */
const ADDRESS_MARK = '\u2063';

/**
 * When the page's canonical address is on another host than the one the editor was reading, both
 * are shown, with the choice of which one the clipping keeps (the other stays on it as `visitedUrl`).
 */
function AddressChoice({ form, canonical, choose }: { form: ClippingForm; canonical: string; choose: (url: string) => void }) {
  const visited = form.visitedUrl;
  if (!visited || visited === canonical) return null;
  const keepsVisited = form.url === visited;
  const other = keepsVisited ? canonical : visited;
  // The sentence is one message; the other address goes where its placeholder is, isolated in a <bdi>.
  const [before = '', after = ''] = t(keepsVisited ? 'popupKeepingVisited' : 'popupKeepingCanonical', ADDRESS_MARK).split(ADDRESS_MARK);
  return (
    <p class="hint address-choice" data-testid="visited-url">
      {before}
      <bdi>{other}</bdi>
      {after}{' '}
      <button type="button" class="link" onClick={() => choose(other)}>
        {keepsVisited ? t('popupUseCanonical') : t('popupUseVisited')}
      </button>
    </p>
  );
}

/** A field the capture may offer as a suggestion rather than a fact. */
type Unsure = NonNullable<PreparedClip['context']['unsure']>[number];

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; saved: SavedClip } | { kind: 'error'; message: string };

/** Where the popup is: reading the page, the capture's reply (clip.prepare, parsed), or its failure. */
export type PopupState = { kind: 'reading' } | { kind: 'prepared'; prepared: PreparedClip } | { kind: 'failed'; message: string };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Shows the form once the capture for the tab (the clip.prepare reply, sent by start.ts before this
 * code loaded) has arrived: main.tsx renders this again with each new state, from the reply's own
 * callback, so the form does not wait for an effect after a paint. `tabId` is set when the popup is
 * opened for a given tab.
 */
export function ClipPopup({ tabId, state }: { tabId: number | undefined; state: PopupState }) {
  if (state.kind === 'failed') {
    return (
      <main class="popup">
        <p class="banner error" role="alert">
          {t('popupLoadError', state.message)}
        </p>
      </main>
    );
  }
  if (state.kind === 'reading') {
    return (
      <main class="popup">
        <p class="loading" aria-busy="true">
          {t('popupReading')}
        </p>
      </main>
    );
  }
  return <ClipEditor prepared={state.prepared} tabId={tabId} />;
}

/** `tabId` is the tab the form was prepared for; undefined for the toolbar popup (the active tab of its window). */
function ClipEditor({ prepared, tabId }: { prepared: PreparedClip; tabId: number | undefined }) {
  const [form, setForm] = useState<ClippingForm>(prepared.form);
  const [clippingId, setClippingId] = useState<string | undefined>(prepared.existing?.id);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [draftError, setDraftError] = useState<string | undefined>();
  // undefined while asked for; null when it could not be counted (the header then shows none).
  const [weekCount, setWeekCount] = useState<number | null | undefined>();
  const savedOnce = useRef(false);
  // Fields the capture offered as suggestions: each leaves the list when the editor confirms or edits it.
  const [unsure, setUnsure] = useState<readonly Unsure[]>(prepared.context.unsure ?? []);
  const unsureRef = useRef(unsure);
  unsureRef.current = unsure;
  const formRef = useRef(form);
  formRef.current = form;
  // The end of the editor's path (toolbar click → form filled): bench/popup-browsers.ts reads this mark.
  useLayoutEffect(() => void performance.mark('newsletter-clipper:form-filled'), []);

  // Asked for once the form is on screen, not before: the count reads the week's clippings, and the
  // editor should not wait for it to start typing. A failure leaves the header without a count.
  useEffect(() => {
    send('clip.weekCount', {}).then(
      // A save that answered first already brought the newer count.
      (reply) => !savedOnce.current && setWeekCount(reply.weekCount),
      (error) => {
        console.warn('newsletter-clipper: could not count this week’s clippings', error);
        if (!savedOnce.current) setWeekCount(null);
      },
    );
  }, []);

  const draftPayload = (value: ClippingForm, stillUnsure: readonly Unsure[] = unsureRef.current) => ({
    key: prepared.key,
    form: value,
    context: {
      ...prepared.context,
      sources: sourcesAfterEdit(prepared.captured, value, prepared.context.sources),
      unsure: [...stillUnsure],
    },
    ...(clippingId ? { clippingId } : {}),
  });
  const saver = useMemo(
    () =>
      createLatestSaver(
        (payload: ReturnType<typeof draftPayload>) => send('draft.save', payload),
        (error) => setDraftError(t('popupDraftError', errorText(error))),
      ),
    [],
  );

  /** The editor vouches for a suggested field (confirmed, or typed over): it is shown as fact from now on. */
  const settle = (name: Unsure) => {
    const rest = unsureRef.current.filter((field) => field !== name);
    if (rest.length === unsureRef.current.length) return rest;
    unsureRef.current = rest;
    setUnsure(rest);
    return rest;
  };
  const update = (name: keyof ClippingForm) => (value: string | string[]) => {
    const next = { ...formRef.current, [name]: name === 'section' && value === '' ? null : value };
    setForm(next);
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
    const rest = name === 'authors' || name === 'publishedTime' ? settle(name) : unsureRef.current;
    saver.schedule(draftPayload(next, rest));
  };
  const suggestion = (name: Unsure, text: string) =>
    unsure.includes(name) ? { text, confirm: () => saver.schedule(draftPayload(formRef.current, settle(name))) } : undefined;

  const save = async () => {
    if (status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    saver.cancel();
    await saver.idle();
    try {
      const saved = await send('clip.save', draftPayload(formRef.current));
      setClippingId(saved.clipping.id);
      savedOnce.current = true;
      setWeekCount(saved.weekCount); // kept when the editor goes on editing after the save
      setStatus({ kind: 'saved', saved });
    } catch (error) {
      // The draft still holds everything typed: nothing is lost, the editor can retry.
      saver.schedule(draftPayload(formRef.current));
      setStatus({ kind: 'error', message: errorText(error) });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const sources = sourcesAfterEdit(prepared.captured, form, prepared.context.sources);
  const dateHint = readableDate(form.publishedTime);

  return (
    <main class="popup" onKeyDown={onKeyDown}>
      <header>
        <h1>{clippingId ? t('popupTitleEdit') : t('popupTitleNew')}</h1>
        <span class="week-count" data-testid="week-count" aria-busy={weekCount === undefined}>
          {typeof weekCount === 'number' ? weekCountText(weekCount) : ''}
        </span>
        <button type="button" class="link" onClick={() => void openIssueDesk()}>
          {t('popupIssueDesk')}
        </button>
      </header>

      {prepared.existing && (
        <p class="banner warning" role="status" data-testid="clipped-before">
          {prepared.existing.issue?.status === 'closed'
            ? t('popupPublishedBefore', prepared.existing.issue.number, formatWhen(prepared.existing.createdAt))
            : prepared.existing.issue
              ? t('popupClippedBeforeInIssue', formatWhen(prepared.existing.createdAt), prepared.existing.issue.number)
              : t('popupClippedBefore', formatWhen(prepared.existing.createdAt))}
        </p>
      )}
      {prepared.draftRestoredFrom !== undefined && (
        <p class="banner info" role="status" data-testid="draft-restored">
          {t('popupDraftRestored', formatWhen(prepared.draftRestoredFrom))}
        </p>
      )}
      {prepared.context.notes.map((note) => (
        <p class="banner note" role="note" data-testid="capture-note">
          {note}
        </p>
      ))}
      {prepared.context.readerView && (
        <ReaderViewOffer originalUrl={prepared.context.readerView.originalUrl} open={(url) => openOriginalPage(tabId, url)} />
      )}
      {draftError && (
        <p class="banner error" role="alert">
          {draftError}
        </p>
      )}

      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field id="title" label={t('popupFieldTitle')} value={form.title} source={sources.title} onInput={update('title')} />
        <Field id="url" label={t('popupFieldUrl')} value={form.url} source={sources.url} onInput={update('url')} />
        <AddressChoice form={form} canonical={prepared.captured.url} choose={update('url')} />
        <Field
          id="summary"
          label={t('popupFieldSummary')}
          value={form.summary}
          multiline
          rows={5}
          autoFocus
          placeholder={t('popupSummaryPlaceholder')}
          onInput={update('summary')}
        />
        <Field
          id="quote"
          label={t('popupFieldQuote')}
          value={form.quote}
          source={sources.quote}
          multiline
          rows={3}
          placeholder={t('popupQuotePlaceholder')}
          hint={
            prepared.context.quoteCut &&
            plural(
              'popupQuoteCut',
              prepared.context.quoteCut.selectionLength,
              characters(prepared.context.quoteCut.selectionLength),
              characters(FIELD_LIMITS.quote),
            )
          }
          onInput={update('quote')}
        />
        <div class="field">
          <label for="section">{t('popupFieldSection')}</label>
          <select id="section" name="section" value={form.section ?? ''} onChange={(event) => update('section')(event.currentTarget.value)}>
            <option value="">{t('popupSectionLater')}</option>
            {prepared.settings.sections.map((section) => (
              <option value={section.id}>{section.name}</option>
            ))}
          </select>
        </div>
        <fieldset class="details">
          <legend>{t('popupAboutArticle')}</legend>
          <div class="row">
            <AuthorsField
              authors={form.authors}
              source={sources.authors}
              suggestion={suggestion('authors', t('popupUnsureAuthors'))}
              onChange={update('authors')}
            />
            <Field
              id="siteName"
              label={t('popupFieldPublication')}
              value={form.siteName}
              source={sources.siteName}
              onInput={update('siteName')}
            />
          </div>
          <div class="row">
            <Field
              id="publishedTime"
              label={t('popupFieldPublished')}
              value={form.publishedTime}
              source={sources.publishedTime}
              placeholder={t('popupPublishedPlaceholder')}
              hint={dateHint}
              suggestion={suggestion('publishedTime', t('popupUnsureDate'))}
              onInput={update('publishedTime')}
            />
            <Field
              id="lang"
              label={t('popupFieldLanguage')}
              value={form.lang}
              source={sources.lang}
              placeholder={t('popupLanguagePlaceholder')}
              onInput={update('lang')}
            />
          </div>
          <Field
            id="excerpt"
            label={t('popupFieldDescription')}
            value={form.excerpt}
            source={sources.excerpt}
            multiline
            rows={2}
            onInput={update('excerpt')}
          />
        </fieldset>

        <footer>
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {status.kind === 'saving' ? t('popupSaving') : clippingId ? t('popupSaveChanges') : t('popupSaveClipping')}
          </button>
          <span class="shortcut">{t('popupSaveShortcut')}</span>
          <span class="status" role="status" data-testid="save-status">
            {status.kind === 'saved' && plural('popupSaved', status.saved.weekCount)}
            {status.kind === 'error' && <span class="error">{t('popupNotSaved', status.message)}</span>}
          </span>
        </footer>
        {status.kind === 'saved' && status.saved.clipping.issueId && (
          <SyncLine issueId={status.saved.clipping.issueId} savedAt={status.saved.clipping.updatedAt} />
        )}
        <ShortcutHint />
      </form>
    </main>
  );
}
