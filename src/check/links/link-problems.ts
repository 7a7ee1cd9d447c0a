import { t, plural } from '../../i18n/messages';
import type { CheckProblem } from '../check-problem';
import type { LinkTarget } from './link-targets';
import type { BrokenReason, LinkVerdict, UnverifiedReason } from './link-verdict';

function brokenWhy(reason: BrokenReason, status: number | undefined): string {
  switch (reason) {
    case 'not-found':
      return t('linkWhyNotFound');
    case 'gone':
      return t('linkWhyGone');
    case 'dns':
      return t('linkWhyDns');
    case 'refused':
      return t('linkWhyRefused');
    case 'tls':
      return t('linkWhyTls');
    case 'reset':
      return t('linkWhyReset');
    case 'timeout':
      return t('linkWhyTimeout');
    case 'loop':
      return t('linkWhyLoop');
    case 'too-many-redirects':
      return t('linkWhyTooManyRedirects');
    case 'unreachable':
      return status ? t('linkWhyStatus', status) : t('linkWhyUnreachable');
  }
}

function unverifiedWhy(reason: UnverifiedReason, status: number | undefined): string {
  switch (reason) {
    case 'login':
      return t('linkWhyLogin');
    case 'forbidden':
      return t('linkWhyForbidden');
    case 'rate-limited':
      return t('linkWhyRateLimited');
    case 'bot-wall':
      return t('linkWhyBotWall');
    case 'server-error':
      return t('linkWhyServerError', status ?? 500);
    case 'odd-status':
      return status ? t('linkWhyStatus', status) : t('linkWhyUnreachable');
    case 'not-address':
      return t('linkWhyNotAddress');
    case 'redirect-failed':
      return t('linkWhyRedirectFailed');
    case 'no-permission':
    case 'over-limit':
    case 'cancelled':
      return t('linkWhyNotChecked');
  }
}

function httpsOf(url: string): string | undefined {
  return url.startsWith('http://') ? `https://${url.slice('http://'.length)}` : undefined;
}

/** The problem one verdict makes for one place the link appears, or none when the link is fine. */
function problemFor(target: LinkTarget, verdict: LinkVerdict): CheckProblem | undefined {
  const base = { clippingId: target.clippingId, url: target.url };
  const inSummary = target.where === 'summary';
  switch (verdict.kind) {
    case 'fine':
      if (!verdict.httpsUrl) return undefined;
      return {
        ...base,
        rule: 'link-https-available',
        severity: 'look',
        message: t(inSummary ? 'linkHttpsInSummary' : 'linkHttps', target.url),
        fix: { kind: 'replace-url', from: target.url, to: verdict.httpsUrl },
      };
    case 'moved': {
      const https = httpsOf(target.url) === verdict.to;
      const message = https
        ? t(inSummary ? 'linkHttpsInSummary' : 'linkHttps', target.url)
        : verdict.permanent
          ? t(inSummary ? 'linkMovedInSummary' : 'linkMoved', target.url, verdict.to)
          : t(inSummary ? 'linkRedirectsInSummary' : 'linkRedirects', target.url, verdict.to);
      return {
        ...base,
        rule: https ? 'link-https-available' : 'link-moved',
        severity: 'look',
        message,
        fix: { kind: 'replace-url', from: target.url, to: verdict.to },
      };
    }
    case 'broken':
      return {
        ...base,
        rule: 'link-broken',
        severity: 'blocks',
        message: t(inSummary ? 'linkBrokenInSummary' : 'linkBroken', target.url, brokenWhy(verdict.reason, verdict.status)),
      };
    case 'unverified':
      return {
        ...base,
        rule: 'link-unverified',
        severity: 'look',
        message: t(inSummary ? 'linkUnverifiedInSummary' : 'linkUnverified', target.url, unverifiedWhy(verdict.reason, verdict.status)),
      };
    case 'soft-404':
      return {
        ...base,
        rule: 'link-soft-404',
        severity: 'look',
        message: t(inSummary ? 'linkSoft404InSummary' : 'linkSoft404', target.url),
      };
  }
}

/** Verdicts that stand for "not checked at all", reported once for the issue rather than per link. */
const NOT_CHECKED: readonly UnverifiedReason[] = ['no-permission', 'over-limit', 'cancelled'];

/**
 * The check's problems for an issue's links, in the order of the targets (issue order). Links the check
 * did not reach (host access refused, past the cap, cancelled) make one issue-level problem that says so.
 */
export function linkProblems(targets: readonly LinkTarget[], verdicts: ReadonlyMap<string, LinkVerdict>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const notChecked = new Map<UnverifiedReason, Set<string>>();
  for (const target of targets) {
    const verdict = verdicts.get(target.url);
    if (!verdict) continue;
    if (verdict.kind === 'unverified' && NOT_CHECKED.includes(verdict.reason)) {
      const urls = notChecked.get(verdict.reason) ?? new Set<string>();
      notChecked.set(verdict.reason, urls.add(target.url));
      continue;
    }
    const problem = problemFor(target, verdict);
    if (problem) problems.push(problem);
  }
  for (const [reason, urls] of notChecked) {
    const message =
      reason === 'no-permission'
        ? plural('linksNotCheckedNoPermission', urls.size)
        : reason === 'over-limit'
          ? plural('linksNotCheckedOverLimit', urls.size)
          : plural('linksNotCheckedCancelled', urls.size);
    problems.push({ rule: 'link-unverified', severity: 'look', clippingId: null, message });
  }
  return problems;
}
