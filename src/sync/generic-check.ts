import { t } from '../i18n/messages';
import { GenericAdapter, type GenericConfig } from './generic';
import { SyncError } from './sync-error';
import { describeTarget, syncErrorWords } from './sync-words';
import type { CheckStep } from './wordpress-check';

/** "Test connection" for a generic drafting server: its protocol endpoint answers, with this token, and may write. */
export async function checkGeneric(config: GenericConfig, fetchImpl?: typeof fetch): Promise<CheckStep[]> {
  try {
    const info = await new GenericAdapter(config, fetchImpl ? { fetch: fetchImpl } : {}).check();
    const steps: CheckStep[] = [
      { name: 'reachable', ok: true, message: t('syncCheckServerAnswered') },
      { name: 'rest-api', ok: true, message: t('syncCheckProtocol', String(info.version)) },
      { name: 'credentials', ok: true, message: t('syncCheckTokenAccepted') },
    ];
    steps.push(
      info.canWrite === false
        ? { name: 'can-edit', ok: false, message: t('syncCheckTokenReadOnly') }
        : { name: 'can-edit', ok: true, message: t('syncCheckTokenCanWrite') },
    );
    return steps;
  } catch (error) {
    const words = error instanceof SyncError ? syncErrorWords(error.data, describeTarget('generic', config.baseUrl)) : undefined;
    const message = words ? `${words.message} ${words.action ?? ''}`.trim() : String(error);
    const name = error instanceof SyncError && error.kind === 'permanent' ? 'credentials' : 'reachable';
    return [{ name, ok: false, message }];
  }
}
