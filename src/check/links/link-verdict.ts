/**
 * What the link check learned about one address (issue 12). A verdict is data: the words the editor
 * reads are made from it in link-problems.ts, so the worker can stream verdicts and the desk can show
 * them in the editor's language.
 */

/** Why a link is called broken: the page is gone, or its server could not be reached at all. */
export type BrokenReason =
  | 'not-found' // 404
  | 'gone' // 410
  | 'dns' // the name does not resolve
  | 'refused' // nothing listens there
  | 'tls' // the secure connection failed (certificate, handshake)
  | 'reset' // the connection was cut, again on the retries
  | 'timeout' // no answer within the time limit, again on the retries
  | 'loop' // the redirects lead back to an address already visited
  | 'too-many-redirects'
  | 'unreachable'; // a network error the browser does not describe further

/** Why a link could not be verified: it may well work for a reader; never called broken. */
export type UnverifiedReason =
  | 'login' // 401
  | 'forbidden' // 403 on HEAD and on GET
  | 'rate-limited' // 429, also after waiting as asked
  | 'bot-wall' // a captcha or a "checking your browser" page
  | 'server-error' // 5xx, also on the retry
  | 'odd-status' // another status the check cannot judge
  | 'redirect-failed' // the browser followed a redirect and failed without saying why
  | 'not-address' // not an http(s) address
  | 'no-permission' // the editor refused host access
  | 'over-limit' // past the check's total cap
  | 'cancelled';

export type LinkVerdict =
  | { kind: 'fine'; url: string; status: number; httpsUrl?: string }
  | {
      kind: 'moved';
      url: string;
      /** The address to use instead: the last one reached by permanent redirects, tracking parameters stripped. */
      to: string;
      /** 301/308 known (true); the browser hid the status of the redirect (undefined). */
      permanent: true | undefined;
    }
  | { kind: 'broken'; url: string; reason: BrokenReason; status?: number; finalUrl?: string }
  | { kind: 'unverified'; url: string; reason: UnverifiedReason; status?: number }
  | { kind: 'soft-404'; url: string; finalUrl: string };

export type LinkVerdictKind = LinkVerdict['kind'];
