import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../core/metrics';
import type { Candidate, Ranking } from '../../core/types';
import type { RankerInfo, RankerResult, SetRow } from '../../store/setSelectors';
import {
  buildQueryRows,
  cellDeltaText,
  cellValueText,
  classifyDelta,
  compareRankerIndex,
  defaultQueryListView,
  effectiveSort,
  filterCounts,
  nextSort,
  showingText,
  sortRows,
  visibleQueryOrder,
  type QueryListSort,
  type QueryListView,
  type SortColumn,
} from './queryListModel';

const ranking: Ranking = { scoreKind: 'BM25', entries: [] };
const metrics = (ndcg: number | null, ap = ndcg): MetricValues => ({ precision: ndcg, recall: ndcg, rr: ndcg, ap, ndcg });
/** null values: scored, but no relevant judgments ("n/a"); 'unscored': the column has no result yet ("—"). */
const result = (rankerId: string, values: MetricValues | null | 'unscored', stale = false): RankerResult =>
  values === 'unscored' ? { rankerId, ranking: null, values: null, stale: false } : { rankerId, ranking, values, stale };

function row(id: string, text: string, candidates: number, relevantCount: number, results: RankerResult[]): SetRow {
  const docs: Candidate[] = Array.from({ length: candidates }, (_, i) => ({ id: `d${i}`, text: '', index: i }));
  return { query: { id, text, candidates: [], judgments: new Map() }, candidates: docs, judgments: new Map(), relevantCount, firstStage: null, results };
}

const rankers: RankerInfo[] = [
  { id: 'first', name: 'First stage: BM25' },
  { id: 'col-1', name: 'Reranked: A' },
  { id: 'col-2', name: 'Reranked: B' },
];

// nDCG per query (first / col-1 / col-2), and the changes against the first stage, worked by hand:
//   q2           0.50 / 0.75 (+0.25 win; AP 0.25: −0.25 loss) / 0.50 (0 tie)
//   __proto__    0.80 / 0.60 (−0.20 loss)                     / not scored
//   q10          no relevant judgments: n/a everywhere, scored by all three
//   constructor  0.30 / 0.30 + 1e-12 (tie within 1e-9)        / 0.90 (+0.60 win, out of date)
//   toString     0.40 / not scored                            / 0.20 (−0.20 loss)
const rows: SetRow[] = [
  row('q2', 'Drug discovery with AI', 3, 2, [result('first', metrics(0.5)), result('col-1', metrics(0.75, 0.25)), result('col-2', metrics(0.5))]),
  row('__proto__', 'protein folding', 5, 1, [result('first', metrics(0.8)), result('col-1', metrics(0.6)), result('col-2', 'unscored')]),
  row('q10', 'Keyword stuffing', 2, 0, [result('first', null), result('col-1', null), result('col-2', null)]),
  row('constructor', 'CONSTRUCTOR of proteins', 4, 3, [result('first', metrics(0.3)), result('col-1', metrics(0.3 + 1e-12)), result('col-2', metrics(0.9), true)]),
  row('toString', 'graph search', 1, 1, [result('first', metrics(0.4)), result('col-1', 'unscored'), result('col-2', metrics(0.2))]),
];

const views = buildQueryRows(rows, rankers, 'ndcg');
const view = (patch: Partial<QueryListView>): QueryListView => ({ ...defaultQueryListView, ...patch });
const order = (patch: Partial<QueryListView>, metric: 'ndcg' | 'ap' = 'ndcg') => visibleQueryOrder(rows, rankers, view(patch), metric);
const sorted = (column: SortColumn, direction: QueryListSort['direction']) => sortRows(views, { column, direction }, rankers).map((r) => r.id);

describe('classifyDelta', () => {
  it('calls a change within 1e-9 either way a tie, beyond it a win or a loss', () => {
    expect(classifyDelta(0)).toBe('tie');
    expect(classifyDelta(1e-9)).toBe('tie');
    expect(classifyDelta(-1e-9)).toBe('tie');
    expect(classifyDelta(2e-9)).toBe('win');
    expect(classifyDelta(-2e-9)).toBe('loss');
    expect(classifyDelta(null)).toBeNull();
  });
});

describe('buildQueryRows', () => {
  it('gives each query its counts and each ranker its value, change and outcome on the chosen metric', () => {
    const [q2, proto, q10, ctor, toStr] = views;
    expect(q2).toMatchObject({ id: 'q2', text: 'Drug discovery with AI', candidateCount: 3, relevantCount: 2, setIndex: 0 });
    expect(q2?.cells.map((c) => c.rankerId)).toEqual(['first', 'col-1', 'col-2']);
    expect(q2?.cells[0]).toMatchObject({ value: 0.5, delta: null, outcome: null });
    expect(q2?.cells[1]).toMatchObject({ value: 0.75, delta: 0.25, outcome: 'win' });
    expect(q2?.cells[2]).toMatchObject({ delta: 0, outcome: 'tie' });
    expect(proto?.cells[1]?.delta).toBeCloseTo(-0.2, 12);
    expect(proto?.cells[1]?.outcome).toBe('loss');
    expect(q10?.cells[1]).toMatchObject({ scored: true, value: null, delta: null, outcome: null });
    expect(ctor?.cells[1]?.outcome).toBe('tie');
    expect(ctor?.cells[2]).toMatchObject({ outcome: 'win', stale: true });
    expect(toStr?.cells[1]).toMatchObject({ scored: false, value: null, outcome: null, stale: false });
  });

  it('follows the metric chosen: on AP, q2 is a loss for col-1 (0.25 − 0.50)', () => {
    const q2 = buildQueryRows(rows, rankers, 'ap')[0];
    expect(q2?.cells[1]).toMatchObject({ value: 0.25, delta: -0.25, outcome: 'loss' });
  });

  it('shows "—" for a ranker that has not scored the query and "n/a" where nothing is relevant', () => {
    const texts = (rowIndex: number, rankerIndex: number) => {
      const cell = views[rowIndex]?.cells[rankerIndex];
      return cell ? [cellValueText(cell), cellDeltaText(cell)] : [];
    };
    expect(texts(0, 1)).toEqual(['0.75', '+0.25']);
    expect(texts(1, 1)).toEqual(['0.60', '\u22120.20']);
    expect(texts(1, 2)).toEqual(['—', '—']);
    expect(texts(2, 1)).toEqual(['n/a', 'n/a']);
  });
});

describe('filters', () => {
  it('relate wins, losses, ties and "not scored yet" to the first reranked column by default', () => {
    expect(order({ filter: 'all' })).toHaveLength(5);
    expect(order({ filter: 'wins' })).toEqual(['q2']);
    expect(order({ filter: 'losses' })).toEqual(['__proto__']);
    expect(order({ filter: 'ties' })).toEqual(['constructor']);
    expect(order({ filter: 'unjudged' })).toEqual(['q10']);
    expect(order({ filter: 'unscored' })).toEqual(['toString']);
  });

  it('relate to the column chosen for comparing', () => {
    expect(order({ filter: 'wins', compareRankerId: 'col-2' })).toEqual(['constructor']);
    expect(order({ filter: 'losses', compareRankerId: 'col-2' })).toEqual(['toString']);
    expect(order({ filter: 'ties', compareRankerId: 'col-2' })).toEqual(['q2']);
    expect(order({ filter: 'unscored', compareRankerId: 'col-2' })).toEqual(['__proto__']);
  });

  it('count each filter over the whole set', () => {
    expect([...filterCounts(views, 1)]).toEqual([['all', 5], ['wins', 1], ['losses', 1], ['ties', 1], ['unjudged', 1], ['unscored', 1]]);
  });

  it('follow the metric: on AP col-1 loses q2 and __proto__, worst first', () => {
    expect(order({ filter: 'losses' }, 'ap')).toEqual(['q2', '__proto__']);
  });
});

describe('search', () => {
  const byId: Partial<QueryListView> = { sort: { column: { kind: 'id' }, direction: 'ascending' } };
  it('matches the id or the text, ignoring case', () => {
    expect(order({ ...byId, search: 'PROTEIN' })).toEqual(['__proto__', 'constructor']);
    expect(order({ ...byId, search: '__PROTO' })).toEqual(['__proto__']);
    expect(order({ ...byId, search: 'string' })).toEqual(['toString']);
    expect(order({ ...byId, search: 'q1' })).toEqual(['q10']);
    expect(order({ ...byId, search: '   ' })).toHaveLength(5);
  });

  it('combines with a filter', () => {
    expect(order({ ...byId, search: 'pro', filter: 'losses' })).toEqual(['__proto__']);
    expect(order({ search: 'nothing like this' })).toEqual([]);
  });
});

describe('sorting', () => {
  it('sorts ids as people read them (q2 before q10)', () => {
    expect(sorted({ kind: 'id' }, 'ascending')).toEqual(['__proto__', 'constructor', 'q2', 'q10', 'toString']);
    expect(sorted({ kind: 'id' }, 'descending')).toEqual(['toString', 'q10', 'q2', 'constructor', '__proto__']);
  });

  it('sorts the text without regard to case', () => {
    expect(sorted({ kind: 'text' }, 'ascending')).toEqual(['constructor', 'q2', 'toString', 'q10', '__proto__']);
  });

  it('sorts the counts', () => {
    expect(sorted({ kind: 'candidates' }, 'descending')).toEqual(['__proto__', 'constructor', 'q2', 'q10', 'toString']);
  });

  it('keeps set order among equal keys in either direction', () => {
    // Relevant: q2 2, __proto__ 1, q10 0, constructor 3, toString 1; __proto__ comes before toString in the set.
    expect(sorted({ kind: 'relevant' }, 'ascending')).toEqual(['q10', '__proto__', 'toString', 'q2', 'constructor']);
    expect(sorted({ kind: 'relevant' }, 'descending')).toEqual(['constructor', 'q2', '__proto__', 'toString', 'q10']);
  });

  it('puts missing values (n/a, not scored) last in either direction, in set order', () => {
    // col-1 nDCG: constructor 0.30…, __proto__ 0.60, q2 0.75; q10 n/a, toString not scored.
    expect(sorted({ kind: 'value', rankerId: 'col-1' }, 'ascending')).toEqual(['constructor', '__proto__', 'q2', 'q10', 'toString']);
    expect(sorted({ kind: 'value', rankerId: 'col-1' }, 'descending')).toEqual(['q2', '__proto__', 'constructor', 'q10', 'toString']);
    // col-2 change: constructor +0.60, q2 0, toString −0.20; __proto__ not scored, q10 n/a.
    expect(sorted({ kind: 'delta', rankerId: 'col-2' }, 'descending')).toEqual(['constructor', 'q2', 'toString', '__proto__', 'q10']);
  });

  it('defaults to the change of the compared column, losses first', () => {
    // col-1 change: __proto__ −0.20, constructor +1e-12, q2 +0.25; q10 and toString have none.
    expect(order({})).toEqual(['__proto__', 'constructor', 'q2', 'q10', 'toString']);
    expect(effectiveSort(view({ compareRankerId: 'col-2' }), rankers)).toEqual({ column: { kind: 'delta', rankerId: 'col-2' }, direction: 'ascending' });
  });

  it('falls back to the default when the sorted column is gone, and to set order with nothing reranked', () => {
    const gone = view({ sort: { column: { kind: 'value', rankerId: 'col-9' }, direction: 'descending' } });
    expect(effectiveSort(gone, rankers)).toEqual({ column: { kind: 'delta', rankerId: 'col-1' }, direction: 'ascending' });
    expect(effectiveSort(view({}), rankers.slice(0, 1))).toBeNull();
    expect(visibleQueryOrder(rows, rankers.slice(0, 1), view({}), 'ndcg')).toEqual(['q2', '__proto__', 'q10', 'constructor', 'toString']);
  });
});

describe('nextSort', () => {
  it('flips the column in force and starts a new one A→Z for words, highest first for numbers', () => {
    const delta1: SortColumn = { kind: 'delta', rankerId: 'col-1' };
    expect(nextSort(null, { kind: 'id' })).toEqual({ column: { kind: 'id' }, direction: 'ascending' });
    expect(nextSort({ column: { kind: 'id' }, direction: 'ascending' }, { kind: 'id' }).direction).toBe('descending');
    expect(nextSort({ column: delta1, direction: 'ascending' }, delta1).direction).toBe('descending');
    expect(nextSort({ column: delta1, direction: 'descending' }, delta1).direction).toBe('ascending');
    expect(nextSort({ column: delta1, direction: 'ascending' }, { kind: 'delta', rankerId: 'col-2' }).direction).toBe('descending');
    // The default sort is in force on first view, so a click on its header flips it.
    expect(nextSort(effectiveSort(view({}), rankers), delta1)).toEqual({ column: delta1, direction: 'descending' });
  });
});

describe('compareRankerIndex', () => {
  it('is the chosen reranked column, else the first one, else the first stage', () => {
    expect(compareRankerIndex(rankers, null)).toBe(1);
    expect(compareRankerIndex(rankers, 'col-2')).toBe(2);
    expect(compareRankerIndex(rankers, 'first')).toBe(1);
    expect(compareRankerIndex(rankers, 'col-9')).toBe(1);
    expect(compareRankerIndex(rankers.slice(0, 1), null)).toBe(0);
  });
});

describe('showingText', () => {
  it('counts with thousands separators and a singular', () => {
    expect(showingText(37, 1000)).toBe('Showing 37 of 1,000 queries');
    expect(showingText(1, 1)).toBe('Showing 1 of 1 query');
    expect(showingText(0, 0)).toBe('Showing 0 of 0 queries');
  });
});
