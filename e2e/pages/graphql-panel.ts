import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the GraphQL workbench (Body tab in GraphQL mode) and the response's GraphQL tab. */
export class GraphqlPanel {
  readonly schemaStatus: Locator;
  readonly schemaError: Locator;
  readonly schemaNotes: Locator;
  readonly schemaDiff: Locator;
  readonly query: Locator;
  readonly variables: Locator;
  readonly estimate: Locator;
  readonly validationSummary: Locator;
  readonly limitWarnings: Locator;
  readonly operationNameWarning: Locator;
  readonly variableProblems: Locator;
  readonly result: Locator;
  readonly resultErrors: Locator;
  readonly missingFields: Locator;
  readonly nullFields: Locator;
  /** Monaco's completion list, wherever it is open. */
  readonly suggestions: Locator;
  /** Monaco's hover (docs of the name under the mouse). */
  readonly hover: Locator;

  constructor(readonly page: Page) {
    this.schemaStatus = page.getByTestId('graphql-schema-status');
    this.schemaError = page.getByTestId('graphql-schema-error');
    this.schemaNotes = page.getByTestId('graphql-schema-notes');
    this.schemaDiff = page.getByTestId('graphql-schema-diff');
    this.query = page.getByTestId('graphql-query');
    this.variables = page.getByTestId('graphql-variables');
    this.estimate = page.getByTestId('graphql-estimate');
    this.validationSummary = page.getByTestId('graphql-validation-summary');
    this.limitWarnings = page.getByTestId('graphql-limit-warning');
    this.operationNameWarning = page.getByTestId('graphql-operation-name-warning');
    this.variableProblems = page.getByTestId('graphql-variable-problems');
    this.result = page.getByTestId('graphql-result');
    this.resultErrors = page.getByTestId('graphql-error');
    this.missingFields = page.getByTestId('graphql-missing-fields');
    this.nullFields = page.getByTestId('graphql-null-fields');
    this.suggestions = page.locator('.suggest-widget .monaco-list-row');
    this.hover = page.locator('.monaco-hover:not(.hidden)');
  }

  async useGraphqlBody(): Promise<void> {
    await this.page.getByTestId('request-tab-body').click();
    await this.page.getByTestId('body-mode').selectOption('graphql');
    await expect(this.page.getByTestId('graphql-editor')).toBeVisible();
  }

  /** Opens the dialog of what changed in the schema (from the schema bar's notice). */
  async showSchemaDiff(): Promise<void> {
    await this.page.getByTestId('graphql-diff-show').click();
    await expect(this.schemaDiff).toBeVisible();
  }

  async closeSchemaDiff(): Promise<void> {
    await this.page.getByTestId('graphql-diff-close').click();
    await expect(this.schemaDiff).toBeHidden();
  }

  async fetchSchema(): Promise<void> {
    await this.page.getByTestId('graphql-fetch-schema').click();
  }

  /** The schema file input (browser mode's file input, hidden behind its button). */
  get schemaFileInput(): Locator {
    return this.page.getByTestId('graphql-schema-file');
  }

  /** Chooses a schema file as a user does in browser mode: the file input uploads it to the main side. */
  async loadSchemaFile(path: string): Promise<void> {
    if ((await this.schemaFileInput.count()) === 0) {
      await this.page.getByTestId('graphql-load-schema-toggle').click();
    }
    await this.schemaFileInput.setInputFiles(path);
  }

  /**
   * Replaces an editor's text by pasting, as a user would: typed text would get Monaco's
   * auto-closed brackets and auto-indent on top of its own.
   */
  private async replaceText(editor: Locator, text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await editor.locator('.monaco-editor').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  async setQuery(text: string): Promise<void> {
    await this.replaceText(this.query, text);
  }

  async setVariables(text: string): Promise<void> {
    await this.replaceText(this.variables, text);
  }

  /** Puts the cursor after `text` (its first occurrence on screen) and asks for completion. */
  async completeAfter(text: string): Promise<void> {
    const line = this.query.locator('.view-line', { hasText: text }).first();
    await line.click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('ControlOrMeta+Space');
  }

  /** Rests the mouse on `word` in the query, for its hover docs. */
  async hoverOn(word: string): Promise<void> {
    const token = this.query.locator('.view-line span span', { hasText: word }).first();
    await token.hover();
  }

  /** Red squiggles Monaco draws for error markers on the query. */
  errorSquiggles(): Locator {
    return this.query.locator('.squiggly-error');
  }

  async openResult(): Promise<void> {
    await this.page.getByTestId('response-tab-graphql').click();
    await expect(this.result).toBeVisible();
  }

  errorLocation(index: number): Locator {
    return this.page.getByTestId(`graphql-error-location-${index}`);
  }

  async persisted(on: boolean): Promise<void> {
    await this.page.getByTestId('graphql-persisted').setChecked(on);
  }

  async fetchRegistry(url: string): Promise<void> {
    await this.page.getByTestId('graphql-registry-url').fill(url);
    await this.page.getByTestId('graphql-registry-fetch').click();
  }

  async setOperationName(name: string): Promise<void> {
    await this.page.getByTestId('graphql-operation-name').fill(name);
  }

  async openDocs(): Promise<void> {
    await this.page.getByTestId('graphql-view-tab-docs').click();
    await expect(this.page.getByTestId('graphql-docs')).toBeVisible();
  }

  async openQueryView(): Promise<void> {
    await this.page.getByTestId('graphql-view-tab-query').click();
  }

  async searchDocs(text: string): Promise<void> {
    await this.page.getByTestId('graphql-docs-search').fill(text);
  }
}
