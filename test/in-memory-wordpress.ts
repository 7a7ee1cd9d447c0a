// A tiny WordPress REST API in memory, for the unit tests of the WordPress adapter and the connection
// check: an injected `fetch` that answers the routes they use (through `?rest_route=`), checks Basic
// auth, records every request, and can be told to misbehave for the next requests. Test code only:
// the real WordPress is exercised end to end under e2e/.
import { basicAuth } from '../src/sync/wordpress-api';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
  credentials: RequestCredentials | undefined;
  redirect: RequestRedirect | undefined;
}

/** Answers one request instead of the server; `serve` lets it ask the server first (a lost answer). */
export type Fault = (request: RecordedRequest, serve: () => Response) => Response | Promise<Response>;

export interface StoredPost {
  id: number;
  status: string;
  title: string;
  content: string;
  /** Seconds since the epoch: WordPress's modified_gmt has one-second resolution. */
  modified: number;
}

export const SITE_URL = 'https://news.example.org';
export const WP_USER = 'ada';
// Application Passwords come in groups with spaces; a colon and non-ASCII make the encoding matter.
export const WP_PASSWORD = 'abcd EFGH 1234 ijkl:MNOP ünï';

/** Which request a fault waits for: by method and REST route (exact, or a pattern). */
export interface Where {
  method?: string;
  route?: string | RegExp;
}

/** The REST route of a request (`?rest_route=`), or undefined for a plain page. */
export function routeOf(request: RecordedRequest): string | undefined {
  return new URL(request.url).searchParams.get('rest_route') ?? undefined;
}

function matches(request: RecordedRequest, where: Where): boolean {
  if (where.method && where.method !== request.method) return false;
  const route = routeOf(request);
  if (typeof where.route === 'string' && where.route !== route) return false;
  if (where.route instanceof RegExp && !(route !== undefined && where.route.test(route))) return false;
  return true;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers } });

export class FakeWordPress {
  readonly posts = new Map<number, StoredPost>();
  readonly requests: RecordedRequest[] = [];
  /** Faults waiting for a request they match; each answers one request, the first it matches. */
  private readonly faults: { fault: Fault; where: Where }[] = [];
  /** The server's clock, in seconds. */
  seconds = Date.parse('2026-06-10T10:00:00Z') / 1000;
  capabilities: Record<string, boolean> = { edit_posts: true, publish_posts: true };
  namespaces = ['oembed/1.0', 'wp/v2'];
  /** Some sites answer an unaccepted password as if no one had signed in (a visitor), not with a 401. */
  wrongPasswordIsVisitor = false;
  private nextId = 100;

  constructor(
    readonly siteUrl = SITE_URL,
    readonly user = WP_USER,
    readonly password = WP_PASSWORD,
  ) {}

  /** The injected fetch. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : String(input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
      credentials: init?.credentials,
      redirect: init?.redirect,
    };
    this.requests.push(request);
    const at = this.faults.findIndex(({ where }) => matches(request, where));
    const fault = at >= 0 ? this.faults.splice(at, 1)[0]!.fault : undefined;
    const serve = () => this.handle(request);
    return fault ? fault(request, serve) : serve();
  };

  /** Makes the next request matching `where` (any request by default) meet `fault`. */
  inject(fault: Fault, where: Where = {}): void {
    this.faults.push({ fault, where });
  }

  tick(seconds = 60): void {
    this.seconds += seconds;
  }

  static modifiedGmt(seconds: number): string {
    return new Date(seconds * 1000).toISOString().slice(0, 19);
  }

  /** The editor changes a post in WordPress (a minute later unless `sameSecond`). */
  editorEdits(id: number, edit: (content: string) => string, { sameSecond = false } = {}): void {
    const post = this.posts.get(id);
    if (!post) throw new Error(`no post ${id}`);
    if (!sameSecond) this.tick();
    post.content = edit(post.content);
    post.modified = this.seconds;
  }

  /** A post as `?context=edit` shows it. */
  view(post: StoredPost) {
    return {
      id: post.id,
      date_gmt: FakeWordPress.modifiedGmt(post.modified),
      modified_gmt: FakeWordPress.modifiedGmt(post.modified),
      status: post.status,
      link: `${this.siteUrl}/?p=${post.id}`,
      title: { raw: post.title, rendered: post.title },
      content: { raw: post.content, rendered: '<p>(rendered)</p>', protected: false },
    };
  }

  private handle(request: RecordedRequest): Response {
    const url = new URL(request.url);
    const base = new URL(this.siteUrl.endsWith('/') ? this.siteUrl : `${this.siteUrl}/`);
    if (url.origin !== base.origin || url.pathname !== base.pathname)
      throw new TypeError(`Failed to fetch (no such site: ${url.origin}${url.pathname})`);
    const route = url.searchParams.get('rest_route');
    if (route === null)
      return new Response('<!doctype html><title>News</title>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    if (route === '/') return json(200, { name: 'News', url: this.siteUrl, namespaces: this.namespaces });
    if (!this.namespaces.includes('wp/v2'))
      return json(404, { code: 'rest_no_route', message: 'No route was found.', data: { status: 404 } });

    const params = url.searchParams;
    const auth = request.headers.get('Authorization');
    const signedIn = auth === basicAuth(this.user, this.password);
    if (auth !== null && !signedIn && !this.wrongPasswordIsVisitor) {
      return json(401, {
        code: 'incorrect_password',
        message: 'The provided password is an invalid application password.',
        data: { status: 401 },
      });
    }
    if (!signedIn) {
      // A visitor: WordPress validates the status filter before it checks the context.
      if (route === '/wp/v2/users/me')
        return json(401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } });
      if (route === '/wp/v2/posts' && request.method === 'GET' && (params.get('status') ?? 'publish') !== 'publish') {
        return json(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): status', data: { status: 400 } });
      }
      return json(401, { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit posts.', data: { status: 401 } });
    }

    if (route === '/wp/v2/users/me' && request.method === 'GET') {
      return json(200, {
        id: 1,
        name: 'Ada Lovelace',
        slug: 'ada',
        ...(params.get('context') === 'edit' ? { capabilities: this.capabilities } : {}),
      });
    }
    if (route === '/wp/v2/posts' && request.method === 'GET') {
      const statuses = (params.get('status') ?? 'publish').split(',');
      const search = params.get('search') ?? '';
      const perPage = Number(params.get('per_page') ?? 10);
      const found = [...this.posts.values()]
        .filter((p) => statuses.includes(p.status) && (!search || p.content.includes(search) || p.title.includes(search)))
        .sort((a, b) => b.id - a.id)
        .slice(0, perPage);
      return json(
        200,
        found.map((p) => this.view(p)),
      );
    }
    if (route === '/wp/v2/posts' && request.method === 'POST') {
      if (!this.capabilities.edit_posts)
        return json(403, {
          code: 'rest_cannot_create',
          message: 'Sorry, you are not allowed to create posts as this user.',
          data: { status: 403 },
        });
      const body = JSON.parse(request.body ?? '{}') as { title?: string; content?: string; status?: string };
      const post: StoredPost = {
        id: this.nextId++,
        status: body.status ?? 'draft',
        title: body.title ?? '',
        content: body.content ?? '',
        modified: this.seconds,
      };
      this.posts.set(post.id, post);
      return json(201, this.view(post));
    }
    const single = /^\/wp\/v2\/posts\/(\d+)$/.exec(route);
    if (single) {
      const post = this.posts.get(Number(single[1]));
      if (!post) return json(404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
      if (request.method === 'GET') return json(200, this.view(post));
      if (request.method === 'POST') {
        const body = JSON.parse(request.body ?? '{}') as { title?: string; content?: string; status?: string };
        if (body.content !== undefined) post.content = body.content;
        if (body.title !== undefined) post.title = body.title;
        if (body.status !== undefined) post.status = body.status;
        post.modified = this.seconds;
        return json(200, this.view(post));
      }
    }
    return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
  }
}

/** Faults, as a proxy in front of the server would inject them. */
export const faults = {
  /** The connection fails before the server sees the request. */
  networkError: (): Fault => () => {
    throw new TypeError('Failed to fetch');
  },
  /** The server does the work, then the connection is reset before the answer arrives. */
  lostResponse: (): Fault => (_request, serve) => {
    serve();
    throw new TypeError('Failed to fetch (connection reset)');
  },
  /** The server answers with this status and body, and does nothing. */
  status:
    (status: number, headers: Record<string, string> = {}, body = '<html><body>Service Unavailable</body></html>'): Fault =>
    () =>
      new Response(body, { status, headers: { 'Content-Type': 'text/html', ...headers } }),
  /** A 200 with this body, instead of the server's. */
  body:
    (text: string): Fault =>
    () =>
      new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } }),
  /** The server does the work; its answer is cut off half way (a complete but truncated body). */
  truncated: (): Fault => async (_request, serve) => {
    const text = await serve().text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  },
  /** The server does the work; the connection drops while the body is being read. */
  brokenBody: (): Fault => async (_request, serve) => {
    const text = await serve().text();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text.slice(0, 10)));
        controller.error(new TypeError('network error'));
      },
    });
    return new Response(stream, { status: 200 });
  },
  /**
   * The site now lives at `origin` (http → https, www. added), as a browser's fetch meets it: a
   * request that follows redirects ends there (answered by the server, marked `redirected`); one
   * with `redirect: 'manual'` gets an opaque redirect (status 0, no body, no location).
   */
  movedTo:
    (origin: string, pathPrefix = ''): Fault =>
    (request, serve) => {
      if (request.redirect === 'manual' || request.redirect === 'error') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperties(opaque, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
        return opaque;
      }
      const answer = serve();
      const url = new URL(request.url);
      Object.defineProperties(answer, {
        redirected: { value: true },
        url: { value: `${origin}${pathPrefix}${url.pathname}${url.search}` },
      });
      return answer;
    },
  /** Never answers; gives up only when the request is aborted. */
  stall: (): Fault => (request) =>
    new Promise<Response>((_resolve, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (request.signal?.aborted) abort();
      request.signal?.addEventListener('abort', abort);
    }),
  /** Sends the headers, then a body that never ends (until aborted). */
  stallBody: (): Fault => (request) => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        request.signal?.addEventListener('abort', () => controller.error(new DOMException('The operation was aborted.', 'AbortError')));
      },
    });
    return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
  },
};
