import { t } from '../i18n/messages';
import { MessageError } from '../messages/message-error';
import type { SourceForm, SourceView } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import { asFeedError } from '../feeds/feed-error';
import { checkWords, feedErrorWords } from '../feeds/feed-words';
import { makeSource, sourceLabel } from '../feeds/make-source';
import { type FeedLogin, MAX_SOURCES, SourceConfig } from '../feeds/source-config';
import { lastWorkedWords, nextPollWords } from '../feeds/source-health';
import { type SourceStateRow, newSourceState } from '../feeds/source-state';
import type { Settings } from '../settings/settings';
import { pollSources } from './feed-poll';
import type { HandlerDeps } from './handler-deps';

export type FeedHandlerNames =
  'sources.list' | 'sources.save' | 'sources.remove' | 'sources.test' | 'sources.checkNow' | 'sources.setInterval';

/** A source's state in one word, for the pages to style and announce. */
function stateOf(config: SourceConfig, state: SourceStateRow): SourceView['state'] {
  if (!config.enabled) return 'off';
  if (state.health.lastTriedAt === null) return 'new';
  if (!state.health.lastError) return 'ok';
  return state.health.nextAt === null ? 'waiting' : 'failing';
}

/** Sets the poll alarm for the settings: every interval while any source is on, none otherwise. */
export async function scheduleFeedPolls(deps: HandlerDeps, settings?: Settings): Promise<void> {
  const current = settings ?? (await deps.settings.get());
  await deps.feeds.schedule(current.sources.some((s) => s.enabled) ? current.feedPollMinutes : null);
}

/** The address as a web address, or a bad-request in words. */
function webAddress(address: string): string {
  try {
    const url = new URL(address.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // Falls through to the words below.
  }
  throw new MessageError('bad-request', t('feedNeedsWebAddress'));
}

/** The login a form means: what it carries, else (an empty password) the stored one. */
async function loginFor(deps: HandlerDeps, form: SourceForm): Promise<FeedLogin | undefined> {
  if (form.kind !== 'ttrss') return undefined;
  const stored = form.id ? await deps.feeds.readLogin(form.id) : undefined;
  const user = form.user || stored?.user || '';
  const password = form.password || (stored && user === stored.user ? stored.password : '');
  return user || password ? { user, password } : undefined;
}

/** The worker's handlers for feed sources (issue 13): the options page's Sources panel and the desk's source health. */
export function feedHandlers(deps: HandlerDeps): Pick<Handlers, FeedHandlerNames> {
  async function views(settings: Settings): Promise<SourceView[]> {
    const [states, counts] = await Promise.all([deps.sources.all(), deps.sources.filedCounts()]);
    const now = deps.now();
    return Promise.all(
      settings.sources.map(async (config) => {
        const state = states.get(config.id) ?? newSourceState(config.id);
        const login = config.kind === 'ttrss' ? await deps.feeds.readLogin(config.id) : undefined;
        return {
          ...config,
          user: login?.user ?? '',
          hasPassword: !!login?.password,
          health: state.health,
          state: stateOf(config, state),
          error: state.health.lastError ? feedErrorWords(state.health.lastError, sourceLabel(config)) : null,
          lastWorked: lastWorkedWords(state.health, now),
          nextPoll: nextPollWords(state.health, config.enabled, now),
          filed: counts.get(config.id) ?? 0,
        };
      }),
    );
  }

  async function list() {
    const settings = await deps.settings.get();
    return { sources: await views(settings), pollMinutes: settings.feedPollMinutes };
  }

  return {
    'sources.list': list,

    async 'sources.save'(form) {
      const settings = await deps.settings.get();
      const address = webAddress(form.address);
      const before = form.id ? settings.sources.find((s) => s.id === form.id) : undefined;
      if (form.id && !before) throw new MessageError('not-found', t('feedSourceGone'));
      if (!before && settings.sources.length >= MAX_SOURCES) throw new MessageError('bad-request', t('feedTooManySources', MAX_SOURCES));
      if (form.section !== null && !settings.sections.some((s) => s.id === form.section)) {
        throw new MessageError('bad-request', t('workerSectionGone', form.section));
      }
      const login = await loginFor(deps, form);
      const config = SourceConfig.parse({
        id: before?.id ?? deps.newId(),
        kind: form.kind,
        address,
        name: form.name || new URL(address).host,
        section: form.section,
        unstarAfterFiling: form.kind === 'ttrss' && form.unstarAfterFiling,
        enabled: form.enabled,
      });
      const sources = before ? settings.sources.map((s) => (s.id === config.id ? config : s)) : [...settings.sources, config];
      const saved = await deps.settings.put({ ...settings, sources });
      if (login) await deps.feeds.writeLogin(config.id, login);
      else await deps.feeds.removeLogin(config.id);
      // A new source, or one whose address changed, starts over (no validators); any edit makes it due at once,
      // so a source paused for its login or host access is tried again after the editor acted.
      const state = await deps.sources.get(config.id);
      const moved = !before || before.address !== config.address || before.kind !== config.kind;
      await deps.sources.put(moved ? newSourceState(config.id) : { ...state, health: { ...state.health, nextAt: deps.now() } });
      await scheduleFeedPolls(deps, saved);
      const view = (await views(saved)).find((v) => v.id === config.id)!;
      return { source: view };
    },

    async 'sources.remove'({ id }) {
      const settings = await deps.settings.get();
      const sources = settings.sources.filter((s) => s.id !== id);
      const removed = sources.length !== settings.sources.length;
      const saved = removed ? await deps.settings.put({ ...settings, sources }) : settings;
      // The ledger stays: what this source filed is never filed again, by another source either.
      await Promise.all([deps.sources.delete(id), deps.feeds.removeLogin(id)]);
      await scheduleFeedPolls(deps, saved);
      return { removed };
    },

    async 'sources.test'(form) {
      const label = sourceLabel({ kind: form.kind, address: form.address });
      try {
        const address = webAddress(form.address);
        if (!(await deps.feeds.hasHostAccess(address))) {
          const words = feedErrorWords({ code: 'host-access' }, label);
          return { ok: false as const, code: 'host-access' as const, ...words };
        }
        const source = makeSource({ ...form, address }, await loginFor(deps, form), deps.feeds.http);
        const report = await source.check();
        return { ok: true as const, message: checkWords(report, deps.now()), report };
      } catch (thrown) {
        if (thrown instanceof MessageError) throw thrown;
        const error = asFeedError(thrown);
        return { ok: false as const, code: error.code, ...feedErrorWords(error.data, label) };
      }
    },

    async 'sources.checkNow'({ id }) {
      if (id !== undefined && !(await deps.settings.get()).sources.some((s) => s.id === id)) {
        throw new MessageError('not-found', t('feedSourceGone'));
      }
      const report = await pollSources(deps, { ...(id !== undefined ? { only: id } : {}), force: true });
      return { ...(await list()), filed: report.filed };
    },

    async 'sources.setInterval'({ minutes }) {
      const settings = await deps.settings.put({ ...(await deps.settings.get()), feedPollMinutes: minutes });
      await scheduleFeedPolls(deps, settings);
      return { pollMinutes: settings.feedPollMinutes };
    },
  };
}
