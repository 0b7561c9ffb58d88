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

  /** The n-th reranked column (0-based), with its settings and its ordered list. */
  column(n = 0) {
    const heading = this.page.getByRole('heading', { name: /^Reranked: / }).nth(n);
    const list = this.page.getByRole('list', { name: /^Reranked: / }).nth(n);
    return {
      heading,
      list,
      rows: list.getByTestId('reranked-row'),
      model: this.page.getByLabel('Model', { exact: true }).nth(n),
      device: this.page.getByLabel('Device').nth(n),
      precision: this.page.getByLabel('Precision').nth(n),
      batch: this.page.getByLabel('Batch').nth(n),
    };
  }

  get rerankButton() {
    return this.page.getByRole('button', { name: 'Rerank', exact: true });
  }

  /** Picks a local model and pins device and precision, so a test does not depend on what the browser offers. */
  async useLocalModel(model: string, options: { device?: 'wasm' | 'webgpu'; dtype?: 'fp32' | 'q8'; n?: number } = {}) {
    const column = this.column(options.n ?? 0);
    await column.model.fill(model);
    await column.device.selectOption(options.device ?? 'wasm');
    await column.precision.selectOption(options.dtype ?? 'fp32');
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
