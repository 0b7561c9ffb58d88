import { describe, expect, it } from 'vitest';
import { readQueryJsonl } from './queryJsonl';

const read = (...lines: string[]) => readQueryJsonl({ name: 'set.jsonl', text: lines.join('\n') });

describe('readQueryJsonl', () => {
  it('reads queries with string and object documents, keeping ids, scores and judgments', () => {
    const parts = read(
      JSON.stringify({ query: 'what is bm25', query_id: '__proto__', documents: ['BM25 is a ranking function.', 'Unrelated text.'] }),
      JSON.stringify({ qid: 7, query: 'cats', candidates: [{ id: 'constructor', text: 'Cats purr.', score: 2.5, label: 2 }, { doc_id: 'toString', content: 'Dogs bark.', relevance: 0 }] }),
    );
    expect(parts.kind).toBe('query-jsonl');
    expect(parts.issues).toEqual([]);
    expect(parts.queries).toEqual([
      {
        id: '__proto__', text: 'what is bm25', line: 1,
        candidates: [
          { docId: '__proto__-d1', text: 'BM25 is a ranking function.', line: 1 },
          { docId: '__proto__-d2', text: 'Unrelated text.', line: 1 },
        ],
      },
      {
        id: '7', text: 'cats', line: 2,
        candidates: [
          { docId: 'constructor', text: 'Cats purr.', score: 2.5, grade: 2, line: 2 },
          { docId: 'toString', text: 'Dogs bark.', grade: 0, line: 2 },
        ],
      },
    ]);
  });

  it('generates query ids by place in the file and document ids per query, so none collide', () => {
    const parts = read(
      JSON.stringify({ query: 'first', documents: ['a'] }),
      '',
      'not json',
      JSON.stringify({ query: 'third', documents: ['b', 'c'] }),
      JSON.stringify({ query: 'given', id: 'q1', documents: [{ id: 'q3-d1', text: 'taken id' }] }),
    );
    // Non-blank lines 1, 3, 4, 5 are places 1..4: the bad line 3 still counts, so "third" is q3.
    // "q1" is given on line 5, so the first query becomes q1#2; "q3-d1" is given too, so q3's first doc is q3-d1#2.
    expect(parts.queries?.map((query) => [query.id, query.candidates.map((candidate) => candidate.docId)])).toEqual([
      ['q1#2', ['q1#2-d1']],
      ['q3', ['q3-d1#2', 'q3-d2']],
      ['q1', ['q3-d1']],
    ]);
    expect(parts.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'set.jsonl', line: 3 })]);
  });

  it('reads Elasticsearch hits: _id, _score, and _source with its title joined to the text', () => {
    const hit = { _index: 'docs', _id: 'd9', _score: 11.5, _source: { title: 'Heading', text: 'Body text.' } };
    const parts = read(JSON.stringify({ query: 'q', hits: { total: 1, hits: [hit] } }));
    expect(parts.queries?.[0]?.candidates).toEqual([{ docId: 'd9', text: 'Heading Body text.', score: 11.5, line: 1 }]);
  });

  it('reads the MTEB reranking shape: positives judged 1, negatives 0, in file order, without scores, and says why', () => {
    const parts = read(JSON.stringify({ query: 'q', positive: ['good one'], negative: ['bad one', 'worse one'] }));
    expect(parts.queries?.[0]?.candidates).toEqual([
      { docId: 'q1-d1', text: 'good one', grade: 1, line: 1 },
      { docId: 'q1-d2', text: 'bad one', grade: 0, line: 1 },
      { docId: 'q1-d3', text: 'worse one', grade: 0, line: 1 },
    ]);
    expect(parts.issues).toEqual([]);
    expect(parts.notes).toEqual([expect.stringContaining('not a ranking')]);
  });

  it('has no note when no line uses positive/negative lists', () => {
    expect(read(JSON.stringify({ query: 'q', documents: ['x'] })).notes).toBeUndefined();
  });

  it('keeps a document that has only an id: a collection may give its text', () => {
    expect(read(JSON.stringify({ query: 'q', documents: [{ id: 'D1' }] })).queries?.[0]?.candidates).toEqual([{ docId: 'D1', text: '', line: 1 }]);
  });

  it('locates bad documents by line and document number, and still reads the rest', () => {
    const parts = read(
      JSON.stringify({ query: 'ok', documents: ['fine'] }),
      JSON.stringify({ query: 'q', documents: ['kept', 42, { title_only: 'x' }, '  ', { text: 'y', score: 'high', relevance: 5 }] }),
    );
    expect(parts.queries?.[1]?.candidates).toEqual([
      { docId: 'q2-d1', text: 'kept', line: 2 },
      { docId: 'q2-d5', text: 'y', line: 2 },
    ]);
    expect(parts.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['error', 2],
      ['error', 2],
      ['warning', 2],
      ['warning', 2],
      ['warning', 2],
    ]);
    const messages = parts.issues.map((issue) => issue.message);
    expect(messages[0]).toMatch(/^Line 2, document 2 is a number, not a document/);
    expect(messages[1]).toMatch(/^Line 2, document 3 has no text .*"title_only"/);
    expect(messages[2]).toMatch(/^Line 2, document 4 is empty/);
    expect(messages[3]).toMatch(/^Line 2, document 5: the score "high" is not a number/);
    expect(messages[4]).toMatch(/^Line 2, document 5: the relevance 5 is not a whole number from 0 to 3/);
  });

  it('skips lines without a query text, or that are not objects, saying where', () => {
    const parts = read(JSON.stringify({ question: '', documents: [] }), '[1, 2]', JSON.stringify({ documents: ['x'] }), JSON.stringify({ query: { match: 'x' }, documents: [] }));
    expect(parts.queries).toEqual([]);
    expect(parts.issues.map((issue) => [issue.line, issue.severity])).toEqual([
      [1, 'error'],
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(parts.issues[2]?.message).toContain('"documents"'); // lists the fields the line has
    expect(parts.issues[3]?.message).toContain('is an object');
  });

  it('warns when a line has no document list, or a list that is not one', () => {
    const parts = read(JSON.stringify({ query: 'alone' }), JSON.stringify({ query: 'odd', documents: 'text' }));
    expect(parts.queries?.map((query) => query.candidates.length)).toEqual([0, 0]);
    expect(parts.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['error', 2],
      ['warning', 1],
    ]);
  });

  it('reports an empty file', () => {
    expect(read('', '  ').issues).toEqual([expect.objectContaining({ severity: 'error', file: 'set.jsonl', message: expect.stringContaining('no queries') })]);
  });
});
