import { GenericAdapter, type GenericConfig } from './generic';
import { SyncError } from './sync-error';
import { describeTarget, syncErrorWords } from './sync-words';
import type { CheckStep } from './wordpress-check';

/** "Test connection" for a generic drafting server: its protocol endpoint answers, with this token, and may write. */
export async function checkGeneric(config: GenericConfig, fetchImpl?: typeof fetch): Promise<CheckStep[]> {
  try {
    const info = await new GenericAdapter(config, fetchImpl ? { fetch: fetchImpl } : {}).check();
    const steps: CheckStep[] = [
      { name: 'reachable', ok: true, message: 'The server answered.' },
      { name: 'rest-api', ok: true, message: `It speaks the drafting protocol (version ${info.version}).` },
      { name: 'credentials', ok: true, message: 'The token was accepted.' },
    ];
    steps.push(
      info.canWrite === false
        ? { name: 'can-edit', ok: false, message: 'This token may read drafts but not change them.' }
        : { name: 'can-edit', ok: true, message: 'This token may change drafts.' },
    );
    return steps;
  } catch (error) {
    const words = error instanceof SyncError ? syncErrorWords(error.data, describeTarget('generic', config.baseUrl)) : undefined;
    const message = words ? `${words.message} ${words.action ?? ''}`.trim() : String(error);
    const name = error instanceof SyncError && error.kind === 'permanent' ? 'credentials' : 'reachable';
    return [{ name, ok: false, message }];
  }
}
