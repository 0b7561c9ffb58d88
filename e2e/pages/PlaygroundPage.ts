import { expect, type Locator, type Page } from '@playwright/test';

/** The playground as a person sees it: locators by role and label, data cells by test id. */
export class PlaygroundPage {
  readonly query: Locator;
  readonly documents: Locator;
  readonly parseSummary: Locator;
  readonly parseIssues: Locator;
  readonly firstStage: Locator;
  readonly firstStageRows: Locator;

  constructor(readonly page: Page) {
    this.query = page.getByLabel('Query', { exact: true });
    this.documents = page.getByLabel('Documents', { exact: true });
    this.parseSummary = page.getByTestId('parse-summary');
    this.parseIssues = page.getByTestId('parse-issues');
    this.firstStage = page.getByRole('list', { name: /^First stage/ });
    this.firstStageRows = this.firstStage.getByTestId('first-stage-row');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Rerank Playground' })).toBeVisible();
  }

  /** Replaces the documents field the way a paste does, then leaves the field so the app reads it at once. */
  async pasteDocuments(text: string) {
    await this.documents.fill(text);
    await this.documents.blur();
  }

  /**
   * A real clipboard paste (Ctrl+V) into the documents field. `fill` types through the editor and takes
   * minutes for megabytes; a paste is what a person does with a big retriever dump.
   */
  async pasteFromClipboard(text: string) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.documents.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
    await this.documents.blur();
  }

  firstStageIds(): Promise<string[]> {
    return this.firstStageRows.getByTestId('doc-id').allTextContents();
  }

  async chooseFirstStage(name: 'Retriever scores' | 'BM25' | 'Input order') {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }
}
