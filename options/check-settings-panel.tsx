import type { CheckRule } from '../src/check/check-problem';
import { type MessageKey, t } from '../src/i18n/messages';
import type { CheckSettings } from '../src/settings/check-settings';

/** The rules the editor can switch off, by family, each with its words. */
const RULE_GROUPS: [MessageKey, [CheckRule, MessageKey][]][] = [
  [
    'optionsCheckGroupLinks',
    [
      ['link-broken', 'optionsRuleLinkBroken'],
      ['link-moved', 'optionsRuleLinkMoved'],
      ['link-unverified', 'optionsRuleLinkUnverified'],
      ['link-soft-404', 'optionsRuleLinkSoft404'],
      ['link-https-available', 'optionsRuleLinkHttpsAvailable'],
    ],
  ],
  [
    'optionsCheckGroupCredits',
    [
      ['credit-author', 'optionsRuleCreditAuthor'],
      ['credit-publication', 'optionsRuleCreditPublication'],
      ['credit-date', 'optionsRuleCreditDate'],
      ['summary-empty', 'optionsRuleSummaryEmpty'],
      ['summary-short', 'optionsRuleSummaryShort'],
      ['title-site-suffix', 'optionsRuleTitleSiteSuffix'],
      ['title-shouting', 'optionsRuleTitleShouting'],
      ['date-too-old', 'optionsRuleDateTooOld'],
      ['date-in-future', 'optionsRuleDateInFuture'],
    ],
  ],
  [
    'optionsCheckGroupRepeats',
    [
      ['repeat-published', 'optionsRuleRepeatPublished'],
      ['repeat-in-issue', 'optionsRuleRepeatInIssue'],
      ['publication-limit', 'optionsRulePublicationLimit'],
    ],
  ],
  [
    'optionsCheckGroupShape',
    [
      ['section-over-budget', 'optionsRuleSectionOverBudget'],
      ['section-empty', 'optionsRuleSectionEmpty'],
      ['sponsor-empty', 'optionsRuleSponsorEmpty'],
    ],
  ],
];

const LIMITS: [keyof Omit<CheckSettings, 'off'>, MessageKey, number, number][] = [
  ['minSummaryLength', 'optionsCheckMinSummary', 0, 2000],
  ['maxAgeDays', 'optionsCheckMaxAge', 1, 3650],
  ['maxPerPublication', 'optionsCheckMaxPerPublication', 1, 100],
];

/**
 * The options page's "Pre-publish check" section (issue 12): the rules' limits and a switch per rule.
 * Part of the settings form: the page's Save button stores it (the worker validates and repairs it).
 */
export function CheckSettingsPanel({ check, onChange }: { check: CheckSettings; onChange: (next: CheckSettings) => void }) {
  const toggle = (rule: CheckRule, on: boolean) =>
    onChange({ ...check, off: on ? check.off.filter((r) => r !== rule) : [...check.off.filter((r) => r !== rule), rule] });
  return (
    <section class="check-settings" aria-labelledby="check-settings-heading">
      <h2 id="check-settings-heading">{t('optionsCheck')}</h2>
      <p class="help">{t('optionsCheckHelp')}</p>
      {LIMITS.map(([field, label, min, max]) => (
        <label key={field}>
          {t(label)}
          <input
            type="number"
            class="short"
            min={min}
            max={max}
            step={1}
            value={check[field]}
            onInput={(e) => {
              const value = e.currentTarget.valueAsNumber;
              if (Number.isInteger(value) && value >= min && value <= max) onChange({ ...check, [field]: value });
            }}
          />
        </label>
      ))}
      <fieldset class="check-rules">
        <legend>{t('optionsCheckRules')}</legend>
        {RULE_GROUPS.map(([group, rules]) => (
          <fieldset key={group} class="check-rule-group">
            <legend>{t(group)}</legend>
            {rules.map(([rule, label]) => (
              <label key={rule} class="check-rule">
                <input type="checkbox" checked={!check.off.includes(rule)} onChange={(e) => toggle(rule, e.currentTarget.checked)} />{' '}
                {t(label)}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
    </section>
  );
}
