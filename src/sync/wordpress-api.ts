import { z } from 'zod';

/** The fields of a WordPress post the extension reads (`?context=edit`), parsed, never trusted. */
export const WordPressPost = z.object({
  id: z.number().int().positive(),
  status: z.string(),
  link: z.string().optional(),
  modified_gmt: z.string(),
  content: z.object({ raw: z.string() }),
  title: z.object({ raw: z.string() }).optional(),
  categories: z.array(z.number()).optional(),
  tags: z.array(z.number()).optional(),
});
export type WordPressPost = z.infer<typeof WordPressPost>;

export const WordPressPostList = z.array(WordPressPost);

/** What `GET /wp/v2/users/me?context=edit` says about the Application Password's user. */
export const WordPressUser = z.object({
  id: z.number(),
  name: z.string(),
  capabilities: z.record(z.string(), z.boolean()).optional(),
});

/** A category or tag (`/wp/v2/categories`, `/wp/v2/tags`). */
export const WordPressTerm = z.object({ id: z.number().int().positive(), name: z.string() });
export const WordPressTermList = z.array(WordPressTerm);

/** A REST route as a URL that works with and without pretty permalinks (`?rest_route=`). */
export function restUrl(siteUrl: string, route: string, query: Record<string, string> = {}): string {
  const url = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * The site address a redirected REST request points to: the final URL without its `rest_route` (or
 * `/wp-json/…`) part, e.g. `https://www.example.org/news` for `https://www.example.org/news/?rest_route=/`.
 */
export function siteAddressOf(restRequestUrl: string): string {
  const url = new URL(restRequestUrl);
  url.searchParams.delete('rest_route');
  const api = url.pathname.indexOf('/wp-json');
  if (api >= 0) url.pathname = url.pathname.slice(0, api);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** The Basic authorization header for an Application Password (spaces in it are allowed by WordPress). */
export function basicAuth(user: string, appPassword: string): string {
  const bytes = new TextEncoder().encode(`${user}:${appPassword}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
