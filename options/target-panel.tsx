import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import { addressProblem, originPattern } from '../src/sync/target-config';

type Step = { name: string; ok: boolean; message: string };
type Kind = 'wordpress' | 'generic';
type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; text: string };

/**
 * Connects the drafting backend: a WordPress site (the default) or a generic HTTP/JSON server. Host
 * access is asked for that address only, from the click (the browser shows its own prompt); the
 * secret goes to storage.local through the worker and is never shown again.
 */
export function TargetPanel() {
  const [kind, setKind] = useState<Kind>('wordpress');
  const [siteUrl, setSiteUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  const wordpress = kind === 'wordpress';
  const form = () => ({ kind, address: siteUrl, user: wordpress ? user : '', secret: password });
  const [steps, setSteps] = useState<Step[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void send('target.get', {}).then((target) => {
      if (!target) return;
      setKind(target.kind);
      setSiteUrl(target.address);
      setUser(target.user);
      setHasPassword(target.hasSecret);
    });
  }, []);

  /** Must run inside the click: permissions.request needs a user gesture. */
  const grantAccess = async (): Promise<boolean> => {
    // Refused before the browser's prompt: access to an address the worker would refuse is no use.
    const problem = addressProblem(siteUrl);
    if (problem) {
      setStatus({ kind: 'error', text: problem });
      return false;
    }
    try {
      return await browser.permissions.request({ origins: [originPattern(siteUrl)] });
    } catch (error) {
      setStatus({ kind: 'error', text: t('optionsTargetAddressFirst', error instanceof Error ? error.message : String(error)) });
      return false;
    }
  };
  const save = async () => {
    if (!(await grantAccess())) {
      setStatus((s) => (s.kind === 'error' ? s : { kind: 'error', text: t('optionsTargetNoAccess') }));
      return;
    }
    setStatus({ kind: 'busy' });
    try {
      await send('target.save', form());
      setPassword('');
      setHasPassword(true);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  /** Forgets the target and its secret; the worker also gives the host access back (see target.clear). */
  const remove = async () => {
    setStatus({ kind: 'busy' });
    try {
      await send('target.clear', {});
      setSiteUrl('');
      setUser('');
      setPassword('');
      setHasPassword(false);
      setSteps([]);
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const test = async () => {
    if (!(await grantAccess())) return;
    setStatus({ kind: 'busy' });
    try {
      setSteps((await send('target.test', form())).steps);
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="wordpress-heading">
      <h2 id="wordpress-heading">{t('optionsTargetHeading')}</h2>
      <label>
        {t('optionsTargetBackend')}
        <select
          aria-label={t('optionsTargetBackend')}
          value={kind}
          onChange={(e) => (setKind(e.currentTarget.value as Kind), setSteps([]))}
        >
          <option value="wordpress">{t('optionsTargetWordpress')}</option>
          <option value="generic">{t('optionsTargetGeneric')}</option>
        </select>
      </label>
      {wordpress ? <p class="help">{t('optionsTargetWordpressHelp')}</p> : <p class="help">{t('optionsTargetGenericHelp')}</p>}
      <label>
        {wordpress ? t('optionsTargetSiteAddress') : t('optionsTargetServerAddress')}
        <input
          type="url"
          placeholder={wordpress ? 'https://news.example.org' : 'https://drafts.example.org/api/v1'}
          value={siteUrl}
          onInput={(e) => setSiteUrl(e.currentTarget.value.trim())}
        />
      </label>
      {wordpress && (
        <label>
          {t('optionsTargetUser')}
          <input value={user} autocomplete="username" onInput={(e) => setUser(e.currentTarget.value)} />
        </label>
      )}
      <label>
        {wordpress ? t('optionsTargetAppPassword') : t('optionsTargetToken')}
        <input
          type="password"
          autocomplete="new-password"
          placeholder={hasPassword ? t('optionsTargetSecretSaved') : wordpress ? 'xxxx xxxx xxxx xxxx xxxx xxxx' : ''}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <p>
        <button type="button" onClick={() => void test()} disabled={status.kind === 'busy'}>
          {t('optionsTargetTest')}
        </button>{' '}
        <button type="button" class="primary" onClick={() => void save()} disabled={status.kind === 'busy'}>
          {t('optionsTargetSave')}
        </button>{' '}
        {hasPassword && (
          <>
            <button type="button" onClick={() => void remove()} disabled={status.kind === 'busy'}>
              {t('optionsTargetRemove')}
            </button>{' '}
          </>
        )}
        <span role="status" data-testid="wordpress-status">
          {status.kind === 'busy' && t('optionsWorking')}
          {status.kind === 'saved' && t('optionsTargetSaved')}
          {status.kind === 'error' && <span class="error">{status.text}</span>}
        </span>
      </p>
      {steps.length > 0 && (
        <ul class="checks" data-testid="connection-checks">
          {steps.map((step) => (
            <li class={step.ok ? 'ok' : 'bad'}>
              {step.ok ? '✓' : '✗'} {step.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
