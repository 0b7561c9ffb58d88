import { describe, expect, it } from 'vitest';
import { checkScorer } from '../../core/sanity';
import type { Ranking } from '../../core/types';
import { defaultLocalConfig, idleRun, type Column, type RunState } from '../../store/columns';
import type { SetRow } from '../../store/setSelectors';
import { queryResultOf, scorerInputFor } from './scorerInput';

function run(ids: string[], scores: [string, number][], status: RunState['status'] = 'done', truncated: string[] = []): RunState {
  return { ...idleRun, status, ids, scores: new Map(scores), truncated };
}

/** A ranking in the given order; scores as the column shows them (first-stage scores for rows below the cut). */
function ranking(entries: [string, number][]): Ranking {
  return { scoreKind: 'raw logit', entries: entries.map(([id, score], i) => ({ id, score, rank: i + 1, index: i })) };
}

function column(runs: [string, RunState][]): Column {
  return { id: 'c1', config: defaultLocalConfig, runs: new Map(runs) };
}

function row(queryId: string, columnRanking: Ranking | null): SetRow {
  return {
    query: { id: queryId, text: `query ${queryId}`, candidates: [], judgments: new Map() },
    candidates: [],
    judgments: new Map(),
    relevantCount: 0,
    firstStage: null,
    results: [
      { rankerId: 'first', ranking: null, values: null, stale: false },
      { rankerId: 'c1', ranking: columnRanking, values: null, stale: false },
    ],
  };
}

describe('queryResultOf', () => {
  it('keeps the scored documents in the column order, and counts only their truncation', () => {
    // 'x' sits below the cut (its 7.5 is a first-stage score); 'toString' was truncated but never scored (cancelled).
    const r = run(['__proto__', 'constructor', 'toString'], [['__proto__', 0.5], ['constructor', 2]], 'cancelled', ['constructor', 'toString']);
    const result = queryResultOf(r, ranking([['constructor', 2], ['__proto__', 0.5], ['x', 7.5]]));
    expect(result).toEqual({ scores: [2, 0.5], reranked: ['constructor', '__proto__'], firstStage: ['__proto__', 'constructor', 'toString'], truncated: 1, total: 2 });
  });
});

describe('scorerInputFor', () => {
  it('takes the query on screen for a paste, once its run is done', () => {
    const scores: [string, number][] = [['a', 1], ['b', 1], ['c', 1]];
    const done = column([['paste', run(['a', 'b', 'c'], scores)]]);
    const input = scorerInputFor(done, [], { key: 'paste', reranked: ranking(scores) });
    expect(checkScorer(input).map((w) => w.kind)).toEqual(['all-equal']);
  });

  it('leaves out a run still streaming, and a paste with no order yet', () => {
    const scores: [string, number][] = [['a', 1], ['b', 1], ['c', 1]];
    const streaming = column([['paste', run(['a', 'b', 'c'], scores, 'running')]]);
    expect(scorerInputFor(streaming, [], { key: 'paste', reranked: ranking(scores) }).perQuery).toEqual([]);
    const done = column([['paste', run(['a', 'b', 'c'], scores)]]);
    expect(scorerInputFor(done, [], { key: 'paste', reranked: undefined }).perQuery).toEqual([]);
  });

  it('takes every finished query of a set, by its key', () => {
    const c = column([
      ['set:__proto__', run(['a', 'b'], [['a', 2], ['b', 1]])],
      ['set:q2', run(['c', 'd'], [['c', 3], ['d', 1]])],
      ['set:q3', run(['e', 'f'], [['e', 1]], 'running')],
    ]);
    const rows = [row('__proto__', ranking([['a', 2], ['b', 1]])), row('q2', ranking([['c', 3], ['d', 1]])), row('q3', ranking([['e', 1]])), row('q4', null)];
    const input = scorerInputFor(c, rows, { key: 'set:__proto__', reranked: undefined });
    expect(input.perQuery.map((q) => q.reranked)).toEqual([['a', 'b'], ['c', 'd']]);
    // Both finished queries kept the first-stage order: two queries of two documents are enough to say so.
    expect(checkScorer(input).map((w) => w.kind)).toEqual(['same-as-first-stage']);
  });
});
