import { t } from '../src/i18n/messages';
import { LinkCheckProgress } from './link-check-progress';
import type { LinkCheck } from './use-link-check';

/**
 * The desk's link check until the Check issue panel lists every rule's problems: a Check links button,
 * the progress line, and the link problems of the last check in issue order, each with its severity.
 * Page and feed text reaches the page only as preact text nodes (escaped).
 */
export function LinkCheckSection({ check }: { check: LinkCheck }) {
  return (
    <section class="link-check" aria-label={t('linkCheckHeading')} data-testid="link-check">
      <button type="button" onClick={check.start} disabled={check.state === 'running'}>
        {t('linkCheckButton')}
      </button>
      <LinkCheckProgress check={check} />
      {check.state === 'done' && check.access !== false && !check.cancelled && check.problems.length === 0 && (
        <p class="link-check-line">{t('linkCheckClean')}</p>
      )}
      {check.state === 'done' && check.problems.length > 0 && (
        <ul class="link-problems" data-testid="link-problems">
          {check.problems.map((problem, index) => (
            <li key={index} class={`link-problem ${problem.severity}`} data-rule={problem.rule}>
              <strong>{problem.severity === 'blocks' ? t('linkCheckBlocks') : t('linkCheckLook')}</strong> {problem.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
