import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../src/messages/client';
import { originPattern } from '../src/sync/target-config';

type Step = { name: string; ok: boolean; message: string };
type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; text: string };

/**
 * Connects the WordPress site the issues are drafted on. Host access is asked for that site only,
 * from the click (the browser shows its own prompt); the password goes to storage.local through the
 * worker and is never shown again.
 */
export function WordPressPanel() {
  const [siteUrl, setSiteUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  const [steps, setSteps] = useState<Step[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void send('target.get', {}).then((target) => {
      if (!target) return;
      setSiteUrl(target.siteUrl);
      setUser(target.user);
      setHasPassword(target.hasPassword);
    });
  }, []);

  /** Must run inside the click: permissions.request needs a user gesture. */
  const grantAccess = async (): Promise<boolean> => {
    try {
      return await browser.permissions.request({ origins: [originPattern(siteUrl)] });
    } catch (error) {
      setStatus({ kind: 'error', text: `Enter the site’s address first (${error instanceof Error ? error.message : String(error)}).` });
      return false;
    }
  };
  const save = async () => {
    if (!(await grantAccess())) {
      setStatus((s) => (s.kind === 'error' ? s : { kind: 'error', text: 'Without access to the site the extension cannot sync to it.' }));
      return;
    }
    setStatus({ kind: 'busy' });
    try {
      await send('target.save', { siteUrl, user, appPassword: password });
      setPassword('');
      setHasPassword(true);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const test = async () => {
    if (!(await grantAccess())) return;
    setStatus({ kind: 'busy' });
    try {
      setSteps((await send('target.test', { siteUrl, user, appPassword: password })).steps);
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="wordpress-heading">
      <h2 id="wordpress-heading">WordPress</h2>
      <p class="help">
        Each issue is kept as a draft post on your site. In WordPress, open Users → Profile → Application Passwords, add one named
        “Newsletter Clipper”, and paste it below. The extension never publishes.
      </p>
      <label>
        Site address
        <input type="url" placeholder="https://news.example.org" value={siteUrl} onInput={(e) => setSiteUrl(e.currentTarget.value.trim())} />
      </label>
      <label>
        User name
        <input value={user} autocomplete="username" onInput={(e) => setUser(e.currentTarget.value)} />
      </label>
      <label>
        Application Password
        <input
          type="password"
          autocomplete="new-password"
          placeholder={hasPassword ? 'saved (leave empty to keep it)' : 'xxxx xxxx xxxx xxxx xxxx xxxx'}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <p>
        <button type="button" onClick={() => void test()} disabled={status.kind === 'busy'}>
          Test connection
        </button>{' '}
        <button type="button" class="primary" onClick={() => void save()} disabled={status.kind === 'busy'}>
          Save and allow access
        </button>{' '}
        <span role="status" data-testid="wordpress-status">
          {status.kind === 'busy' && 'Working…'}
          {status.kind === 'saved' && 'Saved ✓ — clippings will sync to a draft post.'}
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
