import { describe, expect, it } from 'vitest';
import { checkScorer, type ScorerQueryResult } from './sanity';

/** One query whose reranked order is the scores sorted high to low; the first stage is given. */
function query(scored: [string, number][], firstStage: string[], truncated = 0): ScorerQueryResult {
  const reranked = [...scored].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return { scores: scored.map(([, s]) => s), reranked, firstStage, truncated, total: scored.length };
}

const kinds = (perQuery: ScorerQueryResult[]) => checkScorer({ perQuery }).map((w) => w.kind);

describe('checkScorer: all scores equal', () => {
  it('names the softmax-over-one-logit pitfall when every document scored 1', () => {
    const warnings = checkScorer({ perQuery: [query([['__proto__', 1], ['constructor', 1], ['toString', 1]], ['__proto__', 'constructor', 'toString'])] });
    expect(warnings.map((w) => w.kind)).toEqual(['all-equal']);
    expect(warnings[0]?.message).toContain('Every document scored 1.000: the model may apply softmax to a single logit');
    expect(warnings[0]?.message).toContain('rank on the raw logit');
  });

  it('gives another cause for another constant', () => {
    const [warning] = checkScorer({ perQuery: [query([['a', 0.25], ['b', 0.25], ['c', 0.25]], ['a', 'b', 'c'])] });
    expect(warning?.message).toContain('Every document scored 0.250: the model ignores its input');
  });

  it('counts equal scores across queries: two queries of two documents each, all 1', () => {
    expect(kinds([query([['a', 1], ['b', 1]], ['a', 'b']), query([['c', 1], ['d', 1]], ['c', 'd'])])).toEqual(['all-equal']);
  });

  it('lets two equal documents be a legitimate tie, and one document be alone', () => {
    // Two documents that say the same thing may well score the same: too few to call a no-op.
    expect(kinds([query([['a', 2.5], ['b', 2.5]], ['b', 'a'])])).toEqual([]);
    expect(kinds([query([['a', 1]], ['a'])])).toEqual([]);
  });

  it('is not fooled by one different score, and ignores NaN when comparing', () => {
    expect(kinds([query([['a', 1], ['b', 1], ['c', 0.999]], ['c', 'a', 'b'])])).toEqual([]);
    // Three finite 1s and a NaN: the NaN is its own warning; the rest are all equal.
    expect(kinds([query([['a', 1], ['b', 1], ['c', 1], ['d', Number.NaN]], ['d', 'a', 'b', 'c'])])).toEqual(['non-finite', 'all-equal']);
  });
});

describe('checkScorer: NaN and infinity', () => {
  it('counts NaN and infinite scores apart', () => {
    const [warning] = checkScorer({ perQuery: [query([['a', Number.NaN], ['b', Infinity], ['c', -Infinity], ['d', Number.NaN], ['e', 0.3]], ['e', 'a', 'b', 'c', 'd'])] });
    expect(warning?.kind).toBe('non-finite');
    expect(warning?.message).toContain('2 scores are not a number (NaN) and 2 scores are infinite');
    expect(warning?.message).toContain('fp32');
  });

  it('words a single NaN in the singular, even on a one-document query', () => {
    const [warning] = checkScorer({ perQuery: [query([['a', Number.NaN]], ['a'])] });
    expect(warning?.message.startsWith('1 score is not a number (NaN):')).toBe(true);
  });
});

describe('checkScorer: the order equals the first stage', () => {
  it('warns for one query of three documents left in first-stage order', () => {
    const warnings = checkScorer({ perQuery: [query([['a', 3], ['b', 2], ['c', 1]], ['a', 'b', 'c'])] });
    expect(warnings.map((w) => w.kind)).toEqual(['same-as-first-stage']);
    expect(warnings[0]?.message).toContain('may be a no-op reranker or scores that copy the first stage');
    expect(warnings[0]?.message).toContain('for this query');
  });

  it('warns for two queries of two documents each, and names how many', () => {
    const [warning] = checkScorer({ perQuery: [query([['a', 2], ['b', 1]], ['a', 'b']), query([['c', 2], ['d', 1]], ['c', 'd'])] });
    expect(warning?.message).toContain('for all 2 queries');
  });

  it('says nothing when it could not have changed: one query of two documents, or of one', () => {
    expect(kinds([query([['a', 2], ['b', 1]], ['a', 'b'])])).toEqual([]);
    // Two queries, but one has a single document: only one query could have moved.
    expect(kinds([query([['a', 2], ['b', 1]], ['a', 'b']), query([['c', 2]], ['c'])])).toEqual([]);
  });

  it('says nothing when one query moved', () => {
    expect(kinds([query([['a', 3], ['b', 2], ['c', 1]], ['a', 'b', 'c']), query([['d', 1], ['e', 2]], ['d', 'e'])])).toEqual([]);
  });

  it('compares only the documents scored: those below the cut or still pending are ignored', () => {
    // The first stage lists x (below the cut) and y (not scored yet) between the scored documents.
    expect(kinds([query([['a', 3], ['b', 2], ['c', 1]], ['a', 'x', 'b', 'y', 'c'])])).toEqual(['same-as-first-stage']);
  });

  it('leaves it to the all-equal warning when equal scores kept the order', () => {
    expect(kinds([query([['a', 1], ['b', 1], ['c', 1]], ['a', 'b', 'c'])])).toEqual(['all-equal']);
  });
});

describe('checkScorer: truncation', () => {
  it('warns when more than half of the documents were cut, over all queries', () => {
    // 2 of 3 and 1 of 2: 3 of 5 = 60%.
    const perQuery = [query([['a', 1], ['b', 3], ['c', 2]], ['a', 'b', 'c'], 2), query([['d', 1], ['e', 2]], ['d', 'e'], 1)];
    const [warning] = checkScorer({ perQuery });
    expect(warning?.kind).toBe('mostly-truncated');
    expect(warning?.message).toBe(
      "3 of 5 documents (60%) were longer than the model's max tokens and were cut: it never read their ends. Raise Max tokens, or use split mode.",
    );
  });

  it('does not warn at exactly half', () => {
    expect(kinds([query([['a', 1], ['b', 2]], ['a', 'b'], 1)])).toEqual([]);
  });
});

describe('checkScorer: nothing to check', () => {
  it('has no warnings for no queries, or queries with no scores yet', () => {
    expect(checkScorer({ perQuery: [] })).toEqual([]);
    expect(checkScorer({ perQuery: [{ scores: [], reranked: [], firstStage: ['a', 'b'], truncated: 0, total: 0 }] })).toEqual([]);
  });
});
