import browser from 'webextension-polyfill';
import { z } from 'zod';
import { FeedLogin } from '../feeds/source-config';

/**
 * Tiny Tiny RSS logins, by source id, in storage.local: never in the settings, so never in an export,
 * a backup or a message to a page (the worker answers only whether a password is stored).
 */
const KEY = 'feedLogins';

const Logins = z.record(z.string().max(64), FeedLogin);

async function readAll(): Promise<Record<string, FeedLogin>> {
  const parsed = Logins.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : {};
}

export async function readFeedLogin(sourceId: string): Promise<FeedLogin | undefined> {
  return (await readAll())[sourceId];
}

export async function writeFeedLogin(sourceId: string, login: FeedLogin): Promise<void> {
  await browser.storage.local.set({ [KEY]: { ...(await readAll()), [sourceId]: FeedLogin.parse(login) } });
}

export async function removeFeedLogin(sourceId: string): Promise<void> {
  const { [sourceId]: _gone, ...rest } = await readAll();
  await browser.storage.local.set({ [KEY]: rest });
}
