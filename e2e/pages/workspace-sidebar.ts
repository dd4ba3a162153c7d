import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the workspace part of the sidebar: switcher, tree, item actions, import and export. */
export class WorkspaceSidebar {
  readonly select: Locator;
  readonly tree: Locator;
  readonly filter: Locator;
  readonly error: Locator;
  readonly undoBar: Locator;

  constructor(readonly page: Page) {
    this.select = page.getByTestId('ws-select');
    this.tree = page.getByTestId('ws-tree');
    this.filter = page.getByTestId('ws-filter');
    this.error = page.getByTestId('ws-error');
    this.undoBar = page.getByTestId('ws-undo-bar');
  }

  async createWorkspace(name: string): Promise<void> {
    await this.page.getByTestId('ws-new').click();
    await this.page.getByTestId('ws-form-input').fill(name);
    await this.page.getByTestId('ws-form-submit').click();
    await expect(this.select.locator('option:checked')).toHaveText(name);
  }

  /** A tree row (request or folder) by its visible name. */
  item(name: string): Locator {
    return this.tree.locator('.tree-item', { hasText: name }).first();
  }

  /** The ⋯ actions of the row with that name. */
  async actions(name: string): Promise<Locator> {
    await this.tree.locator('.tree-line', { hasText: name }).first().locator('.tree-more').click();
    return this.tree.locator('.tree-actions');
  }

  async newFolder(name: string): Promise<void> {
    await this.page.getByTestId('ws-new-folder').click();
    await this.rename('New folder', name);
  }

  async newRequestIn(folder: string, name: string): Promise<void> {
    const actions = await this.actions(folder);
    await actions.getByTestId('ws-folder-action-new-request').click();
    await this.rename('New request', name);
  }

  async rename(from: string, to: string): Promise<void> {
    const actions = await this.actions(from);
    await actions.locator('input').fill(to);
    await actions.locator('button', { hasText: 'Rename' }).click();
    await expect(this.item(to)).toBeVisible();
  }

  async delete(name: string): Promise<void> {
    const actions = await this.actions(name);
    await actions.locator('button', { hasText: 'Delete' }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('ws-undo').click();
  }

  async open(name: string): Promise<void> {
    await this.item(name).click();
  }

  /** Ctrl/Cmd+S on the active tab. */
  async save(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+S');
  }

  /** Ctrl/Cmd+S on a request never saved: "Save as" asks where; accepts its proposal (the open workspace). */
  async saveAsNew(name?: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+S');
    const dialog = this.page.getByTestId('save-as-dialog');
    if (name !== undefined) await dialog.getByTestId('save-as-name').fill(name);
    await dialog.getByTestId('save-as-submit').click();
    await expect(dialog).toHaveCount(0);
  }

  async importFile(path: string): Promise<Locator> {
    await this.page.getByTestId('ws-import').click();
    const dialog = this.page.getByTestId('import-dialog');
    // Browser mode: the file input uploads the file to the main side, which grants it.
    await dialog.getByTestId('import-file').setInputFiles(path);
    await expect(dialog.getByTestId('import-file-name')).toBeVisible();
    await dialog.getByTestId('import-preview').click();
    await expect(dialog.getByTestId('import-preview-panel')).toBeVisible();
    return dialog;
  }

  async confirmImport(dialog: Locator): Promise<void> {
    await dialog.getByTestId('import-confirm').click();
    await expect(dialog.getByTestId('import-done')).toBeVisible();
    await dialog.getByTestId('import-cancel').click();
  }

  /** Pastes text into the URL field as a user's Ctrl+V would deliver it. */
  async pasteIntoUrl(text: string): Promise<void> {
    const url = this.page.getByTestId('url-input');
    await url.focus();
    await url.evaluate((input, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }
}
