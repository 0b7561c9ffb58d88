import type { Locator, Page } from '@playwright/test';

/** One Cohere (or Cohere-compatible) column: its settings by label, its list and its messages. */
export class CohereColumn {
  readonly settings: Locator;
  readonly provider: Locator;
  readonly baseUrl: Locator;
  readonly useProxy: Locator;
  readonly endpoint: Locator;
  readonly model: Locator;
  readonly maxTokens: Locator;
  readonly timeout: Locator;
  readonly key: Locator;
  readonly rememberKey: Locator;
  readonly forgetKey: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly error: Locator;

  constructor(readonly page: Page, n = 0) {
    this.settings = page.getByRole('group', { name: 'Rerank API settings' }).nth(n);
    this.provider = this.settings.getByLabel('Provider');
    this.baseUrl = this.settings.getByLabel('Base URL');
    this.useProxy = this.settings.getByRole('checkbox', { name: /^Use the dev server’s proxy/ });
    this.endpoint = this.settings.getByTestId('cohere-endpoint');
    this.model = this.settings.getByLabel('Rerank model');
    this.maxTokens = this.settings.getByLabel('Max tokens per document');
    this.timeout = this.settings.getByLabel('Timeout (s)');
    this.key = this.settings.getByLabel('Cohere API key');
    this.rememberKey = this.settings.getByRole('checkbox', { name: 'Remember on this device' });
    this.forgetKey = this.settings.getByRole('button', { name: 'Forget key' });
    this.list = page.getByRole('list', { name: /^Reranked: (Cohere|Custom server) / }).nth(n);
    this.rows = this.list.getByTestId('reranked-row');
    // One reranker failing at a time in these tests: the column's error notice.
    this.error = page.getByRole('alert').filter({ hasText: 'The reranker failed' });
  }

  async add() {
    await this.page.getByRole('button', { name: '+ Cohere or compatible API' }).click();
  }

  /** Adds a Cohere column and removes the others, so a rerank calls only the API under test. */
  async addAlone() {
    await this.add();
    const others = this.page.getByRole('button', { name: /^Remove the column (?!Cohere |Custom server )/ });
    while ((await others.count()) > 0) await others.first().click();
  }

  /** Points the column at a Cohere-compatible server. */
  async useServer(url: string, options: { model?: string; key?: string } = {}) {
    await this.provider.selectOption('custom');
    await this.baseUrl.fill(url);
    await this.model.fill(options.model ?? 'stub-rerank');
    if (options.key !== undefined) await this.key.fill(options.key);
  }

  rowIds(): Promise<string[]> {
    return this.rows.getByTestId('doc-id').allTextContents();
  }
}
