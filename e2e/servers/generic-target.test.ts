import { afterEach, describe, expect, it } from 'vitest';
import {
  Draft,
  type DraftPut,
  ErrorBody,
  ProtocolInfo,
  draftUrl,
  idempotencyKey,
  protocolUrl,
  revisionFromEtag,
} from '../../src/sync/generic-protocol';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startGenericTarget, type GenericTarget, type GenericTargetOptions } from './generic-target';

let server: GenericTarget | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
  server = proxy = undefined;
});

async function start(options: GenericTargetOptions = {}): Promise<GenericTarget> {
  server = await startGenericTarget({ token: 'secret-token', ...options });
  return server;
}

const MANAGED = { start: '<!-- newsletter-clipper:managed issue="issue-7" -->', end: '<!-- /newsletter-clipper:managed -->' };
function body(text: string, title = 'Issue 7'): DraftPut {
  return { title, content: `<p>Editor intro</p>\n${MANAGED.start}\n<p>${text}</p>\n${MANAGED.end}\n`, format: 'html', managed: MANAGED };
}

interface PutOptions {
  key?: string | null;
  ifMatch?: string;
  token?: string;
  base?: string;
  raw?: string;
  contentType?: string;
}

/** A PUT as the extension sends it: bearer token, JSON body, Idempotency-Key, If-Match when known. */
function put(issueId: string, draft: DraftPut, options: PutOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token ?? 'secret-token'}`,
    'content-type': options.contentType ?? 'application/json',
  };
  if (options.key !== null) headers['idempotency-key'] = options.key ?? `key-${Math.random()}`;
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  return fetch(draftUrl(options.base ?? server!.baseUrl, issueId), {
    method: 'PUT',
    headers,
    body: options.raw ?? JSON.stringify(draft),
    signal: AbortSignal.timeout(5_000),
  });
}

function get(url: string, token = 'secret-token'): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5_000) });
}

describe('generic target: auth', () => {
  it('GET /protocol names the protocol when the token is right', async () => {
    const s = await start();
    const response = await get(protocolUrl(s.baseUrl));
    expect(response.status).toBe(200);
    expect(ProtocolInfo.parse(await response.json())).toEqual({ protocol: 'newsletter-clipper-drafts', version: 1, canWrite: true });
  });

  it('401 with WWW-Authenticate for a wrong or missing token, on every route', async () => {
    const s = await start();
    for (const response of [
      await get(protocolUrl(s.baseUrl), 'wrong'),
      await fetch(protocolUrl(s.baseUrl), { signal: AbortSignal.timeout(5_000) }),
      await get(draftUrl(s.baseUrl, 'issue-7'), 'wrong'),
      await put('issue-7', body('x'), { token: 'wrong' }),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(ErrorBody.parse(await response.json()).error.code).toBe('unauthorized');
    }
    expect(s.stats.stored).toBe(0);
    expect(s.stats.refused).toBe(4);
  });

  it('403 when the token may read but not write', async () => {
    const s = await start({ readOnlyToken: 'reader' });
    expect((await put('issue-7', body('x'))).status).toBe(201);
    expect((await get(draftUrl(s.baseUrl, 'issue-7'), 'reader')).status).toBe(200);
    expect(ProtocolInfo.parse(await (await get(protocolUrl(s.baseUrl), 'reader')).json()).canWrite).toBe(false);
    const refused = await put('issue-7', body('y'), { token: 'reader', ifMatch: '"1"' });
    expect(refused.status).toBe(403);
    expect(s.draft('issue-7')?.content).toContain('<p>x</p>');
  });

  it('a rotated token: the old one gets 401', async () => {
    const s = await start();
    s.setToken('new-token');
    expect((await get(protocolUrl(s.baseUrl))).status).toBe(401);
    expect((await get(protocolUrl(s.baseUrl), 'new-token')).status).toBe(200);
  });
});

describe('generic target: drafts', () => {
  it('PUT creates (201, ETag, Location), GET returns the same draft and revision', async () => {
    const s = await start();
    const created = await put('issue-7', body('first'));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/drafts/issue-7');
    const draft = Draft.parse(await created.json());
    expect(created.headers.get('etag')).toBe(`"${draft.revision}"`);
    const read = await get(draftUrl(s.baseUrl, 'issue-7'));
    expect(read.status).toBe(200);
    expect(revisionFromEtag(read.headers.get('etag'))).toBe(draft.revision);
    expect(Draft.parse(await read.json())).toEqual(draft);
    expect(draft).toMatchObject({ issueId: 'issue-7', title: 'Issue 7', format: 'html', managed: MANAGED });
  });

  it('GET of an issue without a draft is 404', async () => {
    const s = await start();
    expect((await get(draftUrl(s.baseUrl, 'nope'))).status).toBe(404);
  });

  it('If-Match with the current revision updates (200, a new revision)', async () => {
    await start();
    const first = Draft.parse(await (await put('issue-7', body('first'))).json());
    const updated = await put('issue-7', body('second'), { ifMatch: `"${first.revision}"` });
    expect(updated.status).toBe(200);
    const second = Draft.parse(await updated.json());
    expect(second.revision).not.toBe(first.revision);
    expect(second.content).toContain('<p>second</p>');
  });

  it('409 with the current draft when If-Match is stale (the editor changed it in the backend)', async () => {
    const s = await start();
    const first = Draft.parse(await (await put('issue-7', body('first'))).json());
    const edited = s.editDraft('issue-7', { content: `${first.content}<p>Editor's PS</p>` });
    const response = await put('issue-7', body('second'), { ifMatch: `"${first.revision}"` });
    expect(response.status).toBe(409);
    expect(response.headers.get('etag')).toBe(`"${edited.revision}"`);
    const error = ErrorBody.parse(await response.json());
    expect(error.error.code).toBe('revision_mismatch');
    expect(error.current).toEqual(edited);
    expect(s.draft('issue-7')?.content).toContain("Editor's PS");
    expect(s.stats.conflicts).toBe(1);
  });

  it('409 for a create (no If-Match) when the draft exists; If-Match: * matches any revision', async () => {
    const s = await start();
    await put('issue-7', body('first'));
    const again = await put('issue-7', body('other'));
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(await again.json()).error.code).toBe('draft_exists');
    expect((await put('issue-7', body('forced'), { ifMatch: '*' })).status).toBe(200);
    expect(s.draft('issue-7')?.content).toContain('forced');
  });

  it('404 for an update of a deleted draft ("recreate the draft")', async () => {
    const s = await start();
    const first = Draft.parse(await (await put('issue-7', body('first'))).json());
    s.deleteDraft('issue-7');
    const response = await put('issue-7', body('second'), { ifMatch: `"${first.revision}"` });
    expect(response.status).toBe(404);
    // A recreated draft never reuses an old revision, so the stale If-Match still fails.
    const recreated = Draft.parse(await (await put('issue-7', body('again'))).json());
    expect(recreated.revision).not.toBe(first.revision);
    expect((await put('issue-7', body('x'), { ifMatch: `"${first.revision}"` })).status).toBe(409);
  });

  it('400 for a missing Idempotency-Key, a non-JSON body, a body off the schema; 405 and 404 for the rest', async () => {
    const s = await start();
    expect((await put('issue-7', body('x'), { key: null })).status).toBe(400);
    expect((await put('issue-7', body('x'), { raw: '{"title":' })).status).toBe(400);
    expect((await put('issue-7', body('x'), { raw: JSON.stringify({ title: 'no content' }) })).status).toBe(400);
    expect((await put('issue-7', body('x'), { contentType: 'text/plain' })).status).toBe(400);
    expect(
      (await fetch(draftUrl(s.baseUrl, 'issue-7'), { method: 'POST', headers: { authorization: 'Bearer secret-token' } })).status,
    ).toBe(405);
    expect((await get(`${s.baseUrl}/elsewhere`)).status).toBe(404);
    expect((await get(`${s.origin}/drafts/issue-7`)).status).toBe(404);
    expect(s.stats.stored).toBe(0);
  });

  it('413 for a body over the limit', async () => {
    await start({ maxBodyBytes: 1_000 });
    const response = await put('issue-7', body('x'.repeat(2_000)));
    expect(response.status).toBe(413);
  });
});

describe('generic target: idempotency', () => {
  it('the same key twice stores once and replays the first answer', async () => {
    const s = await start();
    const first = await put('issue-7', body('once'), { key: 'k-1' });
    const second = await put('issue-7', body('once'), { key: 'k-1' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.json()).toEqual(await first.json());
    expect(s.stats).toMatchObject({ puts: 2, stored: 1, replayed: 1 });
    expect(s.draft('issue-7')?.revision).toBe(revisionFromEtag(first.headers.get('etag')));
  });

  it('a retried update (same key, same stale-looking If-Match) gets the first answer, not a 409', async () => {
    const s = await start();
    const created = Draft.parse(await (await put('issue-7', body('v1'), { key: 'create' })).json());
    const ifMatch = `"${created.revision}"`;
    const first = await put('issue-7', body('v2'), { key: 'update', ifMatch });
    const retry = await put('issue-7', body('v2'), { key: 'update', ifMatch });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(Draft.parse(await retry.json()).revision).toBe(s.draft('issue-7')!.revision);
    expect(s.stats.stored).toBe(2);
  });

  it('422 when a key comes back with a different request', async () => {
    const s = await start();
    await put('issue-7', body('one'), { key: 'k' });
    const reused = await put('issue-7', body('two'), { key: 'k', ifMatch: '*' });
    expect(reused.status).toBe(422);
    expect(ErrorBody.parse(await reused.json()).error.code).toBe('idempotency_key_reused');
    expect(s.draft('issue-7')?.content).toContain('one');
  });

  it('keys expire after the TTL: the request is then judged afresh', async () => {
    let clock = Date.parse('2026-11-24T10:00:00Z');
    await start({ now: () => clock, idempotencyTtlMs: 60_000 });
    expect((await put('issue-7', body('x'), { key: 'k' })).status).toBe(201);
    clock += 30_000;
    expect((await put('issue-7', body('x'), { key: 'k' })).status).toBe(201);
    clock += 60_000;
    expect((await put('issue-7', body('x'), { key: 'k' })).status).toBe(409);
  });

  it('through a fault proxy: a lost response, then the retry with the same key, stores exactly once', async () => {
    const s = await start();
    proxy = await startFaultProxy({ target: s.origin });
    const base = proxy.url('/api/v1');
    const draft = body('exactly once');
    const key = await idempotencyKey('issue-7', undefined, draft);
    proxy.enqueue({ kind: 'reset', after: true }, 'truncate', { kind: 'status', status: 503, after: true });
    const outcomes: (number | string)[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const response = await put('issue-7', draft, { key, base });
        if (!response.ok) {
          outcomes.push(response.status);
          continue;
        }
        Draft.parse(await response.json());
        outcomes.push(response.status);
        break;
      } catch {
        outcomes.push('error');
      }
    }
    expect(outcomes).toEqual(['error', 'error', 503, 201]);
    expect(proxy.targetCounts()).toEqual({ 'PUT /api/v1/drafts/issue-7': 4 });
    expect(s.stats).toMatchObject({ stored: 1, replayed: 3 });
    expect(Object.keys(s.drafts())).toEqual(['issue-7']);
  });

  it('idempotencyKey: stable for one change, different for another base revision or body', async () => {
    const a = await idempotencyKey('issue-7', '3', body('x'));
    expect(a).toMatch(/^nc1-[0-9a-f]{64}$/);
    expect(await idempotencyKey('issue-7', '3', body('x'))).toBe(a);
    expect(await idempotencyKey('issue-7', '4', body('x'))).not.toBe(a);
    expect(await idempotencyKey('issue-7', undefined, body('x'))).not.toBe(a);
    expect(await idempotencyKey('issue-8', '3', body('x'))).not.toBe(a);
    expect(await idempotencyKey('issue-7', '3', body('y'))).not.toBe(a);
  });

  it('revisionFromEtag reads strong, weak and bare tags', () => {
    expect(revisionFromEtag('"12"')).toBe('12');
    expect(revisionFromEtag('W/"12"')).toBe('12');
    expect(revisionFromEtag('12')).toBe('12');
    expect(revisionFromEtag('*')).toBeUndefined();
    expect(revisionFromEtag(null)).toBeUndefined();
  });
});
