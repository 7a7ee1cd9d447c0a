import { t } from '../i18n/messages';
import { z } from 'zod';

/** The hosts that are this machine: a plain http:// target there sends nothing over a network. */
const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why the extension refuses to send its credentials to `url`, in words for the options page, or
 * undefined when it may. Every target holds a secret (Application Password or token) sent with
 * each request, so a plain http:// address is refused unless it is on this machine: anyone on the
 * network between the browser and the site could read the password. https:// is always fine.
 */
export function addressProblem(url: string): string | undefined {
  const value = url.trim();
  if (!/^https?:\/\/[^/]+/i.test(value)) return t('syncAddressScheme');
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return t('syncAddressInvalid');
  }
  if (parsed.protocol === 'https:' || THIS_MACHINE.has(parsed.hostname)) return undefined;
  return t('syncAddressPlainHttp', parsed.origin);
}

const address = z
  .string()
  .trim()
  .max(2000)
  .superRefine((value, context) => {
    const problem = addressProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * The drafting backend's settings, kept in `storage.local` only (never synced storage, IndexedDB,
 * exports or backups), because they include the secret (Application Password or token).
 */
export const WordPressTarget = z.object({
  kind: z.literal('wordpress'),
  siteUrl: address,
  user: z.string().trim().min(1).max(200),
  appPassword: z.string().trim().min(1).max(200),
});
export type WordPressTarget = z.infer<typeof WordPressTarget>;

/** A home-grown backend speaking the generic HTTP/JSON protocol (docs/generic-target.md). */
export const GenericTargetConfig = z.object({
  kind: z.literal('generic'),
  baseUrl: address,
  token: z.string().trim().min(1).max(500),
});
export type GenericTargetConfig = z.infer<typeof GenericTargetConfig>;

export const TargetConfig = z.discriminatedUnion('kind', [WordPressTarget, GenericTargetConfig]);
export type TargetConfig = z.infer<typeof TargetConfig>;

/** The settings form as the options page sends it: the secret may be empty to keep the stored one. */
export const TargetForm = z.object({
  kind: z.enum(['wordpress', 'generic']),
  address,
  /** WordPress only. */
  user: z.string().trim().max(200),
  secret: z.string().max(500),
});
export type TargetForm = z.infer<typeof TargetForm>;

/** The address the target lives at. */
export function targetAddress(config: TargetConfig): string {
  return config.kind === 'wordpress' ? config.siteUrl : config.baseUrl;
}

/** The config from the form, reusing the stored secret when the form's is empty and the target is the same. */
export function configFromForm(form: TargetForm, stored: TargetConfig | undefined): TargetConfig | undefined {
  const same = stored && stored.kind === form.kind && targetAddress(stored) === form.address;
  const storedSecret = same ? (stored.kind === 'wordpress' ? stored.appPassword : stored.token) : '';
  const secret = form.secret.trim() || storedSecret;
  if (!secret) return undefined;
  return form.kind === 'wordpress'
    ? WordPressTarget.parse({ kind: 'wordpress', siteUrl: form.address, user: form.user, appPassword: secret })
    : GenericTargetConfig.parse({ kind: 'generic', baseUrl: form.address, token: secret });
}

/**
 * The match pattern to request host access for (`https://news.example.org/*`). Without the port:
 * Firefox accepts a pattern with a port but never matches a request against it (its fetches then fail
 * with a NetworkError), while a pattern without one matches every port of the host in both browsers.
 */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
