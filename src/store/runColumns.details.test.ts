import { describe, expect, it } from 'vitest';
import type { DocumentDetails } from '../rerankers/local/protocol';
import { doneState } from './runColumns';
import type { ScoredQuery } from './scoreRun';

const budget = (kept: number): DocumentDetails => ({ budget: { queryTokens: 2, docTokensKept: kept, docTokensTotal: 62 } });

function scored(fresh: number, details: (DocumentDetails | undefined)[]): ScoredQuery {
  const outcome = { scores: [1, 2, 3], timings: { totalMs: 1 }, notes: [], details };
  return { scores: new Map([['__proto__', 1], ['constructor', 2], ['toString', 3]]), fresh, truncated: [], outcome };
}

describe('doneState details', () => {
  const ids = ['__proto__', 'constructor', 'toString'];

  it('files each document’s details under its id, ids that are Object property names included', () => {
    const state = doneState(scored(3, [budget(27), undefined, budget(5)]), ids);
    expect(state.details?.get('__proto__')).toEqual(budget(27));
    expect(state.details?.has('constructor')).toBe(false);
    expect(state.details?.get('toString')).toEqual(budget(5));
  });

  it('leaves them out when some scores came from the cache (the order sent is then unknown)', () => {
    expect(doneState(scored(2, [budget(27), budget(5)]), ids).details).toBeUndefined();
  });
});
