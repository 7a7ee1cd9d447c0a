import { z } from 'zod';

/**
 * The generic HTTP/JSON drafting protocol: what the extension sends to a home-grown drafting backend
 * and what it accepts back. docs/generic-target.md explains it for implementers; the reference server
 * is e2e/servers/generic-target.ts. Every response is parsed with these schemas before it is used.
 *
 * The server is a small document store with revisions: one draft per issue, addressed by the issue id.
 * All the merging (the managed region, the editor's own text around it) happens in the extension, so a
 * backend needs only: bearer-token auth, GET and PUT of a draft, a revision compared on `If-Match`, and
 * a memory of recent `Idempotency-Key`s.
 */

/** Sent by `GET {base}/protocol`, so "Test connection" can tell a drafting backend from any web server. */
export const PROTOCOL_NAME = 'newsletter-clipper-drafts';
export const PROTOCOL_VERSION = 1;

/** Generous but bounded: the rendered issue (a few hundred clippings) is well under 1 MB. */
export const MAX_CONTENT_CHARS = 2_000_000;
/** A server keeps an idempotency key at least this long (the outbox retries for longer than a day only after a permanent stop). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** An issue id as it appears in a path (`/drafts/{issueId}`); the extension's ids match this. */
export const IssueIdParam = z.string().regex(/^[A-Za-z0-9._~-]{1,64}$/, 'an issue id is 1-64 URL-safe characters');

/** `Idempotency-Key`: `nc1-` and 64 hex digits (see idempotencyKey). Servers accept any 1-200 visible ASCII characters. */
export const IdempotencyKeyHeader = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'an Idempotency-Key is 1-200 visible ASCII characters');

/** A revision is opaque to the extension: a server may use a counter, a timestamp or a hash. */
export const Revision = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21\x23-\x7e]+$/, 'a revision is visible ASCII without double quotes');

/** `GET {base}/protocol` → 200. Needs the token, so it also checks the credentials. */
export const ProtocolInfo = z.object({
  protocol: z.literal(PROTOCOL_NAME),
  version: z.number().int().min(1),
  /** Whether this token may change drafts (PUT); absent when the server cannot tell. */
  canWrite: z.boolean().optional(),
});
export type ProtocolInfo = z.infer<typeof ProtocolInfo>;

/**
 * The managed region's fences: `content` holds exactly one region, starting with `start` and ending
 * with `end`. Text outside the region is the editor's. Servers may use them (to show the region
 * read-only, say) but must store `content` exactly as sent.
 */
export const ManagedMarkers = z.object({
  start: z.string().min(1).max(1000),
  end: z.string().min(1).max(1000),
});
export type ManagedMarkers = z.infer<typeof ManagedMarkers>;

/** The body of `PUT {base}/drafts/{issueId}`: the whole draft, as the extension wants it stored. */
export const DraftPut = z.object({
  /** The post's title, from the issue's title template. */
  title: z.string().max(1000),
  /** The whole draft (the editor's text around the managed region included), HTML. */
  content: z.string().max(MAX_CONTENT_CHARS),
  /** Only HTML today; a field so that a later version can add others without breaking servers. */
  format: z.literal('html'),
  managed: ManagedMarkers,
});
export type DraftPut = z.infer<typeof DraftPut>;

/** A stored draft: the answer to GET, and to a successful PUT (which also sets `ETag: "<revision>"`). */
export const Draft = DraftPut.extend({
  issueId: IssueIdParam,
  /** Changes on every stored change (ours or the editor's in the backend); sent back in `If-Match`. */
  revision: Revision,
  /** ISO 8601, informative. */
  updatedAt: z.string().max(64),
  /** Where the editor can open the draft, when the backend has a page for it. */
  editUrl: z.string().max(2000).optional(),
});
export type Draft = z.infer<typeof Draft>;

/** Error bodies are optional and informative; the status code alone decides what the extension does. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string().max(100), message: z.string().max(2000) }),
  /** With 409: the draft as it is now, so the editor can compare without another request. */
  current: Draft.optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Machine-readable `error.code`s the reference server uses (servers may use others). */
export const ERROR_CODES = {
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  draftExists: 'draft_exists',
  revisionMismatch: 'revision_mismatch',
  keyReused: 'idempotency_key_reused',
  invalidBody: 'invalid_body',
  missingKey: 'missing_idempotency_key',
  tooLarge: 'too_large',
} as const;

/** `{base}/drafts/{issueId}`, with the base's own path kept (`https://x.example/api/v1` works). */
export function draftUrl(base: string, issueId: string): string {
  return `${base.replace(/\/+$/, '')}/drafts/${encodeURIComponent(IssueIdParam.parse(issueId))}`;
}

/** `{base}/protocol`. */
export function protocolUrl(base: string): string {
  return `${base.replace(/\/+$/, '')}/protocol`;
}

/** A revision as an entity tag: `"3"`. */
export function etagFor(revision: string): string {
  return `"${Revision.parse(revision)}"`;
}

/** The revision in an `ETag` or `If-Match` value (`"3"`, `W/"3"` or a bare `3`); undefined for `*` or garbage. */
export function revisionFromEtag(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^\s*(?:W\/)?"?([\x21\x23-\x7e]+?)"?\s*$/.exec(value);
  if (!match || match[1] === '*') return undefined;
  const parsed = Revision.safeParse(match[1]);
  return parsed.success ? parsed.data : undefined;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The `Idempotency-Key` of a PUT: a hash of the issue, the revision the change builds on (`If-Match`,
 * or none for a create) and the body. So every retry of one change carries the same key, however
 * often the worker restarts, and two different changes never share one, even when a later change
 * restores an earlier text (its base revision differs).
 */
export async function idempotencyKey(issueId: string, ifMatchRevision: string | undefined, body: DraftPut): Promise<string> {
  const canonical = JSON.stringify([
    issueId,
    ifMatchRevision ?? null,
    body.title,
    body.content,
    body.format,
    body.managed.start,
    body.managed.end,
  ]);
  return `nc1-${await sha256Hex(canonical)}`;
}
