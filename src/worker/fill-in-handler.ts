import { formFromCapture } from '../clip/clipping-from-capture';
import { fillEmptyFields } from '../clip/fill-in';
import { isWebUrl } from '../clip/url-key';
import { t } from '../i18n/messages';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import type { HandlerDeps } from './handler-deps';

/**
 * "Fill in" for an imported clipping (issue 13): the page is opened in a background tab, the normal
 * capture reads it, and what it found goes into the clipping's EMPTY fields only. The clipping is read
 * again after the capture, so a field the editor filled in the meantime stays theirs. The tab is closed
 * whatever happens.
 */
export function fillInHandlers(deps: HandlerDeps): Pick<Handlers, 'clip.fillIn'> {
  return {
    async 'clip.fillIn'({ id }) {
      const before = await deps.clippings.get(id);
      if (!before || before.deletedAt) throw new MessageError('not-found', t('workerClippingGone'));
      if (!isWebUrl(before.url)) throw new MessageError('bad-request', t('workerFillInNoPage'));
      const host = new URL(before.url).host;
      // Without host access the capture script cannot run, and the tab would only give its title.
      if (!(await deps.sync.hasHostAccess(before.url))) throw new MessageError('no-access', t('workerFillInNoAccess', host));
      const opened = await deps.openTab(before.url);
      let read;
      try {
        read = await deps.captureTab(opened.tab);
      } finally {
        await opened.close();
      }
      if (read.origin === 'tab')
        return { clipping: before, filled: [], read: 'tab', note: read.capture.notes[0] ?? t('workerFillInUnread', host) };
      const settings = await deps.settings.get();
      const found = formFromCapture(
        read.capture,
        settings.sections.map((s) => s.id),
        'page',
      );
      const current = await deps.clippings.get(id);
      if (!current || current.deletedAt) throw new MessageError('not-found', t('workerClippingGone'));
      const { changes, filled } = fillEmptyFields(current, found);
      if (!filled.length) return { clipping: current, filled, read: 'page' };
      const updated = { ...current, ...changes, updatedAt: deps.now() };
      await deps.clippings.putMany([updated]);
      return { clipping: updated, filled, read: 'page' };
    },
  };
}
