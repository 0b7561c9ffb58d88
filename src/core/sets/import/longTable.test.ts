import { describe, expect, it } from 'vitest';
import { readLongTable, tableDelimiter } from './longTable';

const read = (name: string, ...lines: string[]) => readLongTable({ name, text: lines.join('\n') });

describe('readLongTable', () => {
  it('groups rows by qid, in first-seen order, with scores and judgments', () => {
    const parts = read(
      'run.csv',
      'qid,query,docid,text,score,relevance',
      '__proto__,cats,constructor,Cats purr.,2.5,1',
      'toString,dogs,d2,Dogs bark.,1,',
      '__proto__,cats,d3,"Lions, too, are cats.",0.5,0',
    );
    expect(parts.kind).toBe('long-table');
    expect(parts.issues).toEqual([]);
    expect(parts.queries).toEqual([
      {
        id: '__proto__', text: 'cats', line: 2,
        candidates: [
          { docId: 'constructor', text: 'Cats purr.', score: 2.5, grade: 1, line: 2 },
          { docId: 'd3', text: 'Lions, too, are cats.', score: 0.5, grade: 0, line: 4 },
        ],
      },
      { id: 'toString', text: 'dogs', line: 3, candidates: [{ docId: 'd2', text: 'Dogs bark.', score: 1, line: 3 }] },
    ]);
  });

  it('without a qid column, groups by query text and generates q1, q2, ... and per-query document ids', () => {
    const parts = read('pairs.csv', 'query_text,passage', 'alpha,one', 'beta,two', 'alpha,three');
    expect(parts.queries?.map((query) => [query.id, query.text, query.candidates.map((candidate) => [candidate.docId, candidate.text])])).toEqual([
      ['q1', 'alpha', [['q1-d1', 'one'], ['q1-d2', 'three']]],
      ['q2', 'beta', [['q2-d1', 'two']]],
    ]);
  });

  it('reads a qid-only table (texts from a topics file) and id-only rows (texts from a collection)', () => {
    const parts = read('run.tsv', 'query-id\tcorpus-id\tscore', '1\tD1\t3.5');
    expect(parts.queries).toEqual([{ id: '1', text: '', line: 2, candidates: [{ docId: 'D1', text: '', score: 3.5, line: 2 }] }]);
  });

  it('counts lines right across quoted line breaks', () => {
    const parts = read('t.csv', 'query,text', 'q,"two\nlines"', 'q,after');
    expect(parts.queries?.[0]?.candidates.map((candidate) => candidate.line)).toEqual([2, 4]);
  });

  it('reports bad rows by line and column name, and reads the others', () => {
    const parts = read(
      'bad.csv',
      'qid,query,docid,text,Score,grade',
      'q1,cats,d1,Cats.,high,7',
      ',cats,d2,No qid.,1,1',
      'q1,cats,d3,too,many,fields,here',
      'q1,cats,,,1,1',
      'q1,felines,d4,Other text.,1,1',
      'q2,dogs,d5,"never closed,1,1', // the quote is character 12: "q2," 1-3, "dogs," 4-8, "d5," 9-11
    );
    expect(parts.queries?.map((query) => [query.id, query.text, query.candidates.map((candidate) => candidate.docId)])).toEqual([['q1', 'cats', ['d1', 'd4']]]);
    expect(parts.queries?.[0]?.candidates[0]).toEqual({ docId: 'd1', text: 'Cats.', line: 2 });
    const found = parts.issues.map((issue) => [issue.severity, issue.line, issue.message]);
    expect(found).toEqual([
      ['error', 3, expect.stringMatching(/^Line 3, column "qid" is empty/)],
      ['error', 4, expect.stringMatching(/^Line 4 has 7 fields but the header has 6/)],
      ['error', 5, expect.stringMatching(/^Line 5 has neither a document text nor a document id/)],
      ['error', 7, expect.stringMatching(/^Line 7: a quoted field opens at line 7, column 12 and never closes/)],
      ['warning', 2, expect.stringMatching(/^Line 2, column "Score": "high" is not a number/)],
      ['warning', 2, expect.stringMatching(/^Line 2, column "grade": "7" is not a whole number from 0 to 3/)],
      ['warning', 6, expect.stringMatching(/^Line 6, column "query": query "q1" has a different text than on line 2/)],
    ]);
  });

  it('says which columns it looked for when the header has no query or no document column', () => {
    const noQuery = read('x.csv', 'docid,text', 'd1,hello');
    expect(noQuery.issues).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringContaining('no query column: looked for query, query_text') })]);
    const noDocument = read('x.csv', 'qid,query,score', '1,hi,2');
    expect(noDocument.issues).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringContaining('no document column') })]);
  });

  it('stays linear on a header that repeats one name 20,000 times, and warns once', () => {
    const header = ['query', ...Array.from({ length: 20_000 }, () => 'text')].join(',');
    const row = ['q', 'first', ...Array.from({ length: 19_999 }, () => 'other')].join(',');
    // Linear work here is a few milliseconds; a search per repeated name (20,000²/2 steps) runs into the test's timeout.
    const parts = read('wide.csv', header, row);
    expect(parts.queries?.[0]?.candidates.map((candidate) => candidate.text)).toEqual(['first']);
    expect(parts.issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"text" (20000 times)') })]);
  });
});

describe('tableDelimiter', () => {
  it('takes the extension first, then the header', () => {
    expect(tableDelimiter({ name: 'a.tsv', text: 'query,text' })).toBe('\t');
    expect(tableDelimiter({ name: 'a.csv', text: 'query\ttext' })).toBe(',');
    expect(tableDelimiter({ name: 'pasted', text: '\n query\ttext\n' })).toBe('\t');
    expect(tableDelimiter({ name: 'pasted', text: 'query,text' })).toBe(',');
  });
});
