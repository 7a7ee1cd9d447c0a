import { beforeEach, describe, expect, it } from 'vitest';
import { FakeWordPress, SITE_URL, WP_PASSWORD, WP_USER, faults } from '../../test/in-memory-wordpress';
import { basicAuth } from './wordpress-api';
import { checkWordPress } from './wordpress-check';

const ME = '/wp/v2/users/me';
const config = { siteUrl: SITE_URL, user: WP_USER, appPassword: WP_PASSWORD };

let wp: FakeWordPress;
beforeEach(() => {
  wp = new FakeWordPress();
});

const check = (overrides: Partial<typeof config> = {}, timeoutMs = 40) => checkWordPress({ ...config, ...overrides }, wp.fetch, timeoutMs);
const names = (steps: { name: string; ok: boolean }[]) => steps.map((s) => [s.name, s.ok]);

describe('checkWordPress', () => {
  it('reports every step in words when all is well', async () => {
    const steps = await check();
    expect(names(steps)).toEqual([
      ['reachable', true],
      ['rest-api', true],
      ['credentials', true],
      ['can-edit', true],
    ]);
    expect(steps[0]?.message).toMatch(/answered \(HTTP 200\)/);
    expect(steps[1]?.message).toMatch(/REST API was found/);
    expect(steps[2]?.message).toBe('Signed in as Ada Lovelace.');
    expect(steps[3]?.message).toMatch(/may create and edit posts/);
  });

  it('says when the site cannot be reached, and stops there', async () => {
    wp.inject(faults.networkError(), { route: '/' });
    const steps = await check();
    expect(names(steps)).toEqual([['reachable', false]]);
    expect(steps[0]?.message).toMatch(/could not be reached: Failed to fetch\. Check the address/);
  });

  it('says a site that does not answer in time cannot be reached', async () => {
    wp.inject(faults.stall(), { route: '/' });
    const steps = await check({}, 20);
    expect(names(steps)).toEqual([['reachable', false]]);
    expect(steps[0]?.message).toMatch(/could not be reached/);
  });

  it('says when there is no REST API: an HTML page, a 404, or no wp/v2 namespace', async () => {
    for (const fault of [
      faults.body('<!doctype html><p>Hello</p>'),
      faults.status(404, {}, '{"namespaces":["wp/v2"]}'),
      faults.body('{"namespaces":["oembed/1.0"]}'),
      faults.body('{"name":"x"}'),
    ]) {
      wp.inject(fault, { route: '/' });
      const steps = await check();
      expect(names(steps)).toEqual([
        ['reachable', true],
        ['rest-api', false],
      ]);
      expect(steps[1]?.message).toMatch(/No WordPress REST API was found at this address/);
    }
  });

  it('says when the site redirects to another address (http → https), naming it, before sending the password', async () => {
    wp.inject(faults.movedTo('https://www.example.org'), { route: '/' });
    const steps = await check();
    expect(names(steps)).toEqual([
      ['reachable', true],
      ['rest-api', false],
    ]);
    expect(steps[1]?.message).toBe(
      'The site redirects to https://www.example.org: enter that address instead, so that the password is sent to it and updates are not redirected.',
    );
    expect(wp.requests.some((r) => r.headers.has('Authorization'))).toBe(false);
  });

  it('says so for a redirect within the site too (updates would fail), naming the address with its path', async () => {
    wp.inject(faults.movedTo(new URL(SITE_URL).origin, '/en'), { route: '/' });
    const steps = await check();
    expect(names(steps)).toEqual([
      ['reachable', true],
      ['rest-api', false],
    ]);
    expect(steps[1]?.message).toMatch(new RegExp(`^The site redirects to ${new URL(SITE_URL).origin}/en:`));
  });

  it('says a server error answers but has no REST API', async () => {
    wp.inject(faults.status(500), { route: '/' });
    const steps = await check();
    expect(steps[0]).toMatchObject({ ok: true, message: expect.stringMatching(/HTTP 500/) });
    expect(steps[1]?.ok).toBe(false);
  });

  it('says when the credentials are refused (401), and how to make an Application Password', async () => {
    const steps = await check({ appPassword: 'not the password' });
    expect(names(steps)).toEqual([
      ['reachable', true],
      ['rest-api', true],
      ['credentials', false],
    ]);
    expect(steps[2]?.message).toMatch(/not accepted \(HTTP 401\)/);
    expect(steps[2]?.message).toMatch(/Application Password under Users → Profile/);
  });

  it('says when the credentials are refused by a site that treats them as a visitor', async () => {
    wp.wrongPasswordIsVisitor = true;
    const steps = await check({ appPassword: 'not the password' });
    expect(steps.at(-1)).toMatchObject({ name: 'credentials', ok: false, message: expect.stringMatching(/HTTP 401/) });
  });

  it('says the credentials were not accepted when the user check cannot be read', async () => {
    wp.inject(faults.networkError(), { route: ME });
    expect(names(await check()).at(-1)).toEqual(['credentials', false]);
    wp.inject(faults.body('<html>login</html>'), { route: ME });
    const steps = await check();
    expect(steps.at(-1)).toMatchObject({ name: 'credentials', ok: false, message: expect.stringMatching(/HTTP 200/) });
  });

  it('says when the user may not edit posts', async () => {
    wp.capabilities = { read: true };
    const steps = await check();
    expect(steps.at(-1)).toEqual({
      name: 'can-edit',
      ok: false,
      message: 'This user may not edit posts: use an Author, Editor or Administrator account.',
    });
    expect(steps.slice(0, 3).every((s) => s.ok)).toBe(true);
  });

  it('says the user may not edit posts when WordPress does not list capabilities', async () => {
    wp.inject(faults.body('{"id":1,"name":"Ada"}'), { route: ME });
    expect((await check()).at(-1)).toMatchObject({ name: 'can-edit', ok: false });
  });

  it('sends the credentials only to the site’s origin, only in the Authorization header, and not to the index', async () => {
    await check();
    expect(wp.requests).toHaveLength(2);
    for (const request of wp.requests) {
      expect(new URL(request.url).origin).toBe(SITE_URL);
      expect(request.url).not.toContain(encodeURIComponent(WP_PASSWORD));
      expect(request.url).not.toContain(WP_PASSWORD);
      expect(request.credentials).toBe('omit');
    }
    expect(wp.requests[0]?.headers.get('Authorization')).toBeNull();
    expect(wp.requests[1]?.headers.get('Authorization')).toBe(basicAuth(WP_USER, WP_PASSWORD));
    expect(new URL(wp.requests[1]!.url).searchParams.get('rest_route')).toBe('/wp/v2/users/me');
    expect(new URL(wp.requests[1]!.url).searchParams.get('context')).toBe('edit');
  });
});
