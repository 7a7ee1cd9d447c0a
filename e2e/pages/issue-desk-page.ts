import { type Locator, type Page, expect } from '@playwright/test';

/** The issue desk (issue/index.html), driven through its visible controls. */
export class IssueDeskPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<IssueDeskPage> {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/issue/index.html`);
    const desk = new IssueDeskPage(page);
    await expect(page.getByTestId('issue-count')).toBeVisible();
    return desk;
  }

  section(name: string): Locator {
    return this.page.getByTestId('section').filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${name}\\b`) }) });
  }

  cards(section: string): Locator {
    return this.section(section).getByTestId('clipping');
  }

  /** The titles of a section's clippings, in order. */
  async titles(section: string): Promise<string[]> {
    return this.cards(section).locator('.card-title').allInnerTexts();
  }

  card(title: string): Locator {
    return this.page.getByTestId('clipping').filter({ has: this.page.locator('.card-title', { hasText: title }) });
  }

  /** The live preview's document (a sandboxed frame), once it has rendered. */
  async preview(): Promise<Locator> {
    // Its heading's text, not its visibility: Chromium may throttle the rendering of a cross-origin
    // (sandboxed) frame, leaving its boxes empty for a while on a busy machine (seen on CI).
    await this.page.getByTestId('preview').scrollIntoViewIfNeeded();
    const body = this.page.frameLocator('[data-testid=preview]').locator('body');
    await expect(body.locator('h1')).toHaveText(/\S/);
    return body;
  }

  get notice(): Locator {
    return this.page.getByTestId('notice');
  }

  /** Waits until the worker's reload shows `titles` in `section`. */
  async expectOrder(section: string, titles: string[]): Promise<void> {
    await expect.poll(() => this.titles(section)).toEqual(titles);
  }
}
