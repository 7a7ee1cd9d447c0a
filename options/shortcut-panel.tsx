import { useEffect, useState } from 'preact/hooks';
import { shortcutStatement } from '../src/clip/clip-shortcut';
import { onClipShortcutChanged, openShortcutSettings, readClipShortcut, shortcutSettingsPlace } from '../src/platform/clip-shortcut';

/**
 * The keyboard shortcut that opens the clip form, as the browser has bound it, and the way to the
 * browser's shortcut settings (a button: an extension page cannot link to chrome:// addresses). Read
 * again whenever the page is shown, since Chromium tells no extension when the editor changes it.
 */
export function ShortcutPanel() {
  const [shortcut, setShortcut] = useState<string | undefined>();
  const [openError, setOpenError] = useState('');
  useEffect(() => {
    const read = () => void readClipShortcut().then(setShortcut);
    const readWhenShown = () => document.visibilityState === 'visible' && read();
    read();
    onClipShortcutChanged(read);
    document.addEventListener('visibilitychange', readWhenShown);
    window.addEventListener('focus', read);
    return () => {
      document.removeEventListener('visibilitychange', readWhenShown);
      window.removeEventListener('focus', read);
    };
  }, []);
  if (shortcut === undefined) return null;
  const statement = shortcutStatement(shortcut, shortcutSettingsPlace());
  return (
    <section aria-labelledby="shortcut-heading">
      <h2 id="shortcut-heading">Keyboard shortcut</h2>
      <p data-testid="clip-shortcut">
        {statement.text} <span class="help">{statement.where}.</span>
      </p>
      <p>
        <button
          type="button"
          onClick={() =>
            void openShortcutSettings().then(
              () => setOpenError(''),
              (error: unknown) => setOpenError(error instanceof Error ? error.message : String(error)),
            )
          }
        >
          {statement.action}
        </button>
        {openError && (
          <span class="error" role="alert">
            {' '}
            The shortcut settings did not open ({openError}). {statement.where}.
          </span>
        )}
      </p>
    </section>
  );
}
