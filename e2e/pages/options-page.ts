import { type Page, expect } from '@playwright/test';

/** The options page's WordPress section. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<OptionsPage> {
    await page.goto(`chrome-extension://${extensionId}/options/index.html`);
    await expect(page.getByLabel('Site address')).toBeVisible();
    return new OptionsPage(page);
  }

  async fillWordPress(siteUrl: string, user: string, password: string): Promise<void> {
    await this.page.getByLabel('Site address').fill(siteUrl);
    await this.page.getByLabel('User name').fill(user);
    await this.page.getByLabel('Application Password').fill(password);
  }

  /** Saves the connection (asking for host access first, as the editor's click does). */
  async connect(siteUrl: string, user: string, password: string): Promise<void> {
    await this.fillWordPress(siteUrl, user, password);
    await this.page.getByRole('button', { name: 'Save and allow access' }).click();
    await expect(this.page.getByTestId('wordpress-status')).toContainText('Saved ✓');
  }

  /** Connects a generic HTTP/JSON drafting server instead of WordPress. */
  async connectGeneric(baseUrl: string, token: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Backend', exact: true }).selectOption('generic');
    await this.page.getByLabel('Server address').fill(baseUrl);
    await this.page.getByLabel('Token').fill(token);
    await this.page.getByRole('button', { name: 'Save and allow access' }).click();
    await expect(this.page.getByTestId('wordpress-status')).toContainText('Saved ✓');
  }

  async testConnection(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
    const checks = this.page.getByTestId('connection-checks').locator('li');
    await expect(checks.first()).toBeVisible();
    return checks.allInnerTexts();
  }
}
