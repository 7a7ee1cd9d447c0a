import { webHref } from '../export/safe-url';
import type { DraftUpdate, PushOptions, SyncAdapter } from './adapter';
import { Draft, type DraftPut, ErrorBody, ProtocolInfo, draftUrl, etagFor, idempotencyKey, protocolUrl } from './generic-protocol';
import { type HttpCall, callJson } from './http-call';
import { findRegion, regionEditedSince, regionHash, replaceRegion } from './managed-region';
import { SyncError } from './sync-error';
import { type TargetDescription, describeTarget } from './sync-words';
import type { SyncState } from './sync-state';

export interface GenericConfig {
  /** The backend's base URL, e.g. https://drafts.example.org/api/v1 (docs/generic-target.md). */
  baseUrl: string;
  token: string;
}

/** The fences the region is written with (see managed-region.ts), announced to the server with each PUT. */
const MANAGED = { start: '<!-- wp:html -->', end: '<!-- /wp:html -->' };

/**
 * Syncs an issue to a home-grown drafting backend speaking the generic HTTP/JSON protocol: one draft
 * per issue at `{base}/drafts/{issueId}`, revisions compared with If-Match, every PUT carrying an
 * Idempotency-Key. The region merge happens here, exactly as for WordPress.
 */
export class GenericAdapter implements SyncAdapter {
  readonly target: string;
  private readonly description: TargetDescription;
  private readonly http: HttpCall;

  constructor(
    private readonly config: GenericConfig,
    options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => number } = {},
  ) {
    this.target = `generic:${config.baseUrl.replace(/\/+$/, '')}`;
    this.description = describeTarget('generic', config.baseUrl);
    this.http = {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 15_000,
      now: options.now ?? Date.now,
      target: this.description,
    };
  }

  private get auth() {
    return { Authorization: `Bearer ${this.config.token}` };
  }

  /** "Test connection": the protocol endpoint (which needs the token) answers with our protocol. */
  async check(): Promise<ProtocolInfo> {
    return (await callJson(this.http, protocolUrl(this.config.baseUrl), ProtocolInfo, { headers: this.auth })).data!;
  }

  /** The stored draft, or undefined when there is none yet (a 404 is an answer here, not a failure). */
  private async fetchDraft(issueId: string): Promise<Draft | undefined> {
    const answer = await callJson(this.http, draftUrl(this.config.baseUrl, issueId), Draft, { headers: this.auth, accept: [404] });
    return answer.data;
  }

  private async put(issueId: string, body: DraftPut, revision: string | undefined): Promise<Draft> {
    const key = await idempotencyKey(issueId, revision, body);
    const headers = { ...this.auth, 'Idempotency-Key': key, ...(revision ? { 'If-Match': etagFor(revision) } : {}) };
    // An update (If-Match) of a draft that is no more is a 404 or 410 (docs/generic-target.md): deleted there.
    const answer = await callJson(this.http, draftUrl(this.config.baseUrl, issueId), Draft, {
      method: 'PUT',
      headers,
      body,
      accept: revision ? [409, 404, 410] : [409],
    });
    if (answer.status === 404 || answer.status === 410) throw new SyncError('draft-deleted', { status: answer.status }, this.description);
    if (answer.status !== 409) return answer.data!;
    // A create that raced a lost earlier create, or an update that raced an edit: read what is there now.
    const current = ErrorBody.safeParse(safeJson(answer.text)).data?.current;
    if (!revision && current && findRegion(current.content)?.issueId === issueId) {
      // The server has our own draft (its answer was lost and its key forgotten): adopt it.
      return this.put(
        issueId,
        { ...body, content: replaceRegion(current.content, findRegion(body.content)?.text ?? body.content) },
        current.revision,
      );
    }
    throw new SyncError('edit-race', {}, this.description);
  }

  private async state(issueId: string, draft: Draft): Promise<SyncState> {
    return {
      issueId,
      target: this.target,
      remoteId: issueId,
      // The server's link is shown in the desk: only an http(s) one is kept (the one safe-URL check).
      ...(draft.editUrl && webHref(draft.editUrl) ? { editUrl: webHref(draft.editUrl)! } : {}),
      lastSyncedAt: this.http.now(),
      regionHash: await regionHash(findRegion(draft.content)?.text ?? ''),
      remoteModified: draft.revision,
    };
  }

  async remoteRegion(issueId: string): Promise<string> {
    const draft = await this.fetchDraft(issueId);
    return draft ? (findRegion(draft.content)?.text ?? '') : '';
  }

  async push(update: DraftUpdate, previous: SyncState | undefined, options: PushOptions = {}): Promise<SyncState> {
    const current = await this.fetchDraft(update.issueId);
    const sameTarget = previous?.target === this.target;
    if (!current) {
      if (sameTarget) {
        throw new SyncError('draft-deleted', {}, this.description);
      }
      const created = await this.put(
        update.issueId,
        { title: update.title, content: `${update.region}\n`, format: 'html', managed: MANAGED },
        undefined,
      );
      return this.state(update.issueId, created);
    }
    if (options.keepRemote) return this.state(update.issueId, current);
    const region = findRegion(current.content);
    if (sameTarget && !options.overwrite && (await regionEditedSince(region?.text, previous, update.region))) {
      throw new SyncError('conflict', {}, this.description);
    }
    const content = replaceRegion(current.content, update.region);
    if (content === current.content) return this.state(update.issueId, current);
    await options.beforeWrite?.(await regionHash(findRegion(content)?.text ?? ''));
    const saved = await this.put(update.issueId, { title: current.title, content, format: 'html', managed: MANAGED }, current.revision);
    return this.state(update.issueId, saved);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
