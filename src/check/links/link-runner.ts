import { isWebUrl } from '../../clip/url-key';
import { type LinkCheckDeps, type LinkCheckLimits, DEFAULT_LINK_LIMITS, LinkCheckCancelled, checkLink } from './check-link';
import type { LinkVerdict } from './link-verdict';

export interface LinkRunLimits extends LinkCheckLimits {
  /** Requests to one host (host and port) at once. */
  perHost: number;
  /** Links checked at once over all hosts. */
  concurrency: number;
  /** Links checked at most in one run; the rest are reported as not checked. */
  maxLinks: number;
}

export const DEFAULT_RUN_LIMITS: LinkRunLimits = { ...DEFAULT_LINK_LIMITS, perHost: 2, concurrency: 12, maxLinks: 400 };

export interface LinkRunProgress {
  checked: number;
  total: number;
}

export interface LinkRunOptions {
  limits?: Partial<LinkRunLimits>;
  signal?: AbortSignal;
  /** Called after each link (and once at the start with 0 checked). */
  onProgress?: (progress: LinkRunProgress) => void;
  /** Called with each verdict as it is known. */
  onVerdict?: (verdict: LinkVerdict) => void;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

/**
 * Checks many links: each distinct address once, a few at a time per host and a bounded number over
 * all, in the order given. Cancelling (the signal) stops new requests, aborts those under way and
 * reports the rest as cancelled; the promise always resolves with a verdict for every distinct address.
 */
export async function runLinkCheck(
  urls: readonly string[],
  deps: LinkCheckDeps,
  options: LinkRunOptions = {},
): Promise<Map<string, LinkVerdict>> {
  const limits: LinkRunLimits = { ...DEFAULT_RUN_LIMITS, ...options.limits };
  const signal = options.signal ?? new AbortController().signal;
  const distinct = [...new Set(urls)];
  const verdicts = new Map<string, LinkVerdict>();
  const record = (verdict: LinkVerdict) => {
    verdicts.set(verdict.url, verdict);
    options.onVerdict?.(verdict);
    options.onProgress?.({ checked: verdicts.size, total: distinct.length });
  };
  options.onProgress?.({ checked: 0, total: distinct.length });

  const queue: string[] = [];
  distinct.forEach((url, index) => {
    if (!isWebUrl(url)) record({ kind: 'unverified', url, reason: 'not-address' });
    else if (index >= limits.maxLinks) record({ kind: 'unverified', url, reason: 'over-limit' });
    else queue.push(url);
  });

  // One listener on the caller's signal aborts every link under way (each link has its own controller,
  // so a dozen requests do not pile listeners onto one signal).
  const underWay = new Set<AbortController>();
  const abortAll = () => underWay.forEach((controller) => controller.abort());
  signal.addEventListener('abort', abortAll, { once: true });
  const busyHosts = new Map<string, number>();
  let running = 0;
  await new Promise<void>((finished) => {
    const pump = () => {
      if (signal.aborted) {
        for (const url of queue.splice(0)) record({ kind: 'unverified', url, reason: 'cancelled' });
      }
      if (queue.length === 0 && running === 0) return finished();
      for (let i = 0; i < queue.length && running < limits.concurrency;) {
        const url = queue[i]!;
        const host = hostOf(url);
        const busy = busyHosts.get(host) ?? 0;
        if (busy >= limits.perHost) {
          i++;
          continue;
        }
        queue.splice(i, 1);
        busyHosts.set(host, busy + 1);
        running++;
        const controller = new AbortController();
        if (signal.aborted) controller.abort();
        underWay.add(controller);
        void checkLink(url, deps, limits, controller.signal)
          .catch((error: unknown): LinkVerdict => {
            if (error instanceof LinkCheckCancelled) return { kind: 'unverified', url, reason: 'cancelled' };
            return { kind: 'unverified', url, reason: 'odd-status' };
          })
          .then((verdict) => {
            underWay.delete(controller);
            busyHosts.set(host, (busyHosts.get(host) ?? 1) - 1);
            running--;
            record(verdict);
            pump();
          });
      }
    };
    signal.addEventListener('abort', pump, { once: true });
    pump();
  });
  signal.removeEventListener('abort', abortAll);
  return verdicts;
}
