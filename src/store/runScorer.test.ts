import { describe, expect, it } from 'vitest';
import { defaultCohereSettings } from '../rerankers/cohere/settings';
import { defaultLocalConfig, idleRun, type ColumnConfig, type RunState } from './columns';
import { outOfDateNotice, runScoresName, runStart, scorerChanged, scorerSettings } from './runScorer';
import { defaultBm25 } from './settingsSlice';

const ids = ['__proto__', 'constructor'];
const minilm: ColumnConfig = defaultLocalConfig;
const bge: ColumnConfig = { ...defaultLocalConfig, model: 'Xenova/bge-reranker-base' };
const bm25: ColumnConfig = { kind: 'bm25' };

/** A finished run of `config` over (query 'q', ids), as runColumns.ts starts one. */
const ranWith = (config: ColumnConfig, bm25Settings = defaultBm25): RunState => ({
  ...idleRun,
  ...runStart(config, bm25Settings, 'q', ids),
  status: 'done',
  ids,
  scores: new Map([['__proto__', 1], ['constructor', 2]]),
});

describe('runStart', () => {
  it('records the title and the score-changing settings of the config the run starts with', () => {
    const start = runStart(minilm, defaultBm25, 'q', ids);
    expect(start.title).toBe('Xenova/ms-marco-MiniLM-L-6-v2');
    expect(start.settings).toEqual(['device auto', 'dtype auto', 'max 512 tokens', 'long documents cut']);
    expect(start.scoreKind).toBe('raw logit');
    expect(runStart(bm25, { k1: 0.9, b: 0.4, stem: true, stopwords: false }, 'q', ids).settings).toEqual(['k1 0.9', 'b 0.4', 'stemming on', 'stopwords kept']);
    const cohere = runStart({ kind: 'cohere', settings: { ...defaultCohereSettings, provider: 'custom', baseUrl: 'http://localhost:8080', model: 'bge' } }, defaultBm25, 'q', ids);
    expect(cohere.title).toBe('Custom server bge');
    expect(cohere.settings).toEqual(['base URL http://localhost:8080', 'max 4096 tokens per document']);
  });

  it('leaves batch size out of the settings: it does not change a score', () => {
    expect(scorerSettings({ ...defaultLocalConfig, batchSize: 1 }, defaultBm25)).toEqual(scorerSettings(defaultLocalConfig, defaultBm25));
  });
});

describe('runScoresName', () => {
  it('is the column’s title while its run is current, and before any run', () => {
    expect(runScoresName(ranWith(minilm), minilm, defaultBm25)).toBe('Xenova/ms-marco-MiniLM-L-6-v2');
    expect(runScoresName(idleRun, bge, defaultBm25)).toBe('Xenova/bge-reranker-base');
  });

  it('names the model that gave the scores after the model is switched', () => {
    expect(runScoresName(ranWith(minilm), bge, defaultBm25)).toBe('Xenova/ms-marco-MiniLM-L-6-v2');
    const cohere: ColumnConfig = { kind: 'cohere', settings: defaultCohereSettings };
    const v3: ColumnConfig = { kind: 'cohere', settings: { ...defaultCohereSettings, model: 'rerank-english-v3.0' } };
    expect(runScoresName(ranWith(cohere), v3, defaultBm25)).toBe('Cohere rerank-v3.5');
  });

  it('names the earlier settings when only they changed, the same model kept', () => {
    expect(runScoresName(ranWith(minilm), { ...defaultLocalConfig, maxLength: 256, dtype: 'q8' }, defaultBm25)).toBe(
      'Xenova/ms-marco-MiniLM-L-6-v2 (earlier settings: dtype auto, max 512 tokens)',
    );
    expect(runScoresName(ranWith(bm25), bm25, { ...defaultBm25, k1: 2 })).toBe('BM25 over the top N (earlier settings: k1 1.2)');
  });

  it('falls back to the current title for a run saved before titles were kept', () => {
    const old: RunState = { ...ranWith(minilm), title: undefined, settings: undefined };
    expect(runScoresName(old, bge, defaultBm25)).toBe('Xenova/bge-reranker-base (earlier settings)');
  });
});

describe('outOfDateNotice', () => {
  it('is null while the run belongs to what is on screen, and for a column that never ran', () => {
    expect(outOfDateNotice(ranWith(minilm), minilm, defaultBm25, 'q', ids)).toBeNull();
    expect(outOfDateNotice(idleRun, bge, defaultBm25, 'q', ids)).toBeNull();
  });

  it('says only the query or candidates changed when the model did not', () => {
    expect(outOfDateNotice(ranWith(minilm), minilm, defaultBm25, 'another query', ids)).toBe('The query or the candidates changed since this run. Press Rerank to update.');
    expect(outOfDateNotice(ranWith(minilm), minilm, defaultBm25, 'q', ['constructor'])).toBe('The query or the candidates changed since this run. Press Rerank to update.');
  });

  it('names the old model once the model is switched, whatever else changed too', () => {
    const said = "Scores shown are from Xenova/ms-marco-MiniLM-L-6-v2 — out of date: this column's settings changed since this run. Press Rerank to update.";
    expect(outOfDateNotice(ranWith(minilm), bge, defaultBm25, 'q', ids)).toBe(said);
    expect(outOfDateNotice(ranWith(minilm), bge, defaultBm25, 'another query', ids)).toBe(said);
  });

  it('marks a BM25 column out of date when k1, b, stemming or stopwords change', () => {
    for (const changed of [{ k1: 0.5 }, { b: 0.1 }, { stem: true }, { stopwords: true }]) {
      const settings = { ...defaultBm25, ...changed };
      expect(scorerChanged(ranWith(bm25), bm25, settings)).toBe(true);
      expect(outOfDateNotice(ranWith(bm25), bm25, settings, 'q', ids)).toMatch(/^Scores shown are from BM25 over the top N \(earlier settings: /);
    }
    expect(scorerChanged(ranWith(bm25), bm25, { ...defaultBm25 })).toBe(false);
  });
});
