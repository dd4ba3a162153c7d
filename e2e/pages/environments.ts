import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the environment switcher and its editor dialog. */
export class EnvironmentsPanel {
  readonly select: Locator;
  readonly editor: Locator;
  /** Under the switcher: where the chosen environment is kept. */
  readonly location: Locator;
  /** In the editor: where the environment shown is kept, or where a new one will be saved. */
  readonly editorLocation: Locator;

  constructor(readonly page: Page) {
    this.select = page.getByTestId('environment-select');
    this.editor = page.getByTestId('environment-editor');
    this.location = page.getByTestId('environment-location');
    this.editorLocation = page.getByTestId('environment-editor-location');
  }

  /** The label of the environment chosen in the switcher. */
  chosen(): Locator {
    return this.select.locator('option:checked');
  }

  /** Opens the editor on a new, unsaved environment (close it with `closeEditor`). */
  async startNew(): Promise<void> {
    await this.page.getByTestId('environment-manage').click();
    await expect(this.editor).toBeVisible();
    await this.page.getByTestId('environment-new').click();
  }

  /** Creates an environment with the given variables (`{ secret }` for a secret one). */
  async create(name: string, variables: Record<string, string | { secret: string }>): Promise<void> {
    await this.page.getByTestId('environment-manage').click();
    await expect(this.editor).toBeVisible();
    await this.page.getByTestId('environment-new').click();
    await this.page.getByTestId('environment-name').fill(name);
    let index = 0;
    for (const [variable, value] of Object.entries(variables)) {
      await this.page.getByTestId(`variable-name-${index}`).fill(variable);
      await this.page
        .getByTestId(`variable-value-${index}`)
        .fill(typeof value === 'string' ? value : value.secret);
      if (typeof value !== 'string') await this.page.getByLabel(`Variable ${index + 1} is secret`).check();
      index++;
    }
    await this.page.getByTestId('environment-save').click();
    await expect(this.page.getByTestId('environment-saved')).toBeVisible();
    await this.editor.getByRole('button', { name: 'Close' }).click();
    await expect(this.editor).toBeHidden();
  }

  async choose(name: string): Promise<void> {
    await this.select.selectOption({ label: name });
  }

  /** Opens the editor on one environment (close it with `closeEditor`). */
  async edit(name: string): Promise<void> {
    await this.page.getByTestId('environment-manage').click();
    await expect(this.editor).toBeVisible();
    await this.page.getByTestId(`environment-item-${name}`).click();
  }

  async closeEditor(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Close' }).click();
    await expect(this.editor).toBeHidden();
  }
}
