import { z } from 'zod';
import { FeedError } from './feed-error';
import { type FeedHttp, httpRequest } from './feed-http';

/**
 * Tiny Tiny RSS's JSON API (https://tt-rss.org/ApiReference/): POST a JSON body to `<base>/api/`. Every
 * answer is HTTP 200 with `{seq, status, content}`; status 1 carries `content.error`. The session id from
 * `login` goes into every later body as `sid`, and is bound to the User-Agent that logged in.
 */

/** The API address for what the editor typed: the reader's own address (…/tt-rss/) or its …/api/. */
export function ttrssApiUrl(address: string): string {
  const url = new URL(address.trim());
  url.search = '';
  url.hash = '';
  if (!/\/api\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/(index\.php)?$/, '')}/api/`;
  else if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const Envelope = z.object({ seq: z.number().optional(), status: z.number(), content: z.unknown() });
const ErrorContent = z.object({ error: z.string().max(200) });

export const LoginContent = z.object({ session_id: z.string().min(1).max(200), api_level: z.number().optional() });
export const VersionContent = z.object({ version: z.string().max(100) });
export const StatusContent = z.object({ status: z.string().max(100) });

/** One headline of getHeadlines (fields this project reads; the rest are dropped). */
export const Headline = z.object({
  id: z.number().int(),
  link: z.string().max(100_000).nullish(),
  title: z.string().max(100_000).nullish(),
  author: z.string().max(10_000).nullish(),
  /** Unix seconds. */
  updated: z.number().nullish(),
  note: z.string().max(100_000).nullish(),
  content: z.string().max(2_000_000).nullish(),
  feed_title: z.string().max(10_000).nullish(),
});
export type Headline = z.infer<typeof Headline>;
export const Headlines = z.array(Headline).max(1000);

/** Tiny Tiny RSS's error words → our codes. */
function apiError(error: string): FeedError {
  switch (error) {
    case 'LOGIN_ERROR':
    case 'NOT_LOGGED_IN':
      return new FeedError('auth', { said: error });
    case 'API_DISABLED':
      return new FeedError('api-disabled');
    default:
      return new FeedError('bad-response', { said: error });
  }
}

/**
 * One API call: the operation and its parameters in, the `content` checked against `schema` out.
 * A body that is not the API's envelope says there is no API here (`no-api`), a redirect too: a POST
 * that was redirected arrives as a GET without its body.
 */
export async function ttrssCall<T>(http: FeedHttp, apiUrl: string, body: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
  let answer;
  try {
    answer = await httpRequest(http, apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    // A 404 or 405 at …/api/ means no Tiny Tiny RSS there, not a missing feed.
    if (error instanceof FeedError && (error.code === 'not-found' || (error.code === 'rejected' && error.data.status === 405)))
      throw new FeedError('no-api', { ...(error.data.status ? { status: error.data.status } : {}) });
    throw error;
  }
  if (answer.notModified) throw new FeedError('bad-response', { status: 304 });
  if (answer.redirected && new URL(answer.url).href !== apiUrl)
    throw new FeedError('no-api', { movedTo: answer.url.replace(/api\/?$/, '') });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(answer.bytes));
  } catch {
    throw new FeedError('no-api', { status: answer.status });
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw new FeedError('no-api', { status: answer.status });
  if (envelope.data.status !== 0) {
    const error = ErrorContent.safeParse(envelope.data.content);
    throw error.success ? apiError(error.data.error) : new FeedError('bad-response');
  }
  const content = schema.safeParse(envelope.data.content);
  if (!content.success) throw new FeedError('bad-response', { said: `unexpected ${String(body.op)} answer` });
  return content.data;
}
