import { describe, expect, it } from 'vitest';
import { presetSettings, presets } from './presets';
import { firstStageRanking } from './ranking';
import { buildBm25Index, scoreBm25 } from './retrieval/bm25';
import type { Candidate } from './types';

const preset = presets.find((p) => p.id === 'dense-first-stage');
const documents = preset ? (JSON.parse(preset.documents) as { id: string; text: string; relevance: number }[]) : [];
const appDefaults = { topN: 50, metricK: 10, firstStage: 'supplied' as const, bm25: { k1: 1.2, b: 0.75, stem: false, stopwords: false } };

describe('the dense-first-stage lesson', () => {
  it('starts on the dense first stage with top-N = 5 and k = 5', () => {
    expect(preset && presetSettings(preset, appDefaults)).toEqual({ ...appDefaults, firstStage: 'dense', topN: 5, metricK: 5 });
  });

  it.each([
    { stem: false, stopwords: false },
    { stem: true, stopwords: false },
    { stem: false, stopwords: true },
    { stem: true, stopwords: true },
  ])('BM25 gives the three good answers 0 and leaves them below the top-5 cut (%o)', (options) => {
    // eco_04, eco_05 and eco_10 share no token with "how can I make my car use less fuel", in any form.
    const candidates: Candidate[] = documents.map((d, index) => ({ id: d.id, text: d.text, index }));
    const scores = scoreBm25(buildBm25Index(documents.map((d) => d.text), options), preset?.query ?? '', { k1: 1.2, b: 0.75 });
    const ranking = firstStageRanking(candidates, 'bm25', scores);
    const rankOf = new Map(ranking.entries.map((e) => [e.id, e.rank]));
    for (const id of ['eco_04', 'eco_05', 'eco_10']) {
      expect(scores[documents.findIndex((d) => d.id === id)]).toBe(0);
      expect(rankOf.get(id)).toBeGreaterThan(5);
    }
    // The top 5 under BM25 hold nothing graded above 1.
    const top5 = ranking.entries.slice(0, 5).map((e) => documents.find((d) => d.id === e.id)?.relevance);
    expect(Math.max(...top5.map((r) => r ?? 0))).toBeLessThanOrEqual(1);
  });
});
