import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import { type FocusSpot, useFocusAfterRender } from '../issue/focus-after';
import { BackupPanel } from './backup-panel';
import { CheckSettingsPanel } from './check-settings-panel';
import { ShortcutPanel } from './shortcut-panel';
import { SourcesPanel } from './sources-panel';
import { TargetPanel } from './target-panel';
import { sectionIdFor } from '../src/settings/section-id';
import type { Section, Settings } from '../src/settings/settings';

/** The weekdays' names in the UI language, Sunday first (4 January 1970 was a Sunday). */
function weekdays(): string[] {
  const format = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(1970, 0, 4 + i)));
}

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
  if (!settings) return <main>{status.kind === 'error' ? <p role="alert">{status.message}</p> : <p>{t('optionsLoading')}</p>}</main>;

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
      <h1>{t('optionsTitle')}</h1>
      <label>
        {t('optionsNewsletterName')}
        <input value={settings.newsletterName} onInput={(e) => change({ ...settings, newsletterName: e.currentTarget.value })} />
      </label>

      <label>
        {t('optionsIssueTitle')}
        <input value={settings.titleTemplate} onInput={(e) => change({ ...settings, titleTemplate: e.currentTarget.value })} />
        <small class="help">{t('optionsIssueTitleHelp')}</small>
      </label>

      <h2>{t('optionsSections')}</h2>
      <p class="help">{t('optionsSectionsHelp')}</p>
      <table class="sections">
        <thead>
          <tr>
            <th>{t('optionsColumnName')}</th>
            <th>{t('optionsColumnLayout')}</th>
            <th>{t('optionsColumnBudget')}</th>
            <th title={t('optionsColumnWordpressHint')}>{t('optionsColumnWordpress')}</th>
            <th>
              <span class="sr-only">{t('optionsColumnActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.sections.map((section, index) => (
            <tr key={section.id}>
              <td>
                <input
                  aria-label={t('optionsSectionName', index + 1)}
                  value={section.name}
                  onInput={(e) => changeSection(index, { name: e.currentTarget.value })}
                />
              </td>
              <td>
                <select
                  value={section.style}
                  aria-label={t('optionsSectionLayout', section.name)}
                  onChange={(e) => changeSection(index, { style: e.currentTarget.value as Section['style'] })}
                >
                  <option value="entries">{t('optionsLayoutEntries')}</option>
                  <option value="bullets">{t('optionsLayoutBullets')}</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  placeholder={t('optionsBudgetNone')}
                  aria-label={t('optionsSectionBudget', section.name)}
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
                  placeholder={t('optionsCategoryPlaceholder')}
                  aria-label={t('optionsSectionCategory', section.name)}
                  value={section.wpCategory ?? ''}
                  onInput={(e) => changeSection(index, { wpCategory: e.currentTarget.value.trim() || undefined })}
                />{' '}
                <input
                  class="short"
                  placeholder={t('optionsTagPlaceholder')}
                  aria-label={t('optionsSectionTag', section.name)}
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
                  aria-label={t('optionsMoveUp', section.name)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  data-move="down"
                  disabled={index === settings.sections.length - 1}
                  onClick={() => moveSection(index, 1)}
                  aria-label={t('optionsMoveDown', section.name)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  data-remove
                  disabled={settings.sections.length === 1}
                  onClick={() => removeSection(index)}
                  aria-label={t('optionsRemoveSectionLabel', section.name)}
                >
                  {t('optionsRemoveSection')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <input
          id="new-section"
          aria-label={t('optionsNewSection')}
          placeholder={t('optionsNewSection')}
          value={newSection}
          onInput={(e) => setNewSection(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && addSection()}
        />
        <button type="button" onClick={addSection}>
          {t('optionsAddSection')}
        </button>
      </p>

      <h2>{t('optionsWeek')}</h2>
      <label>
        {t('optionsWeekStartsOn')}
        <select
          value={String(settings.weekStartsOn)}
          onChange={(e) => change({ ...settings, weekStartsOn: Number(e.currentTarget.value) })}
        >
          {weekdays().map((day, i) => (
            <option value={String(i)}>{day}</option>
          ))}
        </select>
      </label>
      <label>
        {t('optionsTimeZone')}
        <input
          placeholder={t('optionsTimeZonePlaceholder')}
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

      <CheckSettingsPanel check={settings.check} onChange={(check) => change({ ...settings, check })} />

      <p>
        <button type="button" class="primary" onClick={save}>
          {t('optionsSave')}
        </button>{' '}
        <span role="status">
          {status.kind === 'saved' && t('optionsSaved')}
          {status.kind === 'error' && <span class="error">{t('optionsNotSaved', status.message)}</span>}
        </span>
      </p>

      <ShortcutPanel />

      <TargetPanel />

      <SourcesPanel sections={settings.sections} />

      <BackupPanel onRestored={() => void send('settings.get', {}).then(setSettings)} />
    </main>
  );
}
