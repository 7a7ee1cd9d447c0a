import { t } from '../i18n/messages';
import { z } from 'zod';
import type { WordPressConfig } from './wordpress';
import { WordPressUser, basicAuth, restUrl, siteAddressOf } from './wordpress-api';

export interface CheckStep {
  name: 'reachable' | 'rest-api' | 'credentials' | 'can-edit';
  ok: boolean;
  message: string;
}

const RestIndex = z.object({ namespaces: z.array(z.string()) });

/**
 * "Test connection": reachable, REST API found, credentials accepted, allowed to edit posts. Stops at
 * the first failure, since every later step depends on it; each step says what it found in words.
 */
export async function checkWordPress(
  config: WordPressConfig,
  fetchImpl: typeof fetch = (i, o) => fetch(i, o),
  timeoutMs = 10_000,
): Promise<CheckStep[]> {
  const steps: CheckStep[] = [];
  const get = async (url: string, auth: boolean) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchImpl(url, {
        headers: { Accept: 'application/json', ...(auth ? { Authorization: basicAuth(config.user, config.appPassword) } : {}) },
        credentials: 'omit',
        signal: controller.signal,
      });
      return { response, text: await response.text() };
    } finally {
      clearTimeout(timer);
    }
  };
  const json = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  let index: { response: Response; text: string };
  try {
    index = await get(restUrl(config.siteUrl, '/'), false);
    steps.push({ name: 'reachable', ok: true, message: t('syncCheckSiteAnswered', String(index.response.status)) });
  } catch (error) {
    steps.push({
      name: 'reachable',
      ok: false,
      message: t('syncCheckSiteUnreachable', error instanceof Error ? error.message : String(error)),
    });
    return steps;
  }
  // Any redirect, even within the site: reads would follow it, but writes are never redirected (a
  // redirected POST loses its body), so every sync would fail. The address to enter is where it led.
  if (index.response.redirected && index.response.url) {
    const movedTo = siteAddressOf(index.response.url);
    steps.push({
      name: 'rest-api',
      ok: false,
      message: t('syncCheckSiteRedirects', movedTo),
    });
    return steps;
  }
  const api = RestIndex.safeParse(json(index.text));
  if (!index.response.ok || !api.success || !api.data.namespaces.includes('wp/v2')) {
    steps.push({
      name: 'rest-api',
      ok: false,
      message: t('syncCheckNoRestApi'),
    });
    return steps;
  }
  steps.push({ name: 'rest-api', ok: true, message: t('syncCheckRestApi') });

  const me = await get(restUrl(config.siteUrl, '/wp/v2/users/me', { context: 'edit' }), true).catch(() => undefined);
  const user = me ? WordPressUser.safeParse(json(me.text)) : undefined;
  if (!me || !me.response.ok || !user?.success) {
    const status = me ? t('syncHttpStatus', String(me.response.status)) : '';
    steps.push({
      name: 'credentials',
      ok: false,
      message: t('syncCheckCredentialsRefused', status),
    });
    return steps;
  }
  steps.push({ name: 'credentials', ok: true, message: t('syncCheckSignedIn', user.data.name) });
  const canEdit = user.data.capabilities?.edit_posts === true;
  steps.push(
    canEdit
      ? { name: 'can-edit', ok: true, message: t('syncCheckCanEdit') }
      : { name: 'can-edit', ok: false, message: t('syncCheckCannotEdit') },
  );
  return steps;
}
