import { describe, expect, it } from 'vitest';
import { describeRecallCeiling, recallCeiling } from './ceiling';
import { precisionAtK, recallAtK } from './metrics';
import { presetSettings, presets, type Preset, type PresetSettings } from './presets';
import { firstStageRanking, topN } from './ranking';
import { buildBm25Index, scoreBm25 } from './retrieval/bm25';
import type { Candidate, Judgments } from './types';

interface PastedDocument {
  id: string;
  text: string;
  score?: number;
  relevance?: number;
}

// Parsed with JSON.parse on purpose: these tests must not depend on core/parse.
function documentsOf(preset: Preset): PastedDocument[] {
  return JSON.parse(preset.documents) as PastedDocument[];
}

/** The app's defaults as the store sets them (settingsSlice, judgmentsSlice): written out, so a change there is a decision. */
const appDefaults: PresetSettings = { topN: 50, metricK: 10, firstStage: 'supplied', bm25: { k1: 1.2, b: 0.75, stem: false, stopwords: false } };

function judgmentsOf(preset: Preset): Judgments {
  return new Map(documentsOf(preset).flatMap((d) => (d.relevance === undefined ? [] : [[d.id, d.relevance] as const])));
}

function presetById(id: string): Preset {
  const preset = presets.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
}

const tokenizerCombinations = [
  { stem: false, stopwords: false },
  { stem: true, stopwords: false },
  { stem: false, stopwords: true },
  { stem: true, stopwords: true },
];

/** BM25 ranks (1-based, ties by input order) of every document of a preset, by id. */
function bm25Ranks(preset: Preset, options: { stem: boolean; stopwords: boolean }, params = { k1: 1.2, b: 0.75 }) {
  const documents = documentsOf(preset);
  const candidates: Candidate[] = documents.map((d, index) => ({ id: d.id, text: d.text, index }));
  const scores = scoreBm25(buildBm25Index(documents.map((d) => d.text), options), preset.query, params);
  const ranking = firstStageRanking(candidates, 'bm25', scores);
  const scoreOf = new Map(documents.map((d, i) => [d.id, scores[i] as number]));
  return { ranking, rankOf: new Map(ranking.entries.map((e) => [e.id, e.rank])), scoreOf, count: documents.length };
}

describe('presets', () => {
  it('have unique ids, a lesson, a query and valid JSON documents with unique ids', () => {
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    for (const preset of presets) {
      expect(preset.lesson.length).toBeGreaterThan(100);
      expect(preset.query.trim()).not.toBe('');
      const documents = documentsOf(preset);
      expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
      for (const d of documents) expect(d.text.trim()).not.toBe('');
    }
  });

  it('start with the seed example, as pasted: 2-space JSON, the retriever scores of the article', () => {
    const seed = presets[0];
    expect(seed?.id).toBe('seed-drug-discovery');
    expect(seed?.query).toBe('What are the latest advancements in AI for drug discovery?');
    expect(seed?.documents.startsWith('[\n  {\n    "id": "doc_101",\n    "text": "Deep learning models')).toBe(true);
    expect(seed?.documents).toContain('"score": 0.60\n');
    const documents = seed ? documentsOf(seed) : [];
    expect(documents.map((d) => [d.id, d.score])).toEqual([
      ['doc_101', 0.85],
      ['doc_205', 0.72],
      ['doc_312', 0.65],
      ['doc_450', 0.6],
    ]);
    expect(documents[2]?.text).toBe(
      'The pharmaceutical industry is investing heavily in research and development. New drug candidates are constantly being screened using high-throughput methods.',
    );
  });

  it('of our own have 8 to 20 documents, each graded 0..3, with at least one highly relevant', () => {
    for (const preset of presets.slice(1)) {
      const documents = documentsOf(preset);
      expect(documents.length).toBeGreaterThanOrEqual(8);
      expect(documents.length).toBeLessThanOrEqual(20);
      for (const d of documents) expect([0, 1, 2, 3]).toContain(d.relevance);
      expect(documents.some((d) => d.relevance === 3)).toBe(true);
    }
  });
});

describe('the keyword-stuffing lesson holds under our BM25', () => {
  const preset = presetById('keyword-stuffing');
  const spam = 'stuff_01';
  const relevant = documentsOf(preset).filter((d) => d.relevance === 3).map((d) => d.id);

  it.each(tokenizerCombinations)('the spam is BM25 rank 1 and the highly relevant rank lower (%o)', (options) => {
    const { rankOf } = bm25Ranks(preset, options);
    expect(rankOf.get(spam)).toBe(1);
    for (const id of relevant) expect(rankOf.get(id)).toBeGreaterThan(1);
  });

  it('the spam stays first with k1 = 0, when repetition no longer counts', () => {
    expect(bm25Ranks(preset, { stem: true, stopwords: true }, { k1: 0, b: 0.75 }).rankOf.get(spam)).toBe(1);
  });

  it('the spam is judged not relevant', () => {
    expect(documentsOf(preset).find((d) => d.id === spam)?.relevance).toBe(0);
  });
});

describe('the vocabulary-mismatch lesson holds under our BM25', () => {
  const preset = presetById('vocabulary-mismatch');
  const answer = 'cool_10';

  it.each(tokenizerCombinations)('the best answer scores 0 and ranks in the bottom half (%o)', (options) => {
    const { rankOf, scoreOf, count } = bm25Ranks(preset, options);
    expect(scoreOf.get(answer)).toBe(0);
    expect(rankOf.get(answer)).toBeGreaterThan(count / 2);
    // ...while the off-topic "stop my laptop from going to sleep" matches
    expect(scoreOf.get('cool_01')).toBeGreaterThan(0);
  });

  it('the best answer is graded 3 and the sleep document 0', () => {
    const grades = new Map(documentsOf(preset).map((d) => [d.id, d.relevance]));
    expect(grades.get(answer)).toBe(3);
    expect(grades.get('cool_01')).toBe(0);
  });
});

describe('the top-N lesson holds for the supplied scores', () => {
  const preset = presetById('top-n-cut');
  const documents = documentsOf(preset);
  const candidates: Candidate[] = documents.map((d, index) => ({ id: d.id, text: d.text, index, ...(d.score === undefined ? {} : { score: d.score }) }));
  const ranking = firstStageRanking(candidates, 'supplied');
  const answers = documents.filter((d) => d.relevance === 3).map((d) => d.id);

  it('the only highly relevant document is outside the top 5 and inside the top 10', () => {
    expect(answers).toEqual(['canberra_08']);
    expect(topN(ranking, 5).entries.map((e) => e.id)).not.toContain('canberra_08');
    expect(topN(ranking, 10).entries.map((e) => e.id)).toContain('canberra_08');
  });

  it.each(tokenizerCombinations.filter((o) => o.stopwords))('BM25 with stopwords removed gives the answer 0, last (%o)', (options) => {
    const { rankOf, scoreOf, count } = bm25Ranks(preset, options);
    expect(scoreOf.get('canberra_08')).toBe(0);
    expect(rankOf.get('canberra_08')).toBe(count);
  });
});

describe('each preset\'s own defaults', () => {
  it('set the top N and k their lessons speak of, and the app defaults for the rest', () => {
    const settingsOf = (id: string) => presetSettings(presetById(id), appDefaults);
    expect(settingsOf('seed-drug-discovery')).toEqual(appDefaults);
    expect(settingsOf('keyword-stuffing')).toEqual({ ...appDefaults, metricK: 1 });
    expect(settingsOf('vocabulary-mismatch')).toEqual(appDefaults);
    expect(settingsOf('top-n-cut')).toEqual({ ...appDefaults, topN: 5, metricK: 5 });
  });

  it('merge a partial BM25 setting over the app\'s', () => {
    const preset: Preset = { id: '__proto__', title: 't', lesson: 'l', query: 'q', documents: '[]', defaults: { bm25: { k1: 0 }, firstStage: 'bm25' } };
    expect(presetSettings(preset, appDefaults)).toEqual({ ...appDefaults, firstStage: 'bm25', bm25: { k1: 0, b: 0.75, stem: false, stopwords: false } });
  });

  it.each(presets.map((p) => [p.id, p] as const))('every metric a lesson names is at its k, and its "top-N = n" is its top N (%s)', (_id, preset) => {
    const { metricK, topN: n } = presetSettings(preset, appDefaults);
    for (const match of preset.lesson.matchAll(/(?:P|Recall|nDCG)@(\d+)/g)) expect(Number(match[1])).toBe(metricK);
    for (const match of preset.lesson.matchAll(/top-N = (\d+)/g)) expect(Number(match[1])).toBe(n);
  });

  it('keyword stuffing, k = 1: the first stage\'s P@1 is 0 (the spam), and a reordering of the top N can make it 1', () => {
    const preset = presetById('keyword-stuffing');
    const { metricK, topN: n } = presetSettings(preset, appDefaults);
    const judgments = judgmentsOf(preset);
    for (const options of tokenizerCombinations) {
      const { ranking, rankOf } = bm25Ranks(preset, options);
      expect(precisionAtK(ranking, judgments, metricK)).toBe(0);
      // stuff_03 (grade 3) is within the top N, so a reranker can put it first
      expect(rankOf.get('stuff_03')).toBeLessThanOrEqual(n);
    }
  });

  it.each(tokenizerCombinations)('vocabulary mismatch: the default top N reaches the answer, so it can climb (%o)', (options) => {
    const preset = presetById('vocabulary-mismatch');
    expect(bm25Ranks(preset, options).rankOf.get('cool_10')).toBeLessThanOrEqual(presetSettings(preset, appDefaults).topN);
  });

  describe('top-N cut, with N = 5 and k = 5', () => {
    const preset = presetById('top-n-cut');
    const { topN: n, metricK } = presetSettings(preset, appDefaults);
    const judgments = judgmentsOf(preset);
    const documents = documentsOf(preset);
    const candidates: Candidate[] = documents.map((d, index) => ({ id: d.id, text: d.text, index, ...(d.score === undefined ? {} : { score: d.score }) }));
    const ranking = firstStageRanking(candidates, 'supplied');

    it('the answer is below the cut, and Recall@5 stays at 0.25 whatever the reranker does', () => {
      expect(topN(ranking, n).entries.map((e) => e.id)).not.toContain('canberra_08');
      // Relevant: melbourne_02 (rank 2), parliament_07, canberra_08, act_09 = 4; the top 5 holds 1: 1 / 4
      expect(recallAtK(ranking, judgments, metricK)).toBe(0.25);
      expect(recallCeiling(ranking, judgments, n, metricK).bestRecallAtK).toBe(0.25);
    });

    it('with top-N = 10 a reranker can lift Recall@5 to 1.00', () => {
      // All 4 relevant are within the top 10, and 4 fit in the top 5: 4 / 4
      expect(recallCeiling(ranking, judgments, 10, metricK).bestRecallAtK).toBe(1);
    });

    it('the recall-ceiling notice reads', () => {
      expect(describeRecallCeiling(recallCeiling(ranking, judgments, n, metricK))).toBe(
        'Relevant documents below the top-5 cut, which the reranker never sees: parliament_07 (first-stage rank 7), canberra_08 (first-stage rank 8), ' +
          'act_09 (first-stage rank 9). The best Recall@5 any reordering of the top 5 can reach is 0.25. Raise N, or improve the first stage.',
      );
    });
  });
});
