import { type Locator, type Page, expect } from '@playwright/test';

export const FORM_FIELDS = ['title', 'url', 'authors', 'siteName', 'publishedTime', 'lang', 'excerpt', 'quote', 'summary'] as const;
export type FormFieldName = (typeof FORM_FIELDS)[number];

/** The clip form (popup/index.html), driven through its visible controls. */
export class PopupPage {
  constructor(readonly page: Page) {}

  async waitReady(): Promise<void> {
    await expect(this.page.locator('#summary, [role=alert]').first()).toBeVisible();
  }

  field(name: FormFieldName): Locator {
    return this.page.locator(`#${name}`);
  }

  async value(name: FormFieldName): Promise<string> {
    return this.field(name).inputValue();
  }

  /** All pre-filled values, by field name. */
  async values(): Promise<Record<FormFieldName, string>> {
    const entries = await Promise.all(FORM_FIELDS.map(async (name) => [name, await this.value(name)] as const));
    return Object.fromEntries(entries) as Record<FormFieldName, string>;
  }

  /** The source marker's tooltip next to a field's label ("from JSON-LD structured data"). */
  sourceOf(name: FormFieldName): Locator {
    return this.page.locator(`label[for=${name}] .source`);
  }

  /** Types like a person: key by key, so every input event fires. */
  async type(name: FormFieldName, text: string): Promise<void> {
    await this.field(name).click();
    await this.field(name).pressSequentially(text);
  }

  async replace(name: FormFieldName, text: string): Promise<void> {
    await this.field(name).fill(text);
  }

  async chooseSection(label: string): Promise<void> {
    await this.page.locator('#section').selectOption({ label });
  }

  async sectionLabel(): Promise<string> {
    return this.page.locator('#section option:checked').innerText();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^Save/ }).click();
    await expect(this.saveStatus).toContainText('Saved ✓');
  }

  async saveWithShortcut(): Promise<void> {
    await this.field('summary').press('Control+Enter');
    await expect(this.saveStatus).toContainText('Saved ✓');
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  get weekCount(): Locator {
    return this.page.getByTestId('week-count');
  }

  get clippedBefore(): Locator {
    return this.page.getByTestId('clipped-before');
  }

  get draftRestored(): Locator {
    return this.page.getByTestId('draft-restored');
  }

  get notes(): Locator {
    return this.page.getByTestId('capture-note');
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
