import { describe, expect, it } from 'vitest';
import { readTrecRun } from './trecRun';

const read = (text: string) => readTrecRun({ name: 'bm25.run', text });

describe('readTrecRun', () => {
  it('reads a small run in file order, tabs or spaces, with comments and blank lines', () => {
    const text = [
      '# run of BM25 over Robust04', //          1
      '301 Q0 FBIS3-10082 1 12.5 bm25', //       2
      '301 Q0 FBIS3-10169 2 11.25 bm25', //      3
      '', //                                     4
      '301\tQ0\t__proto__\t3\t-0.5\tbm25', //    5
      '302  Q0  constructor  2  7e-1  bm25', //  6: a rank 2 before rank 1 stays where it is
      '302 Q0 FBIS3-1 1 +8 bm25', //             7
    ].join('\r\n');
    expect(read(text)).toEqual({
      file: 'bm25.run',
      kind: 'trec-run',
      run: [
        { queryId: '301', docId: 'FBIS3-10082', rank: 1, score: 12.5, line: 2 },
        { queryId: '301', docId: 'FBIS3-10169', rank: 2, score: 11.25, line: 3 },
        { queryId: '301', docId: '__proto__', rank: 3, score: -0.5, line: 5 },
        { queryId: '302', docId: 'constructor', rank: 2, score: 0.7, line: 6 },
        { queryId: '302', docId: 'FBIS3-1', rank: 1, score: 8, line: 7 },
      ],
      issues: [],
    });
  });

  it('reports a line without exactly 6 columns', () => {
    const parts = read('301 Q0 d1 1 2.0\n301 Q0 d2 2 1.0 run extra\n301 Q0 d3 3 0.5 run');
    expect(parts.run).toEqual([{ queryId: '301', docId: 'd3', rank: 3, score: 0.5, line: 3 }]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'bm25.run', line: 1, message: 'Line 1 has 5 columns; a run line has 6: qid Q0 docid rank score tag. The line was skipped.' },
      { severity: 'error', file: 'bm25.run', line: 2, message: 'Line 2 has 7 columns; a run line has 6: qid Q0 docid rank score tag. The line was skipped.' },
    ]);
  });

  it('reports a rank that is not a whole number at the column where the rank starts', () => {
    // "301 Q0 d1 " is 10 characters, so the rank starts at column 11.
    const parts = read('301 Q0 d1 1.0 3.5 run\n301 Q0 d2 two 3.5 run');
    expect(parts.run).toEqual([]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'bm25.run', line: 1, column: 11, message: "Line 1, column 11: the rank '1.0' (4th field) is not a whole number. The line was skipped." },
      { severity: 'error', file: 'bm25.run', line: 2, column: 11, message: "Line 2, column 11: the rank 'two' (4th field) is not a whole number. The line was skipped." },
    ]);
  });

  it('reports a score that is not a finite number at the column where the score starts', () => {
    // Two leading spaces, then "301 Q0 d1 1 " (12 characters): the score starts at column 15.
    const lines = ['  301 Q0 d1 1 abc run', '  301 Q0 d1 1 NaN run', '  301 Q0 d1 1 inf run', '  301 Q0 d1 1 1e999 run', '  301 Q0 d1 1 0x1F run'];
    const parts = read(lines.join('\n'));
    expect(parts.run).toEqual([]);
    expect(parts.issues.map(({ line, column }) => ({ line, column }))).toEqual([1, 2, 3, 4, 5].map((line) => ({ line, column: 15 })));
    expect(parts.issues[3]?.message).toBe("Line 4, column 15: the score '1e999' (5th field) is not a finite number such as 12.5 or -3e-2. The line was skipped.");
  });

  it('keeps the first line of a repeated (query, document) pair', () => {
    const parts = read('301 Q0 d1 1 2 r\n302 Q0 d1 1 2 r\n301 Q0 d1 2 1 r');
    expect(parts.run?.map((line) => line.line)).toEqual([1, 2]);
    expect(parts.issues).toEqual([
      {
        severity: 'warning',
        file: 'bm25.run',
        line: 3,
        message: "Line 3: document 'd1' appears again for query '301' (first on line 1). The first is kept; this line was ignored.",
      },
    ]);
  });

  it('counts lone CR line ends and a byte-order mark correctly', () => {
    const parts = read('\uFEFF1 Q0 a 1 1 r\r\r1 Q0 b x 1 r');
    // Lines: 1 "1 Q0 a 1 1 r", 2 empty, 3 the bad rank at column 8 ("1 Q0 b " is 7 characters).
    expect(parts.run).toEqual([{ queryId: '1', docId: 'a', rank: 1, score: 1, line: 1 }]);
    expect(parts.issues).toMatchObject([{ line: 3, column: 8 }]);
  });

  it('reports a file with no run lines', () => {
    expect(read('\n# nothing\n')).toMatchObject({ run: [], issues: [{ severity: 'error', message: expect.stringContaining('no run lines at all') }] });
  });
});
