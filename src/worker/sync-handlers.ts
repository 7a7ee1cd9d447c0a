import { t } from '../i18n/messages';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import { configFromForm, targetAddress } from '../sync/target-config';
import type { PushOptions } from '../sync/adapter';
import { describeTarget, targetName } from '../sync/sync-words';
import type { HandlerDeps, SyncDeps } from './handler-deps';

type SyncHandlerNames =
  'sync.status' | 'sync.now' | 'sync.resolve' | 'sync.compare' | 'target.get' | 'target.save' | 'target.clear' | 'target.test';

/** The worker's handlers for syncing to the drafting backend. */
export function syncHandlers(deps: HandlerDeps, sync: SyncDeps): Pick<Handlers, SyncHandlerNames> {
  const requireTarget = async () => {
    const config = await sync.readTarget();
    if (!config) throw new MessageError('no-target', t('syncNoTarget'));
    if (!(await sync.hasHostAccess(targetAddress(config))))
      throw new MessageError('no-access', t('syncNoAccess', targetName(describeTarget(config.kind, targetAddress(config)))));
    return config;
  };
  return {
    async 'sync.status'({ issueId }) {
      const config = await sync.readTarget();
      const entries = (await deps.outbox.all()).filter((e) => !issueId || e.issueId === issueId);
      const state = issueId ? await deps.syncStates.get(issueId) : undefined;
      return {
        configured: !!config,
        ...(config ? { target: targetAddress(config), targetKind: config.kind } : {}),
        entries,
        ...(state && config && state.target === sync.adapterFor(config).target ? { state } : {}),
      };
    },

    async 'sync.now'({ issueId }) {
      await requireTarget();
      const now = deps.now();
      const due = issueId ? [issueId] : (await deps.outbox.all()).filter((e) => e.state === 'pending').map((e) => e.issueId);
      for (const id of due) await deps.outbox.retryNow(id, now);
      return sync.drain();
    },

    async 'sync.resolve'({ issueId, choice }) {
      await requireTarget();
      if (choice === 'recreate') await deps.syncStates.delete(issueId);
      await deps.outbox.retryNow(issueId, deps.now());
      const options: PushOptions = choice === 'overwrite' ? { overwrite: true } : choice === 'keep-remote' ? { keepRemote: true } : {};
      return sync.drain({ issueId, options });
    },

    async 'sync.compare'({ issueId }) {
      const config = await requireTarget();
      const [update, previous] = await Promise.all([sync.draftFor(issueId), deps.syncStates.get(issueId)]);
      return { local: update?.region ?? '', remote: await sync.adapterFor(config).remoteRegion(issueId, previous) };
    },

    async 'target.get'() {
      const config = await sync.readTarget();
      if (!config) return null;
      return { kind: config.kind, address: targetAddress(config), user: config.kind === 'wordpress' ? config.user : '', hasSecret: true };
    },

    async 'target.save'(form) {
      const config = configFromForm(form, await sync.readTarget());
      if (!config) throw new MessageError('bad-request', form.kind === 'wordpress' ? t('syncPasteAppPassword') : t('syncPasteToken'));
      await sync.writeTarget(config);
      // Permanent failures (a wrong password) are worth another try with the new settings.
      for (const entry of await deps.outbox.all()) if (entry.state === 'failed') await deps.outbox.retryNow(entry.issueId, deps.now());
      void sync.drain().catch(() => undefined);
      return { saved: true };
    },

    async 'target.clear'() {
      const config = await sync.readTarget();
      await sync.clearTarget();
      // No residue: the access granted for the target goes with it (kept when the manifest grants it; see dropHostAccess).
      if (config) await sync.dropHostAccess(targetAddress(config));
      return {};
    },

    async 'target.test'(form) {
      if (!(await sync.hasHostAccess(form.address))) {
        return {
          steps: [
            {
              name: 'reachable',
              ok: false,
              message: t('syncTestNoAccess', new URL(form.address).origin),
            },
          ],
        };
      }
      const config = configFromForm(form, await sync.readTarget());
      if (!config) return { steps: [{ name: 'credentials', ok: false, message: t('syncTestNoSecret') }] };
      return { steps: await sync.check(config) };
    },
  };
}
