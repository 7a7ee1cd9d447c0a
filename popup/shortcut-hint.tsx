import { useEffect, useState } from 'preact/hooks';
import { missingShortcutLine } from '../src/clip/clip-shortcut';
import { t } from '../src/i18n/messages';
import { openShortcutSettings, readClipShortcut, shortcutSettingsPlace } from '../src/platform/clip-shortcut';

/** A quiet line when no keyboard shortcut opens the form (refused at install, removed, or taken): where to set one. Nothing otherwise. */
export function ShortcutHint() {
  const [line, setLine] = useState('');
  useEffect(() => {
    void readClipShortcut().then((shortcut) => setLine(missingShortcutLine(shortcut, shortcutSettingsPlace())));
  }, []);
  if (!line) return null;
  return (
    <p class="shortcut-hint" data-testid="shortcut-hint">
      {line}.{' '}
      <button type="button" class="link" onClick={() => void openShortcutSettings().catch(() => undefined)}>
        {t('shortcutSetAction')}
      </button>
    </p>
  );
}
