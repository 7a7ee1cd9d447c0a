import { describe, expect, it } from 'vitest';
import { CheckSettings, defaultCheckSettings, ruleIsOn } from './check-settings';
import { repairSettings } from './settings-repair';
import { defaultSettings } from './settings';

describe('CheckSettings', () => {
  it('has a default for every limit and every rule on', () => {
    expect(defaultCheckSettings()).toEqual({ minSummaryLength: 40, maxAgeDays: 14, maxPerPublication: 2, off: [] });
    expect(ruleIsOn(defaultCheckSettings(), 'credit-author')).toBe(true);
  });

  it('switches a rule off, once however often it is listed', () => {
    const settings = CheckSettings.parse({ off: ['title-shouting', 'title-shouting'] });
    expect(settings.off).toEqual(['title-shouting']);
    expect(ruleIsOn(settings, 'title-shouting')).toBe(false);
    expect(ruleIsOn(settings, 'title-site-suffix')).toBe(true);
  });

  it('drops a rule name it does not know (a later version’s) and keeps the others', () => {
    expect(CheckSettings.parse({ off: ['link-broken', 'rule-from-the-future', 7] }).off).toEqual(['link-broken']);
  });

  it.each([
    ['a negative summary length', { minSummaryLength: -1 }],
    ['a fractional age', { maxAgeDays: 1.5 }],
    ['no age at all', { maxAgeDays: 0 }],
    ['no piece per publication', { maxPerPublication: 0 }],
  ])('refuses %s', (_, value) => {
    expect(CheckSettings.safeParse(value).success).toBe(false);
  });
});

describe('repairSettings with check settings', () => {
  it('gives settings from before the check its defaults, without calling it a repair', () => {
    const { check: _check, ...older } = defaultSettings();
    expect(repairSettings(older)).toEqual({ settings: defaultSettings(), repairs: [] });
  });

  it('repairs one unreadable limit alone, keeping the editor’s other check choices and settings', () => {
    const { settings, repairs } = repairSettings({
      ...defaultSettings(),
      newsletterName: 'SRE Weekly',
      check: { minSummaryLength: 'long', maxAgeDays: 30, maxPerPublication: 3, off: ['sponsor-empty'] },
    });
    expect(settings.newsletterName).toBe('SRE Weekly');
    expect(settings.check).toEqual({ minSummaryLength: 40, maxAgeDays: 30, maxPerPublication: 3, off: ['sponsor-empty'] });
    expect(repairs).toEqual(['setting "check.minSummaryLength" was unreadable and was reset to its default']);
  });

  it('resets a check group that is not an object, and says so', () => {
    const { settings, repairs } = repairSettings({ ...defaultSettings(), check: 'strict' });
    expect(settings.check).toEqual(defaultCheckSettings());
    expect(repairs).toEqual(['setting "check" was unreadable and was reset to its default']);
  });
});
