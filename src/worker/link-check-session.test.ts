import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LinkServer, startLinkServer } from '../../e2e/servers/link-server';
import { makeClipping, makeSettings } from '../../test/fixtures';
import { timerSleep } from '../check/links/check-link';
import { LinkCheckEvent } from '../messages/link-check-port';
import { type LinkCheckSessionDeps, runLinkCheckSession } from './link-check-session';

let server: LinkServer;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(async () => {
  await server.close();
});

function session(access: boolean) {
  const settings = makeSettings();
  const section = settings.sections[0]!.id;
  const clippings = [
    makeClipping(1, { url: `${server.origin}/missing/one`, summary: `See [more](${server.origin}/moved/1/two).`, section, position: 2 }),
    makeClipping(2, { url: `${server.origin}/ok/three`, summary: '', section, position: 1 }),
  ];
  let fetched = 0;
  const deps: LinkCheckSessionDeps = {
    clippingsOf: async () => clippings,
    sections: async () => settings.sections,
    hasHostAccess: async (pattern) => access && pattern === 'http://127.0.0.1/*',
    net: { fetch: (url, init) => (fetched++, fetch(url, init)), sleep: timerSleep, now: () => Date.now() },
  };
  return { deps, clippings, fetched: () => fetched };
}

describe('runLinkCheckSession', () => {
  it('checks the issue in issue order and posts progress, then the problems (each event valid on the port)', async () => {
    const { deps, clippings } = session(true);
    const events: LinkCheckEvent[] = [];
    await runLinkCheckSession('issue-1', deps, new AbortController().signal, (e) => events.push(LinkCheckEvent.parse(e)));
    expect(events[0]).toEqual({ type: 'progress', checked: 0, total: 3 });
    const done = events.at(-1)!;
    expect(done).toMatchObject({ type: 'done', checked: 3, total: 3, access: true, cancelled: false });
    if (done.type !== 'done') throw new Error('not done');
    expect(done.problems.map((p) => [p.clippingId, p.rule])).toEqual([
      [clippings[0]!.id, 'link-broken'],
      [clippings[0]!.id, 'link-moved'],
    ]);
  });

  it('without host access fetches nothing and says the links were not checked', async () => {
    const { deps, fetched } = session(false);
    const events: LinkCheckEvent[] = [];
    await runLinkCheckSession('issue-1', deps, new AbortController().signal, (e) => events.push(e));
    expect(fetched()).toBe(0);
    expect(events.at(-1)).toEqual({
      type: 'done',
      checked: 0,
      total: 3,
      access: false,
      cancelled: false,
      problems: [
        {
          rule: 'link-unverified',
          severity: 'look',
          clippingId: null,
          message: '3 links were not checked: the extension was not allowed to visit websites.',
        },
      ],
    });
  });
});
