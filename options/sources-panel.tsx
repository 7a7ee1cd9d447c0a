import { useEffect, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import type { SourceForm, SourceList, SourceTestResult, SourceView } from '../src/messages/protocol';
import { requestHostAccess } from '../src/platform/host-access';
import type { Section } from '../src/settings/settings';

type Kind = SourceForm['kind'];
type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };
/** The add/edit form as typed (the password is never read back: empty keeps the stored one). */
type Draft = Omit<SourceForm, 'user' | 'password'> & { user: string; password: string; hasPassword: boolean };

const EMPTY: Draft = {
  kind: 'feed',
  address: '',
  name: '',
  section: null,
  unstarAfterFiling: false,
  enabled: true,
  user: '',
  password: '',
  hasPassword: false,
};

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function draftOf(source: SourceView): Draft {
  const { id, kind, address, name, section, unstarAfterFiling, enabled, user, hasPassword } = source;
  return { id, kind, address, name, section, unstarAfterFiling, enabled, user, password: '', hasPassword };
}

function formOf(draft: Draft): SourceForm {
  const { hasPassword: _drop, ...form } = draft;
  return form.kind === 'ttrss' ? form : { ...form, user: '', password: '', unstarAfterFiling: false };
}

function kindWords(kind: Kind): string {
  return kind === 'ttrss' ? t('sourcesKindTtrss') : t('sourcesKindFeed');
}

/** A source's health in one line: its error's words and since when, or that it works. */
function healthWords(source: SourceView): string {
  if (source.error) return `${source.error.message} ${source.lastWorked}`;
  return source.state === 'new' ? t('sourcesNotCheckedYet') : source.lastWorked;
}

/**
 * The reading queue's sources: feed addresses and Tiny Tiny RSS, each with its health in words and
 * Check now; a form to add or edit one, with Test (what it found, in words); the poll interval. Host
 * access is asked for the source's origin only, inside the Test or Save click.
 */
export function SourcesPanel({ sections }: { sections: readonly Section[] }) {
  const [list, setList] = useState<SourceList | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [test, setTest] = useState<SourceTestResult | undefined>();
  const [minutes, setMinutes] = useState<number | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const reload = async () => {
    const next = await send('sources.list', {});
    setList(next);
    setMinutes(next.pollMinutes);
  };
  useEffect(() => {
    reload().catch((error: unknown) => setStatus({ kind: 'error', text: t('sourcesLoadFailed', reason(error)) }));
  }, []);

  const sectionName = (id: string | null) =>
    id === null ? t('sourcesInbox') : (sections.find((s) => s.id === id)?.name ?? t('sourcesInbox'));
  const edit = (next: Draft | undefined) => {
    setDraft(next);
    setTest(undefined);
    setStatus({ kind: 'idle' });
  };
  const change = (patch: Partial<Draft>) => {
    if (!draft) return;
    setDraft({ ...draft, ...patch });
    setTest(undefined);
  };

  /** Host access first, in the click (nothing awaited before it): the browser's prompt needs the gesture. */
  const withAccess = async (address: string, then: () => Promise<void>) => {
    if (!/^https?:\/\/\S+/i.test(address.trim())) {
      setStatus({ kind: 'error', text: t('sourcesAddressNeeded') });
      return;
    }
    if (!(await requestHostAccess(address.trim()))) {
      setStatus({ kind: 'error', text: t('sourcesAccessRefused', new URL(address.trim()).host) });
      return;
    }
    try {
      await then();
    } catch (error) {
      setStatus({ kind: 'error', text: t('sourcesFailed', reason(error)) });
    }
  };
  const runTest = () =>
    draft &&
    withAccess(draft.address, async () => {
      setStatus({ kind: 'busy', text: t('sourcesTesting') });
      setTest(await send('sources.test', formOf(draft)));
      setStatus({ kind: 'idle' });
    });
  const save = () =>
    draft &&
    withAccess(draft.address, async () => {
      setStatus({ kind: 'busy', text: t('sourcesSaving') });
      const { source } = await send('sources.save', formOf(draft));
      await reload();
      setDraft(undefined);
      setTest(undefined);
      setStatus({ kind: 'done', text: t('sourcesSaved', source.name) });
    });
  const checkNow = async (source?: SourceView) => {
    setStatus({ kind: 'busy', text: source ? t('sourcesCheckingOne', source.name) : t('sourcesCheckingAll') });
    try {
      const result = await send('sources.checkNow', source ? { id: source.id } : {});
      setList(result);
      setStatus({ kind: 'done', text: result.filed ? plural('sourcesFiled', result.filed) : t('sourcesNothingNew') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('sourcesFailed', reason(error)) });
    }
  };
  const toggle = async (source: SourceView) => {
    try {
      await send('sources.save', formOf({ ...draftOf(source), enabled: !source.enabled }));
      await reload();
    } catch (error) {
      setStatus({ kind: 'error', text: t('sourcesFailed', reason(error)) });
    }
  };
  const remove = async (source: SourceView) => {
    try {
      await send('sources.remove', { id: source.id });
      await reload();
      setStatus({ kind: 'done', text: t('sourcesRemoved', source.name) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('sourcesFailed', reason(error)) });
    }
  };
  const setInterval = async () => {
    if (minutes === undefined || !Number.isInteger(minutes)) return;
    try {
      const { pollMinutes } = await send('sources.setInterval', { minutes });
      setMinutes(pollMinutes);
      setStatus({ kind: 'done', text: plural('sourcesIntervalSet', pollMinutes) });
    } catch {
      setStatus({ kind: 'error', text: t('sourcesIntervalBounds') });
    }
  };

  const busy = status.kind === 'busy';
  const ttrss = draft?.kind === 'ttrss';
  return (
    <section aria-labelledby="sources-heading" class="sources-panel">
      <h2 id="sources-heading">{t('sourcesHeading')}</h2>
      <p class="help">{t('sourcesHelp')}</p>
      {list && list.sources.length === 0 && <p>{t('sourcesNone')}</p>}
      {list && list.sources.length > 0 && (
        <ul class="source-list" aria-label={t('sourcesListLabel')}>
          {list.sources.map((source) => (
            <li key={source.id} class={`source ${source.state}`} data-source={source.name}>
              <h3>{source.name}</h3>
              <p class="source-facts">
                {kindWords(source.kind)} · <span class="address">{source.address}</span> · {t('sourcesGoesTo', sectionName(source.section))}
                {' · '}
                {plural('sourcesFiledEver', source.filed)}
              </p>
              <p class={source.error ? 'source-health bad' : 'source-health'} data-testid="source-health">
                {healthWords(source)}
                {source.error?.action && ` ${source.error.action}`} <span class="help">{source.nextPoll}</span>
              </p>
              <p class="actions">
                <label class="inline">
                  <input type="checkbox" checked={source.enabled} onChange={() => void toggle(source)} />
                  {t('sourcesEnabled')}
                </label>{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void checkNow(source)}
                  aria-label={t('sourcesCheckNowLabel', source.name)}
                >
                  {t('sourcesCheckNow')}
                </button>{' '}
                <button type="button" onClick={() => edit(draftOf(source))} aria-label={t('sourcesEditLabel', source.name)}>
                  {t('sourcesEdit')}
                </button>{' '}
                <button type="button" onClick={() => void remove(source)} aria-label={t('sourcesRemoveLabel', source.name)}>
                  {t('sourcesRemove')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}

      {draft ? (
        <form
          class="source-form"
          aria-label={draft.id ? t('sourcesEditFormLabel', draft.name) : t('sourcesAddFormLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('sourcesKind')}
            <select name="kind" value={draft.kind} onChange={(e) => change({ kind: e.currentTarget.value as Kind })}>
              <option value="feed">{t('sourcesKindFeed')}</option>
              <option value="ttrss">{t('sourcesKindTtrss')}</option>
            </select>
          </label>
          <label>
            {ttrss ? t('sourcesAddressTtrss') : t('sourcesAddressFeed')}
            <input
              name="address"
              type="url"
              required
              placeholder={ttrss ? 'https://example.org/tt-rss/' : 'https://example.org/starred.xml'}
              value={draft.address}
              onInput={(e) => change({ address: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('sourcesName')}
            <input
              name="name"
              value={draft.name}
              placeholder={t('sourcesNamePlaceholder')}
              onInput={(e) => change({ name: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('sourcesSection')}
            <select name="section" value={draft.section ?? ''} onChange={(e) => change({ section: e.currentTarget.value || null })}>
              <option value="">{t('sourcesInbox')}</option>
              {sections.map((section) => (
                <option value={section.id}>{section.name}</option>
              ))}
            </select>
          </label>
          {ttrss && (
            <>
              <label>
                {t('sourcesUser')}
                <input name="user" autocomplete="username" value={draft.user} onInput={(e) => change({ user: e.currentTarget.value })} />
              </label>
              <label>
                {t('sourcesPassword')}
                <input
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  placeholder={draft.hasPassword ? t('sourcesPasswordKept') : ''}
                  value={draft.password}
                  onInput={(e) => change({ password: e.currentTarget.value })}
                />
              </label>
              <label class="inline">
                <input
                  name="unstar"
                  type="checkbox"
                  checked={draft.unstarAfterFiling}
                  onChange={(e) => change({ unstarAfterFiling: e.currentTarget.checked })}
                />
                {t('sourcesUnstar')}
              </label>
            </>
          )}
          <p class="help">{ttrss ? t('sourcesTtrssHelp') : t('sourcesFeedHelp')}</p>
          <div role="status" data-testid="source-test" class={test && !test.ok ? 'error' : undefined}>
            {test?.ok && test.message}
            {test && !test.ok && `${test.message}${test.action ? ` ${test.action}` : ''}`}
          </div>
          <p>
            <button type="button" disabled={busy} onClick={() => void runTest()}>
              {t('sourcesTest')}
            </button>{' '}
            <button type="submit" class="primary" disabled={busy}>
              {t('sourcesSave')}
            </button>{' '}
            <button type="button" onClick={() => edit(undefined)}>
              {t('sourcesCancel')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => edit({ ...EMPTY })}>
            {t('sourcesAdd')}
          </button>{' '}
          {list && list.sources.length > 0 && (
            <button type="button" disabled={busy} onClick={() => void checkNow()}>
              {t('sourcesCheckAll')}
            </button>
          )}
        </p>
      )}

      <p class="interval">
        <label for="poll-minutes" class="inline">
          {t('sourcesInterval')}
        </label>{' '}
        <input
          id="poll-minutes"
          type="number"
          class="short"
          min={5}
          max={1440}
          value={minutes ?? ''}
          onInput={(e) => setMinutes(e.currentTarget.valueAsNumber)}
          onKeyDown={(e) => e.key === 'Enter' && void setInterval()}
        />{' '}
        <button type="button" onClick={() => void setInterval()}>
          {t('sourcesIntervalSave')}
        </button>
      </p>
      <p role="status" data-testid="sources-status" class={status.kind === 'error' ? 'error' : undefined}>
        {status.kind !== 'idle' && status.text}
      </p>
    </section>
  );
}
