import { listenOnLoopback } from './loopback';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  Draft,
  DraftPut,
  ERROR_CODES,
  IDEMPOTENCY_KEY_TTL_MS,
  IdempotencyKeyHeader,
  IssueIdParam,
  PROTOCOL_NAME,
  PROTOCOL_VERSION,
  etagFor,
  revisionFromEtag,
  type ErrorBody,
  type ProtocolInfo,
} from '../../src/sync/generic-protocol';

/**
 * The reference implementation of the generic HTTP/JSON drafting backend (docs/generic-target.md),
 * kept small on purpose: it is what the protocol asks of a server, and nothing more. Drafts live in
 * memory. Bound to 127.0.0.1; request bodies, idempotency memory and request time are bounded.
 */

export interface GenericTargetOptions {
  /** The bearer token it accepts (default: a random one). */
  token?: string;
  /** A token that may read but not write: PUT answers 403 (to test "permission refused"). */
  readOnlyToken?: string;
  /** Path prefix of the API (default `/api/v1`): the extension's "base URL" is origin + basePath. */
  basePath?: string;
  port?: number;
  /** How long an Idempotency-Key is remembered (default 24 h, the protocol's minimum). */
  idempotencyTtlMs?: number;
  /** At most this many keys are remembered; the oldest go first (default 10,000). */
  maxIdempotencyKeys?: number;
  /** Largest request body in bytes (default 10 MB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Clock for updatedAt and key expiry (tests freeze it). */
  now?: () => number;
}

export interface GenericTargetStats {
  /** PUT requests that passed authentication. */
  puts: number;
  /** PUTs that changed a draft (each one a new revision). */
  stored: number;
  /** PUTs answered from the idempotency memory, without storing again. */
  replayed: number;
  /** 409 answers (draft exists, or If-Match did not match). */
  conflicts: number;
  /** 401 and 403 answers. */
  refused: number;
}

export interface GenericTargetLogEntry {
  method: string;
  path: string;
  status: number;
  idempotencyKey?: string;
  ifMatch?: string;
  replayed?: boolean;
}

export interface GenericTarget {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** What the extension is configured with: origin + basePath, e.g. http://127.0.0.1:41234/api/v1 */
  baseUrl: string;
  token: string;
  stats: GenericTargetStats;
  /** Every request answered, in order. */
  log: readonly GenericTargetLogEntry[];
  /** A stored draft (a copy), or undefined. */
  draft(issueId: string): Draft | undefined;
  /** All stored drafts (copies), by issue id. */
  drafts(): Record<string, Draft>;
  /** Simulates the editor editing the draft in the backend: a new revision, like any change. */
  editDraft(issueId: string, change: Partial<Pick<Draft, 'title' | 'content'>>): Draft;
  /** Simulates the editor deleting the draft in the backend. */
  deleteDraft(issueId: string): boolean;
  /** Changes the accepted token (credentials rotated): the old one then gets 401. */
  setToken(token: string): void;
  /** Forgets drafts, keys, stats and the log (the token stays). */
  reset(): void;
  close(): Promise<void>;
}

interface RememberedResponse {
  fingerprint: string;
  status: number;
  body: string;
  etag: string;
  expiresAt: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<ErrorBody> = {},
  ) {
    super(message);
  }
}

/** Starts the reference server on 127.0.0.1 (a free port unless `port` is given). */
export async function startGenericTarget(options: GenericTargetOptions = {}): Promise<GenericTarget> {
  const basePath = (options.basePath ?? '/api/v1').replace(/\/+$/, '');
  const ttl = options.idempotencyTtlMs ?? IDEMPOTENCY_KEY_TTL_MS;
  const maxKeys = options.maxIdempotencyKeys ?? 10_000;
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const now = options.now ?? Date.now;
  let token = options.token ?? randomBytes(18).toString('base64url');

  const drafts = new Map<string, Draft>();
  // Insertion-ordered: the first entries are the oldest, evicted first when full.
  const keys = new Map<string, RememberedResponse>();
  // One counter for the whole server, so a deleted and recreated draft never reuses a revision
  // (a stale If-Match must not match the new draft by accident).
  let revisionCounter = 0;
  const stats: GenericTargetStats = { puts: 0, stored: 0, replayed: 0, conflicts: 0, refused: 0 };
  const log: GenericTargetLogEntry[] = [];

  const nextRevision = () => String(++revisionCounter);
  const stamp = () => new Date(now()).toISOString();

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, {
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'cache-control': 'no-store',
      ...headers,
    });
    response.end(text);
  }

  async function readBody(request: IncomingMessage): Promise<string> {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > maxBody) throw new HttpError(413, ERROR_CODES.tooLarge, `body over ${maxBody} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > maxBody) throw new HttpError(413, ERROR_CODES.tooLarge, `body over ${maxBody} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function bearer(request: IncomingMessage): string | undefined {
    return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  }

  function authorize(request: IncomingMessage, write: boolean): void {
    const given = bearer(request);
    if (given !== undefined && given === token) return;
    if (given !== undefined && options.readOnlyToken !== undefined && given === options.readOnlyToken) {
      if (!write) return;
      throw new HttpError(403, ERROR_CODES.forbidden, 'this token may not change drafts');
    }
    throw new HttpError(401, ERROR_CODES.unauthorized, given === undefined ? 'a bearer token is required' : 'the token is not valid');
  }

  function forgetExpiredKeys(): void {
    const t = now();
    for (const [key, remembered] of keys) {
      if (remembered.expiresAt > t && keys.size <= maxKeys) break;
      keys.delete(key);
    }
  }

  async function putDraft(
    request: IncomingMessage,
    response: ServerResponse,
    issueId: string,
    entry: GenericTargetLogEntry,
  ): Promise<void> {
    stats.puts += 1;
    const keyHeader = request.headers['idempotency-key'];
    const key = IdempotencyKeyHeader.safeParse(Array.isArray(keyHeader) ? keyHeader[0] : keyHeader);
    if (!key.success)
      throw new HttpError(400, ERROR_CODES.missingKey, 'PUT needs an Idempotency-Key header (1-200 visible ASCII characters)');
    entry.idempotencyKey = key.data;
    const ifMatchHeader = request.headers['if-match'];
    const ifMatch = typeof ifMatchHeader === 'string' ? ifMatchHeader.trim() : undefined;
    if (ifMatch !== undefined) entry.ifMatch = ifMatch;

    const raw = await readBody(request);
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(contentType))
      throw new HttpError(400, ERROR_CODES.invalidBody, 'Content-Type must be application/json');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HttpError(400, ERROR_CODES.invalidBody, 'the body is not JSON');
    }
    const parsed = DraftPut.safeParse(json);
    if (!parsed.success)
      throw new HttpError(
        400,
        ERROR_CODES.invalidBody,
        parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      );

    // Replays come before the If-Match check: after the first attempt stored, the revision moved on,
    // and the retry (same key, same old If-Match) must get the first answer, not a false 409.
    forgetExpiredKeys();
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([request.method, issueId, ifMatch ?? null, parsed.data]))
      .digest('hex');
    const remembered = keys.get(key.data);
    if (remembered && remembered.expiresAt > now()) {
      if (remembered.fingerprint !== fingerprint) {
        throw new HttpError(422, ERROR_CODES.keyReused, 'this Idempotency-Key was used for a different request');
      }
      stats.replayed += 1;
      entry.replayed = true;
      response.writeHead(remembered.status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        etag: remembered.etag,
        'idempotent-replayed': 'true',
      });
      response.end(remembered.body);
      return;
    }

    const current = drafts.get(issueId);
    if (ifMatch === undefined) {
      if (current)
        throw new HttpError(409, ERROR_CODES.draftExists, 'a draft for this issue exists: send If-Match with its revision', {
          current: structuredClone(current),
        });
    } else {
      if (!current) throw new HttpError(404, ERROR_CODES.notFound, 'no draft for this issue (deleted?)');
      const wanted = ifMatch === '*' ? current.revision : revisionFromEtag(ifMatch);
      if (wanted !== current.revision) {
        throw new HttpError(409, ERROR_CODES.revisionMismatch, `the draft is at revision ${current.revision}, not ${ifMatch}`, {
          current: structuredClone(current),
        });
      }
    }

    const draft: Draft = Draft.parse({
      ...parsed.data,
      issueId,
      revision: nextRevision(),
      updatedAt: stamp(),
      ...(current?.editUrl ? { editUrl: current.editUrl } : {}),
    });
    drafts.set(issueId, draft);
    stats.stored += 1;
    const status = current ? 200 : 201;
    const body = JSON.stringify(draft);
    const etag = etagFor(draft.revision);
    keys.delete(key.data);
    keys.set(key.data, { fingerprint, status, body, etag, expiresAt: now() + ttl });
    forgetExpiredKeys();
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      etag,
      ...(status === 201 ? { location: `${basePath}/drafts/${encodeURIComponent(issueId)}` } : {}),
    });
    response.end(body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse, entry: GenericTargetLogEntry): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    entry.path = url.pathname;
    if (!url.pathname.startsWith(`${basePath}/`)) throw new HttpError(404, ERROR_CODES.notFound, 'no such resource');
    const rest = url.pathname.slice(basePath.length);
    const method = request.method ?? 'GET';

    if (rest === '/protocol') {
      if (method !== 'GET') throw new HttpError(405, 'method_not_allowed', 'only GET');
      authorize(request, false);
      const info: ProtocolInfo = { protocol: PROTOCOL_NAME, version: PROTOCOL_VERSION, canWrite: bearer(request) === token };
      send(response, 200, info);
      return;
    }

    const match = /^\/drafts\/([^/]+)$/.exec(rest);
    const issueId = match ? IssueIdParam.safeParse(decodeURIComponent(match[1]!)) : undefined;
    if (!issueId?.success) throw new HttpError(404, ERROR_CODES.notFound, 'no such resource');

    if (method === 'GET') {
      authorize(request, false);
      const draft = drafts.get(issueId.data);
      if (!draft) throw new HttpError(404, ERROR_CODES.notFound, 'no draft for this issue');
      send(response, 200, draft, { etag: etagFor(draft.revision) });
      return;
    }
    if (method === 'PUT') {
      authorize(request, true);
      await putDraft(request, response, issueId.data, entry);
      return;
    }
    if (method === 'DELETE') {
      // Optional in the protocol (the extension never deletes a draft); here for tests and tools.
      authorize(request, true);
      if (!drafts.delete(issueId.data)) throw new HttpError(404, ERROR_CODES.notFound, 'no draft for this issue');
      send(response, 204, undefined);
      return;
    }
    throw new HttpError(405, 'method_not_allowed', 'only GET, PUT and DELETE');
  }

  const server = createServer((request, response) => {
    const entry: GenericTargetLogEntry = { method: request.method ?? 'GET', path: request.url ?? '/', status: 0 };
    response.on('finish', () => {
      entry.status = response.statusCode;
      if (log.length < 100_000) log.push(entry);
    });
    handle(request, response, entry).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if (error.status === 409) stats.conflicts += 1;
        if (error.status === 401 || error.status === 403) stats.refused += 1;
        const headers: Record<string, string> = {};
        if (error.status === 401) headers['www-authenticate'] = 'Bearer realm="drafts"';
        if (error.status === 405) headers.allow = 'GET, PUT, DELETE';
        if (error.extra.current) headers.etag = etagFor(error.extra.current.revision);
        // A body larger than allowed is not read: close the connection instead of draining it.
        if (error.status === 413) headers.connection = 'close';
        send(response, error.status, { error: { code: error.code, message: error.message }, ...error.extra }, headers);
        return;
      }
      send(response, 500, { error: { code: 'internal', message: String(error) } });
    });
  });
  // Bounded: a client that sends its request too slowly is cut off.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  const { origin, sockets } = await listenOnLoopback(server, options.port ?? 0);

  return {
    origin,
    baseUrl: `${origin}${basePath}`,
    get token() {
      return token;
    },
    stats,
    log,
    draft: (issueId) => {
      const draft = drafts.get(issueId);
      return draft ? structuredClone(draft) : undefined;
    },
    drafts: () => Object.fromEntries([...drafts].map(([id, draft]) => [id, structuredClone(draft)])),
    editDraft(issueId, change) {
      const current = drafts.get(issueId);
      if (!current) throw new Error(`no draft for issue ${issueId}`);
      const next = Draft.parse({ ...current, ...change, revision: nextRevision(), updatedAt: stamp() });
      drafts.set(issueId, next);
      return structuredClone(next);
    },
    deleteDraft: (issueId) => drafts.delete(issueId),
    setToken(next) {
      token = next;
    },
    reset() {
      drafts.clear();
      keys.clear();
      log.length = 0;
      Object.assign(stats, { puts: 0, stored: 0, replayed: 0, conflicts: 0, refused: 0 });
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
