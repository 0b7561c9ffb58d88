import { columnTitle, runSignature, scoreKindOf, scorerSignature, scorerSignatureOf, type ColumnConfig, type RunState } from './columns';
import type { Bm25Settings } from './settingsSlice';

/**
 * What names a run's scores: the column's title and score-changing settings when the run started. A run
 * keeps them, so that after the model is switched its scores are still named after the model that gave them.
 */

/** The settings that change a column's scores, in words, in a fixed order (batch size, timeouts: not scores). */
export function scorerSettings(config: ColumnConfig, bm25: Bm25Settings): string[] {
  if (config.kind === 'local') {
    const long = config.longDocuments;
    return [
      `device ${config.device}`,
      `dtype ${config.dtype}`,
      `max ${config.maxLength} tokens`,
      long?.mode === 'split' ? `long documents split (stride ${long.stride}, ${long.aggregate})` : 'long documents cut',
    ];
  }
  if (config.kind === 'cohere') return [`base URL ${config.settings.baseUrl}`, `max ${config.settings.maxTokensPerDoc} tokens per document`];
  return [`k1 ${bm25.k1}`, `b ${bm25.b}`, `stemming ${bm25.stem ? 'on' : 'off'}`, `stopwords ${bm25.stopwords ? 'removed' : 'kept'}`];
}

/** What a run records when it starts: its signature, and what names its scores later. */
export function runStart(config: ColumnConfig, bm25: Bm25Settings, query: string, ids: readonly string[]): Pick<RunState, 'signature' | 'title' | 'settings' | 'scoreKind'> {
  return { signature: runSignature(config, bm25, query, ids), title: columnTitle(config), settings: scorerSettings(config, bm25), scoreKind: scoreKindOf(config) };
}

/** Whether the run's scores came from other settings or another model than the column has now. */
export function scorerChanged(run: Pick<RunState, 'signature'>, config: ColumnConfig, bm25: Bm25Settings): boolean {
  return run.signature !== '' && scorerSignatureOf(run) !== scorerSignature(config, bm25);
}

/**
 * The name of the scores a column shows: the run's model when it was switched since, with the settings that
 * differ when only they changed. A run saved before titles were kept falls back to the current title.
 */
export function runScoresName(run: Pick<RunState, 'signature' | 'title' | 'settings' | 'ids'>, config: ColumnConfig, bm25: Bm25Settings): string {
  const current = columnTitle(config);
  if (run.ids.length === 0 || !scorerChanged(run, config, bm25)) return current;
  const title = run.title ?? current;
  if (title !== current) return title;
  const now = new Set(scorerSettings(config, bm25));
  const earlier = (run.settings ?? []).filter((setting) => !now.has(setting));
  return earlier.length > 0 ? `${title} (earlier settings: ${earlier.join(', ')})` : `${title} (earlier settings)`;
}

/** The one out-of-date notice of a column's run, or null when its scores belong to what is on screen. */
export function outOfDateNotice(run: RunState, config: ColumnConfig, bm25: Bm25Settings, query: string, ids: readonly string[]): string | null {
  if (run.signature === '' || run.signature === runSignature(config, bm25, query, ids)) return null;
  if (!scorerChanged(run, config, bm25)) return 'The query or the candidates changed since this run. Press Rerank to update.';
  return `Scores shown are from ${runScoresName(run, config, bm25)} — out of date: this column's settings changed since this run. Press Rerank to update.`;
}
