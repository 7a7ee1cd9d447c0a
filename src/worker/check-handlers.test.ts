import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goodClipping } from '../../test/check-fixtures';
import { freshDatabase, makeIssue, makeRepos, makeSettings } from '../../test/fixtures';
import { protocol } from '../messages/protocol';
import type { ClipperDB } from '../store/db';
import { checkHandlers, checkStoredIssue } from './check-handlers';
import type { HandlerDeps } from './handler-deps';

let db: ClipperDB;
let deps: HandlerDeps;

beforeEach(async () => {
  const fresh = await freshDatabase('check-handlers-test');
  db = fresh.db;
  const repos = makeRepos(fresh.open);
  deps = { ...repos, now: () => makeIssue(2).start + 2 * 86_400_000 } as unknown as HandlerDeps;
  await repos.settings.put(makeSettings());
  // Issue 1 was published with post-1; issue 2 is open, sponsored, and holds post-1 again, post-2 and an outage.
  await repos.issues.put(makeIssue(1, { status: 'closed', title: 'SRE Weekly Issue #1', closedAt: makeIssue(2).start }));
  await repos.issues.put(makeIssue(2, { sponsor: 'Thanks to Acme.' }));
  const inIssue2 = { issueId: 'issue-0002', publishedTime: new Date(makeIssue(2).start + 86_400_000).toISOString() };
  await repos.clippings.putMany([
    goodClipping(1, { issueId: 'issue-0001' }),
    goodClipping(11, { ...inIssue2, url: 'https://example.com/post-1', urlKey: 'https://example.com/post-1', position: 1 }),
    goodClipping(2, { ...inIssue2, position: 2, authors: [] }),
    goodClipping(3, { ...inIssue2, section: 'outages' }),
    // A deleted clipping is not in the issue any more: nothing to say about it.
    goodClipping(4, { ...inIssue2, authors: [], deletedAt: makeIssue(2).start }),
  ]);
});
afterEach(() => db.close());

describe('check.run', () => {
  it('runs the rules over the stored issue, with the published issues for repeats, in issue order', async () => {
    const reply = protocol['check.run'].response.parse(await checkHandlers(deps)['check.run']({ issueId: 'issue-0002' }, {}));
    expect(reply.problems.map((p) => [p.clippingId, p.rule, p.message])).toEqual([
      ['clipping-0011', 'repeat-published', 'Already ran in issue #1, “SRE Weekly Issue #1”.'],
      ['clipping-0002', 'credit-author', 'No author: the credit line would name only the publication.'],
    ]);
  });

  it('follows the stored settings, and answers a missing issue in words', async () => {
    await deps.settings.put(makeSettings({ check: { ...makeSettings().check, off: ['repeat-published', 'credit-author'] } }));
    expect(await checkStoredIssue(deps, 'issue-0002')).toEqual([]);
    await expect(checkStoredIssue(deps, 'issue-0404')).rejects.toMatchObject({
      code: 'not-found',
      message: 'That issue no longer exists.',
    });
  });
});
