import browser from 'webextension-polyfill';
import { TargetConfig } from '../sync/target-config';

const KEY = 'target';

/** The configured target from storage.local, or undefined (none, or unreadable: the options page says so). */
export async function readTarget(): Promise<TargetConfig | undefined> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = TargetConfig.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function writeTarget(config: TargetConfig): Promise<void> {
  await browser.storage.local.set({ [KEY]: TargetConfig.parse(config) });
}

export async function clearTarget(): Promise<void> {
  await browser.storage.local.remove(KEY);
}
