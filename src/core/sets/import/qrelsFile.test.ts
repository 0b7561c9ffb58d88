import { describe, expect, it } from 'vitest';
import { readQrelsFile } from './qrelsFile';

const read = (text: string) => readQrelsFile({ name: 'qrels.txt', text });

describe('readQrelsFile: TREC qrels', () => {
  it('reads qid iter docid grade, negative grades as 0 with one warning', () => {
    const text = [
      '301 0 FBIS3-10082 1', //       1
      '301 0 FBIS3-10169 0', //       2
      '302 0 __proto__ 2', //         3
      '# junk below', //              4
      '302 Q0 LA-1 -1', //            5: negative, read as 0
      '303\t0\tconstructor\t3', //    6
    ].join('\n');
    expect(read(text)).toEqual({
      file: 'qrels.txt',
      kind: 'trec-qrels',
      qrels: [
        { queryId: '301', docId: 'FBIS3-10082', grade: 1, line: 1 },
        { queryId: '301', docId: 'FBIS3-10169', grade: 0, line: 2 },
        { queryId: '302', docId: '__proto__', grade: 2, line: 3 },
        { queryId: '302', docId: 'LA-1', grade: 0, line: 5 },
        { queryId: '303', docId: 'constructor', grade: 3, line: 6 },
      ],
      issues: [
        { severity: 'warning', file: 'qrels.txt', line: 5, message: '1 judgment has a negative grade (line 5), read as 0, not relevant, as trec_eval does.' },
      ],
    });
  });

  it('keeps grades above 3 as given, with one warning listing the first five lines', () => {
    // Seven judgments graded 4 on lines 1..7: lines 1-5 are named, "and 2 more".
    const text = Array.from({ length: 7 }, (_, i) => `q 0 d${i} 4`).join('\n');
    const parts = read(text);
    expect(parts.qrels?.map((qrel) => qrel.grade)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(parts.issues).toEqual([
      {
        severity: 'warning',
        file: 'qrels.txt',
        line: 1,
        message: '7 judgments have a grade above 3 (lines 1, 2, 3, 4, 5 and 2 more), kept as given; note that the app shows grades 0 to 3.',
      },
    ]);
  });

  it('reports a grade that is not a whole number at its column, and a line without 4 columns', () => {
    // "301 0 d1 " is 9 characters: the grade starts at column 10.
    const parts = read('301 0 d1 1.5\n301 0 d2\n301 0 d3 high\n301 0 d4 1');
    expect(parts.qrels).toEqual([{ queryId: '301', docId: 'd4', grade: 1, line: 4 }]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'qrels.txt', line: 1, column: 10, message: "Line 1, column 10: the grade '1.5' is not a whole number (judgments are 0, 1, 2 or 3). The line was skipped." },
      { severity: 'error', file: 'qrels.txt', line: 2, message: 'Line 2 has 3 columns; a judgment here is 4 columns: qid iter docid grade. The line was skipped.' },
      { severity: 'error', file: 'qrels.txt', line: 3, column: 10, message: "Line 3, column 10: the grade 'high' is not a whole number (judgments are 0, 1, 2 or 3). The line was skipped." },
    ]);
  });

  it('keeps the first judgment of a repeated (query, document) pair', () => {
    const parts = read('1 0 d 2\r\n2 0 d 1\r\n1 0 d 0');
    expect(parts.qrels).toEqual([
      { queryId: '1', docId: 'd', grade: 2, line: 1 },
      { queryId: '2', docId: 'd', grade: 1, line: 2 },
    ]);
    expect(parts.issues).toEqual([
      {
        severity: 'warning',
        file: 'qrels.txt',
        line: 3,
        message: "Line 3: document 'd' is judged again for query '1' (first on line 1). The first judgment is kept; this line was ignored.",
      },
    ]);
  });
});

describe('readQrelsFile: BEIR qrels', () => {
  it('reads query-id, corpus-id and score under the BEIR header', () => {
    const text = '\uFEFFquery-id\tcorpus-id\tscore\nPLAIN-1\tMED-2421\t2\nPLAIN-1\tMED-2422\t1\ntoString\t__proto__\t1\n';
    expect(read(text)).toEqual({
      file: 'qrels.txt',
      kind: 'beir-qrels',
      qrels: [
        { queryId: 'PLAIN-1', docId: 'MED-2421', grade: 2, line: 2 },
        { queryId: 'PLAIN-1', docId: 'MED-2422', grade: 1, line: 3 },
        { queryId: 'toString', docId: '__proto__', grade: 1, line: 4 },
      ],
      issues: [],
    });
  });

  it('reads 3 tab-separated columns without a header as BEIR too, ids may hold spaces', () => {
    expect(read('q 1\tdoc one\t1\rq 2\tdoc two\t0')).toMatchObject({
      kind: 'beir-qrels',
      qrels: [
        { queryId: 'q 1', docId: 'doc one', grade: 1, line: 1 },
        { queryId: 'q 2', docId: 'doc two', grade: 0, line: 2 },
      ],
      issues: [],
    });
  });

  it('reports a wrong column count, an empty id and a bad score with line and column', () => {
    // "q1<TAB>d3<TAB>" is 6 characters: the score starts at column 7.
    const parts = read('query-id\tcorpus-id\tscore\nq1\td1\nq1\t\t1\nq1\td3\t0.5\nq1\td4\t1');
    expect(parts.qrels).toEqual([{ queryId: 'q1', docId: 'd4', grade: 1, line: 5 }]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'qrels.txt', line: 2, message: 'Line 2 has 2 columns; a judgment here is 3 columns: query-id, tab, corpus-id, tab, score. The line was skipped.' },
      { severity: 'error', file: 'qrels.txt', line: 3, message: 'Line 3 has an empty id; a judgment here is 3 columns: query-id, tab, corpus-id, tab, score. The line was skipped.' },
      { severity: 'error', file: 'qrels.txt', line: 4, column: 7, message: "Line 4, column 7: the grade '0.5' is not a whole number (judgments are 0, 1, 2 or 3). The line was skipped." },
    ]);
  });

  it('tells BEIR from TREC by most of the first lines, so one bad first line does not decide', () => {
    const parts = read('q1\td1\nq1\td2\t1\nq1\td3\t0');
    expect(parts.kind).toBe('beir-qrels');
    expect(parts.qrels?.map((qrel) => qrel.line)).toEqual([2, 3]);
    expect(parts.issues).toMatchObject([{ severity: 'error', line: 1, message: expect.stringContaining('has 2 columns') }]);
  });

  it('reports a file with only a header, or nothing, as holding no judgments', () => {
    for (const text of ['query-id\tcorpus-id\tscore\n', '', '   \n']) {
      expect(read(text)).toMatchObject({ qrels: [], issues: [{ severity: 'error', message: expect.stringContaining('no judgments at all') }] });
    }
  });
});
