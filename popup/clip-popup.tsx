import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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

/** A length in characters in words: "2.4 million", "45,000". */
function characters(count: number): string {
  return count >= 1e6
    ? new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(count)
    : count.toLocaleString('en');
}

/**
 * When the page's canonical address is on another host than the one the editor was reading, both
 * are shown, with the choice of which one the clipping keeps (the other stays on it as `visitedUrl`).
 */
function AddressChoice({ form, canonical, choose }: { form: ClippingForm; canonical: string; choose: (url: string) => void }) {
  const visited = form.visitedUrl;
  if (!visited || visited === canonical) return null;
  const keepsVisited = form.url === visited;
  return (
    <p class="hint address-choice" data-testid="visited-url">
      {keepsVisited ? (
        <>
          Keeping the address you were reading · Canonical address <bdi>{canonical}</bdi>{' '}
        </>
      ) : (
        <>
          Canonical address, from the page · You were reading <bdi>{visited}</bdi>{' '}
        </>
      )}
      <button type="button" class="link" onClick={() => choose(keepsVisited ? canonical : visited)}>
        {keepsVisited ? 'Use the canonical address' : 'Use this one instead'}
      </button>
    </p>
  );
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; saved: SavedClip } | { kind: 'error'; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loads the capture for the tab, then shows the form. `tabId` is set when the popup is opened for a given tab. */
export function ClipPopup({ tabId }: { tabId: number | undefined }) {
  const [prepared, setPrepared] = useState<PreparedClip | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  useEffect(() => {
    send('clip.prepare', tabId === undefined ? {} : { tabId }).then(setPrepared, (error) => setLoadError(errorText(error)));
  }, [tabId]);
  if (loadError) {
    return (
      <main class="popup">
        <p class="banner error" role="alert">
          Could not open the clipping form: {loadError}
        </p>
      </main>
    );
  }
  if (!prepared) {
    return (
      <main class="popup">
        <p class="loading" aria-busy="true">
          Reading the page…
        </p>
      </main>
    );
  }
  return <ClipEditor prepared={prepared} tabId={tabId} />;
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
  const formRef = useRef(form);
  formRef.current = form;

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

  const draftPayload = (value: ClippingForm) => ({
    key: prepared.key,
    form: value,
    context: { ...prepared.context, sources: sourcesAfterEdit(prepared.captured, value, prepared.context.sources) },
    ...(clippingId ? { clippingId } : {}),
  });
  const saver = useMemo(
    () =>
      createLatestSaver(
        (payload: ReturnType<typeof draftPayload>) => send('draft.save', payload),
        (error) => setDraftError(`Your unsaved text could not be kept as a draft: ${errorText(error)}`),
      ),
    [],
  );

  const update = (name: keyof ClippingForm) => (value: string | string[]) => {
    const next = { ...formRef.current, [name]: name === 'section' && value === '' ? null : value };
    setForm(next);
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
    saver.schedule(draftPayload(next));
  };

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
        <h1>{clippingId ? 'Edit clipping' : 'Clip this page'}</h1>
        <span class="week-count" data-testid="week-count" aria-busy={weekCount === undefined}>
          {typeof weekCount === 'number' ? weekCountText(weekCount) : ''}
        </span>
        <button type="button" class="link" onClick={() => void openIssueDesk()}>
          Issue desk
        </button>
      </header>

      {prepared.existing && (
        <p class="banner warning" role="status" data-testid="clipped-before">
          {prepared.existing.issue?.status === 'closed'
            ? `Published before, in issue #${prepared.existing.issue.number} (clipped ${formatWhen(prepared.existing.createdAt)}): you are editing that clipping.`
            : `Clipped before, on ${formatWhen(prepared.existing.createdAt)}${prepared.existing.issue ? ` (issue #${prepared.existing.issue.number})` : ''}: you are editing that clipping.`}
        </p>
      )}
      {prepared.draftRestoredFrom !== undefined && (
        <p class="banner info" role="status" data-testid="draft-restored">
          Restored your unsaved text from {formatWhen(prepared.draftRestoredFrom)}.
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
        <Field id="title" label="Title" value={form.title} source={sources.title} onInput={update('title')} />
        <Field id="url" label="URL" value={form.url} source={sources.url} onInput={update('url')} />
        <AddressChoice form={form} canonical={prepared.captured.url} choose={update('url')} />
        <Field
          id="summary"
          label="Your summary"
          value={form.summary}
          multiline
          rows={5}
          autoFocus
          placeholder="Why this matters to your readers (Markdown allowed)"
          onInput={update('summary')}
        />
        <Field
          id="quote"
          label="Quote"
          value={form.quote}
          source={sources.quote}
          multiline
          rows={3}
          placeholder="Select text on the page before clipping to quote it"
          hint={
            prepared.context.quoteCut &&
            `Your selection was ${characters(prepared.context.quoteCut.selectionLength)} characters; the quote keeps the first ${characters(FIELD_LIMITS.quote)}.`
          }
          onInput={update('quote')}
        />
        <div class="field">
          <label for="section">Section</label>
          <select id="section" name="section" value={form.section ?? ''} onChange={(event) => update('section')(event.currentTarget.value)}>
            <option value="">Choose later</option>
            {prepared.settings.sections.map((section) => (
              <option value={section.id}>{section.name}</option>
            ))}
          </select>
        </div>
        <fieldset class="details">
          <legend>About the article</legend>
          <div class="row">
            <AuthorsField authors={form.authors} source={sources.authors} onChange={update('authors')} />
            <Field id="siteName" label="Publication" value={form.siteName} source={sources.siteName} onInput={update('siteName')} />
          </div>
          <div class="row">
            <Field
              id="publishedTime"
              label="Published"
              value={form.publishedTime}
              source={sources.publishedTime}
              placeholder="YYYY-MM-DD"
              hint={dateHint}
              onInput={update('publishedTime')}
            />
            <Field id="lang" label="Language" value={form.lang} source={sources.lang} placeholder="en" onInput={update('lang')} />
          </div>
          <Field
            id="excerpt"
            label="Description"
            value={form.excerpt}
            source={sources.excerpt}
            multiline
            rows={2}
            onInput={update('excerpt')}
          />
        </fieldset>

        <footer>
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {status.kind === 'saving' ? 'Saving…' : clippingId ? 'Save changes' : 'Save clipping'}
          </button>
          <span class="shortcut">Ctrl+Enter</span>
          <span class="status" role="status" data-testid="save-status">
            {status.kind === 'saved' && `Saved ✓ ${weekCountText(status.saved.weekCount)}.`}
            {status.kind === 'error' && <span class="error">Not saved: {status.message} Your text is kept as a draft.</span>}
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
