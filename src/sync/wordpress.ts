import type { z } from 'zod';
import type { DraftUpdate, PushOptions, SyncAdapter } from './adapter';
import { findRegion, regionEditedSince, regionHash, regionMarker, replaceRegion } from './managed-region';
import { type HttpCall, callJson } from './http-call';
import { SyncError } from './sync-error';
import { type TargetDescription, describeTarget } from './sync-words';
import type { SyncState } from './sync-state';
import {
  type WordPressPost,
  WordPressPost as PostSchema,
  WordPressPostList,
  WordPressTerm,
  WordPressTermList,
  WordPressUser,
  basicAuth,
  restUrl,
} from './wordpress-api';

export interface WordPressConfig {
  /** The site's address, e.g. https://news.example.org (the REST API is found under it). */
  siteUrl: string;
  user: string;
  appPassword: string;
}

export interface HttpOptions {
  fetch?: typeof fetch;
  /** A request that takes longer is abandoned and counts as a temporary failure. */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * Syncs an issue to one draft post on a WordPress site through its REST API, with an Application
 * Password. The managed region is the only part of the post it writes; the title is set only when
 * the post is created, so the editor may retitle it in WordPress.
 */
export class WordPressAdapter implements SyncAdapter {
  readonly target: string;
  private readonly description: TargetDescription;
  private readonly http: HttpCall;
  private readonly now: () => number;

  constructor(
    private readonly config: WordPressConfig,
    options: HttpOptions = {},
  ) {
    this.target = `wordpress:${new URL(config.siteUrl).origin}${new URL(config.siteUrl).pathname.replace(/\/$/, '')}`;
    this.now = options.now ?? Date.now;
    this.description = describeTarget('wordpress', config.siteUrl);
    this.http = {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 15_000,
      now: this.now,
      target: this.description,
    };
  }

  /** One REST call: bounded in time, status classified, body parsed with `schema`. */
  private async call<T>(
    schema: z.ZodType<T>,
    route: string,
    init: { method?: string; query?: Record<string, string>; body?: unknown } = {},
  ): Promise<T> {
    // A 404 on one post means it was deleted; on any other route, that there is no REST API here.
    const onePost = /^\/wp\/v2\/posts\/\d+$/.test(route);
    const answer = await callJson(this.http, restUrl(this.config.siteUrl, route, init.query), schema, {
      headers: { Authorization: basicAuth(this.config.user, this.config.appPassword) },
      ...(init.method ? { method: init.method } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
      accept: onePost ? [404, 410] : [404],
    });
    if (answer.status === 404 || answer.status === 410) {
      throw new SyncError(onePost ? 'draft-deleted' : 'not-found', { status: answer.status }, this.description);
    }
    return answer.data as T;
  }

  /** The post remembered for this issue, else one carrying the issue's marker (a create whose answer was lost). */
  private async findPost(issueId: string, previous: SyncState | undefined): Promise<WordPressPost | undefined> {
    if (previous && previous.target === this.target) {
      return this.call(PostSchema, `/wp/v2/posts/${encodeURIComponent(previous.remoteId)}`, { query: { context: 'edit' } });
    }
    // An unaccepted password makes WordPress treat us as a visitor, and a visitor's search for drafts
    // is a 400, not a 401: ask who we are first, so a wrong password is reported as one.
    await this.call(WordPressUser, '/wp/v2/users/me', { query: { context: 'edit' } });
    const found = await this.call(WordPressPostList, '/wp/v2/posts', {
      query: { context: 'edit', status: 'draft,pending,private,future', search: regionMarker(issueId), per_page: '10' },
    });
    return found.find((post) => findRegion(post.content.raw)?.issueId === issueId);
  }

  /** Term ids for names (case-insensitive), creating the missing ones: the sections' categories or tags. */
  private async termIds(taxonomy: 'categories' | 'tags', names: readonly string[] = []): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) {
      const found = await this.call(WordPressTermList, `/wp/v2/${taxonomy}`, { query: { search: name, per_page: '100', context: 'edit' } });
      const match = found.find((term) => term.name.trim().toLowerCase() === name.trim().toLowerCase());
      ids.push(match ? match.id : (await this.call(WordPressTerm, `/wp/v2/${taxonomy}`, { method: 'POST', body: { name } })).id);
    }
    return ids;
  }

  /**
   * `categories` and `tags` for a post body: the sections' terms added to the ones the post has (the
   * editor's own choices in WordPress stay); nothing when nothing would change.
   */
  private async terms(update: DraftUpdate, post?: WordPressPost): Promise<{ categories?: number[]; tags?: number[] }> {
    const merge = (had: number[] = [], ours: number[]) => {
      const all = [...new Set([...had, ...ours])];
      return ours.length && all.length !== had.length ? all : undefined;
    };
    const categories = merge(post?.categories, await this.termIds('categories', update.categories));
    const tags = merge(post?.tags, await this.termIds('tags', update.tags));
    return { ...(categories ? { categories } : {}), ...(tags ? { tags } : {}) };
  }

  private async state(issueId: string, post: WordPressPost): Promise<SyncState> {
    const region = findRegion(post.content.raw);
    return {
      issueId,
      target: this.target,
      remoteId: String(post.id),
      editUrl: restUrlToAdmin(this.config.siteUrl, post.id),
      ...(post.link ? { postUrl: post.link } : {}),
      lastSyncedAt: this.now(),
      regionHash: await regionHash(region?.text ?? ''),
      remoteModified: post.modified_gmt,
    };
  }

  async remoteRegion(issueId: string, previous: SyncState | undefined): Promise<string> {
    const post = await this.findPost(issueId, previous);
    return post ? (findRegion(post.content.raw)?.text ?? '') : '';
  }

  async push(update: DraftUpdate, previous: SyncState | undefined, options: PushOptions = {}): Promise<SyncState> {
    const post = await this.findPost(update.issueId, previous);
    if (!post) {
      const created = await this.call(PostSchema, '/wp/v2/posts', {
        method: 'POST',
        query: { context: 'edit' },
        body: { title: update.title, content: `${update.region}\n`, status: 'draft', ...(await this.terms(update)) },
      });
      return this.state(update.issueId, created);
    }
    if (post.status === 'trash') {
      throw new SyncError('draft-trashed', {}, this.description);
    }
    if (post.status === 'publish') {
      throw new SyncError('published', {}, this.description);
    }
    const current = findRegion(post.content.raw);
    if (options.keepRemote) return this.state(update.issueId, post);
    const sameTarget = previous?.target === this.target && previous.remoteId === String(post.id);
    if (sameTarget && !options.overwrite && (await regionEditedSince(current?.text, previous, update.region))) {
      throw new SyncError('conflict', {}, this.description);
    }
    const content = replaceRegion(post.content.raw, update.region);
    const terms = await this.terms(update, post);
    if (content === post.content.raw && !Object.keys(terms).length) return this.state(update.issueId, post);
    await options.beforeWrite?.(await regionHash(findRegion(content)?.text ?? ''));
    const saved = await this.call(PostSchema, `/wp/v2/posts/${post.id}`, {
      method: 'POST',
      query: { context: 'edit' },
      body: { content, ...terms },
    });
    return this.state(update.issueId, saved);
  }
}

/** The post's edit screen in wp-admin. */
function restUrlToAdmin(siteUrl: string, postId: number): string {
  const url = new URL('wp-admin/post.php', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  url.searchParams.set('post', String(postId));
  url.searchParams.set('action', 'edit');
  return url.toString();
}
