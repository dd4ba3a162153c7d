import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the environment switcher and its editor dialog. */
export class EnvironmentsPanel {
  readonly select: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.select = page.getByTestId('environment-select');
    this.editor = page.getByTestId('environment-editor');
  }

  /** Creates an environment with the given variables and selects it. */
  async create(name: string, variables: Record<string, string>): Promise<void> {
    await this.page.getByTestId('environment-manage').click();
    await expect(this.editor).toBeVisible();
    await this.page.getByTestId('environment-new').click();
    await this.page.getByTestId('environment-name').fill(name);
    let index = 0;
    for (const [variable, value] of Object.entries(variables)) {
      await this.page.getByTestId(`variable-name-${index}`).fill(variable);
      await this.page.getByTestId(`variable-value-${index}`).fill(value);
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
}
