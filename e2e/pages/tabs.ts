import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the tab strip, its context menu, the unsaved-changes question and "Save as". */
export class TabStrip {
  readonly strip: Locator;
  readonly menu: Locator;
  readonly unsavedDialog: Locator;
  readonly unsavedItems: Locator;
  readonly saveAsDialog: Locator;
  readonly saveAsName: Locator;
  readonly saveAsWorkspace: Locator;
  readonly saveAsFolder: Locator;
  readonly saveAsDuplicate: Locator;
  readonly saveAsNewWorkspace: Locator;
  readonly saveAsWorkspaceNote: Locator;

  constructor(readonly page: Page) {
    this.strip = page.getByTestId('tab-strip');
    this.menu = page.getByTestId('tab-menu');
    this.unsavedDialog = page.getByTestId('unsaved-dialog');
    this.unsavedItems = this.unsavedDialog.getByTestId('unsaved-item');
    this.saveAsDialog = page.getByTestId('save-as-dialog');
    this.saveAsName = this.saveAsDialog.getByTestId('save-as-name');
    this.saveAsWorkspace = this.saveAsDialog.getByTestId('save-as-workspace');
    this.saveAsFolder = this.saveAsDialog.getByTestId('save-as-folder');
    this.saveAsDuplicate = this.saveAsDialog.getByTestId('save-as-duplicate');
    this.saveAsNewWorkspace = this.saveAsDialog.getByTestId('save-as-new-workspace');
    this.saveAsWorkspaceNote = this.saveAsDialog.getByTestId('save-as-workspace-note');
  }

  tab(index: number): Locator {
    return this.page.getByTestId(`request-tab-${index}`);
  }

  /** Every tab, in strip order. */
  get all(): Locator {
    return this.strip.getByRole('tab');
  }

  activeTab(): Locator {
    return this.strip.getByRole('tab', { selected: true });
  }

  unsavedDot(index: number): Locator {
    return this.page.getByTestId(`request-tab-${index}-unsaved`);
  }

  /** The visible titles of the tabs, in order. */
  async titles(): Promise<string[]> {
    return this.strip.locator('.tab-title').allInnerTexts();
  }

  /** True when the tabs are wider than the strip (it then scrolls sideways). */
  async overflows(): Promise<boolean> {
    return this.strip.evaluate((el) => el.scrollWidth > el.clientWidth);
  }

  async stripHeight(): Promise<number> {
    return (await this.strip.boundingBox())?.height ?? 0;
  }

  async isPreview(index: number): Promise<boolean> {
    return (await this.tab(index).getAttribute('data-preview')) === 'true';
  }

  async newTab(): Promise<void> {
    await this.page.getByTestId('request-tab-new').click();
  }

  async select(index: number): Promise<void> {
    await this.tab(index).click();
  }

  async close(index: number): Promise<void> {
    await this.page.getByTestId(`request-tab-${index}-close`).click();
  }

  async middleClick(index: number): Promise<void> {
    await this.tab(index).click({ button: 'middle' });
  }

  async doubleClick(index: number): Promise<void> {
    await this.tab(index).dblclick();
  }

  /** Ctrl/Cmd+W on the active tab. */
  async closeActiveByKey(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+W');
  }

  async openMenu(index: number): Promise<Locator> {
    await this.tab(index).click({ button: 'right' });
    await expect(this.menu).toBeVisible();
    return this.menu;
  }

  /** Shift+F10 on the focused tab. */
  async openMenuByKeyboard(index: number): Promise<Locator> {
    await this.tab(index).focus();
    await this.page.keyboard.press('Shift+F10');
    await expect(this.menu).toBeVisible();
    return this.menu;
  }

  menuItem(action: string): Locator {
    return this.page.getByTestId(`tab-menu-${action}`);
  }

  /** Runs a context-menu action: close, close-others, close-right, close-all, duplicate, reveal, keep-open. */
  async menuAction(index: number, action: string): Promise<void> {
    await this.openMenu(index);
    await this.menuItem(action).click();
  }

  /** Drags tab `from` onto the right half of tab `to`. */
  async drag(from: number, to: number): Promise<void> {
    const target = this.tab(to).locator('xpath=..');
    const box = await target.boundingBox();
    if (!box) throw new Error(`tab ${to} is not visible`);
    await this.tab(from).dragTo(target, { targetPosition: { x: box.width - 4, y: box.height / 2 } });
  }

  async answerUnsaved(answer: 'save' | 'discard' | 'cancel'): Promise<void> {
    await expect(this.unsavedDialog).toBeVisible();
    await this.unsavedDialog.getByTestId(`unsaved-${answer}`).click();
    await expect(this.unsavedDialog).toHaveCount(0);
  }

  async submitSaveAs(): Promise<void> {
    await this.saveAsDialog.getByTestId('save-as-submit').click();
    await expect(this.saveAsDialog).toHaveCount(0);
  }

  async cancelSaveAs(): Promise<void> {
    await this.saveAsDialog.getByTestId('save-as-cancel').click();
    await expect(this.saveAsDialog).toHaveCount(0);
  }
}
