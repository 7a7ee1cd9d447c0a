import browser from 'webextension-polyfill';

export const ISSUE_DESK_PATH = 'issue/index.html';

/** Opens the options page (settings, WordPress, backup). */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Opens the issue desk, reusing its tab when one is open already. */
export async function openIssueDesk(): Promise<void> {
  const url = browser.runtime.getURL(ISSUE_DESK_PATH);
  const [existing] = await browser.tabs.query({ url: `${url}*` }).catch(() => []);
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}
