/**
 * The app driven the way a person does: query, pasted documents, top N, the column's model, device, precision,
 * max tokens and batch, then Rerank. A run is timed in the page from the click on Rerank to the worker's done
 * reply. The score cache would answer a repeated query without the model, so every run gets its own query.
 */
import type { Page } from '@playwright/test';
import { PlaygroundPage } from '../../e2e/pages/PlaygroundPage';
import { probes } from './bench-browser';
import type { SideRun } from './rerank-sides';

export class UiRerank {
  readonly app: PlaygroundPage;
  private docs = 0;

  constructor(readonly page: Page) {
    this.app = new PlaygroundPage(page);
  }

  async setUp(docs: readonly string[], model: string, dtype: 'fp32' | 'q8', options: { maxLength: number; batchSize: number }): Promise<void> {
    this.docs = docs.length;
    await this.app.pasteFromClipboard(docs.join('\n'));
    await this.page.getByLabel('Rerank the top N').fill(String(docs.length));
    await this.showSettings();
    await this.app.useLocalModel(model, { device: 'wasm', dtype });
    await this.page.getByLabel('Max tokens').fill(String(options.maxLength));
    await this.app.column().batch.fill(String(options.batchSize));
  }

  /** A column's settings fold away after a successful run; open them again to change them. */
  async showSettings(): Promise<void> {
    const show = this.page.getByRole('button', { name: /^Show settings/ }).first();
    if (await show.isVisible()) await show.click();
  }

  async run(query: string): Promise<SideRun> {
    const before = (await probes(this.page)).done.length;
    await this.app.query.fill(query);
    await this.app.rerankButton.click();
    // The worker's done reply ends the run; a run on one slow thread can take minutes.
    await this.page.waitForFunction((n) => (window as unknown as { bench: { done: unknown[] } }).bench.done.length > n, before, { timeout: 600_000, polling: 100 });
    const recorded = await probes(this.page);
    const done = recorded.done.at(-1);
    const click = recorded.clicks.filter((c) => c.label === 'Rerank').at(-1);
    if (!done || !click) throw new Error('ui-rerank: no click on Rerank or no done reply was recorded');
    if (recorded.partial?.total !== this.docs || recorded.partial.scored !== this.docs) {
      throw new Error(`ui-rerank: the worker scored ${recorded.partial?.scored} of ${recorded.partial?.total} documents, expected all ${this.docs}`);
    }
    return { ms: done.at - click.at, tokenizeMs: done.tokenizeMs };
  }
}
