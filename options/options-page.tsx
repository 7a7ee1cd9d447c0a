import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import { type FocusSpot, useFocusAfterRender } from '../issue/focus-after';
import { BackupPanel } from './backup-panel';
import { ShortcutPanel } from './shortcut-panel';
import { TargetPanel } from './target-panel';
import { sectionIdFor } from '../src/settings/section-id';
import type { Section, Settings } from '../src/settings/settings';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** The settings page: newsletter name, sections (the popup's categories) and the week's start. */
export function OptionsPage() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [newSection, setNewSection] = useState('');
  const focusAfterRender = useFocusAfterRender();

  useEffect(() => {
    send('settings.get', {}).then(setSettings, (error: unknown) =>
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  if (!settings) return <main>{status.kind === 'error' ? <p role="alert">{status.message}</p> : <p>Loading…</p>}</main>;

  const change = (next: Settings) => {
    setSettings(next);
    setStatus({ kind: 'idle' });
  };
  const changeSection = (index: number, patch: Partial<Section>) =>
    change({ ...settings, sections: settings.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  /** A control in the sections table's row at `index` (0-based), as a focus spot. */
  const inRow = (index: number, control: string): FocusSpot => ({ selector: `.sections tbody tr:nth-child(${index + 1}) ${control}` });
  const moveSection = (index: number, delta: -1 | 1) => {
    const sections = [...settings.sections];
    const [moved] = sections.splice(index, 1);
    sections.splice(index + delta, 0, moved!);
    change({ ...settings, sections });
    // Focus stays on the pressed arrow of the moved row (the other one at the top or bottom).
    const [pressed, other] = delta < 0 ? ['[data-move=up]', '[data-move=down]'] : ['[data-move=down]', '[data-move=up]'];
    focusAfterRender([inRow(index + delta, pressed), inRow(index + delta, other), inRow(index + delta, 'input')]);
  };
  const removeSection = (index: number) => {
    change({ ...settings, sections: settings.sections.filter((_, i) => i !== index) });
    // The row is gone: focus goes to the next row's Remove (now at this index), else the previous one's.
    focusAfterRender([inRow(index, '[data-remove]'), inRow(index - 1, '[data-remove]'), { selector: '#new-section' }]);
  };
  const addSection = () => {
    const name = newSection.trim();
    if (!name) return;
    const id = sectionIdFor(
      name,
      settings.sections.map((s) => s.id),
    );
    change({ ...settings, sections: [...settings.sections, { id, name, style: 'entries' }] });
    setNewSection('');
  };
  const save = async () => {
    try {
      setSettings(await send('settings.save', { settings }));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <main>
      <h1>Newsletter Clipper settings</h1>
      <label>
        Newsletter name
        <input value={settings.newsletterName} onInput={(e) => change({ ...settings, newsletterName: e.currentTarget.value })} />
      </label>

      <label>
        Issue title
        <input value={settings.titleTemplate} onInput={(e) => change({ ...settings, titleTemplate: e.currentTarget.value })} />
        <small class="help">
          {'{newsletter}'} and {'{number}'} are filled in, e.g. “{'{newsletter}'} Issue #{'{number}'}”.
        </small>
      </label>

      <h2>Sections</h2>
      <p class="help">The categories offered when you clip, in the order the newsletter prints them. Renaming keeps their clippings.</p>
      <table class="sections">
        <thead>
          <tr>
            <th>Name</th>
            <th>Layout</th>
            <th>Budget</th>
            <th title="Optional: the WordPress category and tag the draft gets while this section has clippings">
              WordPress category / tag
            </th>
            <th>
              <span class="sr-only">Order and removal</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.sections.map((section, index) => (
            <tr key={section.id}>
              <td>
                <input
                  aria-label={`Name of section ${index + 1}`}
                  value={section.name}
                  onInput={(e) => changeSection(index, { name: e.currentTarget.value })}
                />
              </td>
              <td>
                <select
                  value={section.style}
                  aria-label={`Layout of ${section.name}`}
                  onChange={(e) => changeSection(index, { style: e.currentTarget.value as Section['style'] })}
                >
                  <option value="entries">Entries (title, commentary, quote, author)</option>
                  <option value="bullets">Bullets (link and a note)</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  placeholder="no limit"
                  aria-label={`Budget of ${section.name}`}
                  value={section.budget ?? ''}
                  onInput={(e) => {
                    const value = e.currentTarget.valueAsNumber;
                    const { budget: _drop, ...rest } = section;
                    change({
                      ...settings,
                      sections: settings.sections.map((s, i) =>
                        i === index ? (Number.isFinite(value) && value > 0 ? { ...rest, budget: value } : rest) : s,
                      ),
                    });
                  }}
                />
              </td>
              <td>
                <input
                  class="short"
                  placeholder="category"
                  aria-label={`WordPress category of ${section.name}`}
                  value={section.wpCategory ?? ''}
                  onInput={(e) => changeSection(index, { wpCategory: e.currentTarget.value.trim() || undefined })}
                />{' '}
                <input
                  class="short"
                  placeholder="tag"
                  aria-label={`WordPress tag of ${section.name}`}
                  value={section.wpTag ?? ''}
                  onInput={(e) => changeSection(index, { wpTag: e.currentTarget.value.trim() || undefined })}
                />
              </td>
              <td class="actions">
                <button
                  type="button"
                  data-move="up"
                  disabled={index === 0}
                  onClick={() => moveSection(index, -1)}
                  aria-label={`Move ${section.name} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  data-move="down"
                  disabled={index === settings.sections.length - 1}
                  onClick={() => moveSection(index, 1)}
                  aria-label={`Move ${section.name} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  data-remove
                  disabled={settings.sections.length === 1}
                  onClick={() => removeSection(index)}
                  aria-label={`Remove ${section.name}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <input
          id="new-section"
          aria-label="New section name"
          placeholder="New section name"
          value={newSection}
          onInput={(e) => setNewSection(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && addSection()}
        />
        <button type="button" onClick={addSection}>
          Add section
        </button>
      </p>

      <h2>Week</h2>
      <label>
        Issues start on
        <select
          value={String(settings.weekStartsOn)}
          onChange={(e) => change({ ...settings, weekStartsOn: Number(e.currentTarget.value) })}
        >
          {DAYS.map((day, i) => (
            <option value={String(i)}>{day}</option>
          ))}
        </select>
      </label>
      <label>
        Time zone
        <input
          placeholder="this browser's zone (e.g. Europe/Berlin)"
          value={settings.timeZone}
          onInput={(e) => change({ ...settings, timeZone: e.currentTarget.value.trim() })}
        />
      </label>
      <label>
        {t('optionsLanguage')}
        <input
          placeholder={t('optionsLanguagePlaceholder', uiLanguage())}
          value={settings.language}
          onInput={(e) => change({ ...settings, language: e.currentTarget.value.trim() })}
        />
      </label>

      <p>
        <button type="button" class="primary" onClick={save}>
          Save settings
        </button>{' '}
        <span role="status">
          {status.kind === 'saved' && 'Saved ✓'}
          {status.kind === 'error' && <span class="error">Not saved: {status.message}</span>}
        </span>
      </p>

      <ShortcutPanel />

      <TargetPanel />

      <BackupPanel onRestored={() => void send('settings.get', {}).then(setSettings)} />
    </main>
  );
}
