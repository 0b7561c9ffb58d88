import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_TAG, exportQrels, exportTrecRun, rankedListForExport } from './exportRun';

interface RunLine {
  queryId: string;
  docId: string;
  score: number;
}

function parseRun(text: string): RunLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const fields = line.split(/\s+/u);
      expect(fields).toHaveLength(6);
      expect(fields[1]).toBe('Q0');
      return { queryId: fields[0] ?? '', docId: fields[2] ?? '', score: Number(fields[4]) };
    });
}

/** strcmp on UTF-8 bytes, as trec_eval compares docnos. */
function strcmp(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The order trec_eval evaluates a query's documents in (form_res_rels.c, comp_sim_docno): score descending,
 * read as a C float (32 bits), ties broken by docno descending. The rank column is ignored.
 */
function trecEvalOrder(lines: readonly RunLine[], queryId: string): string[] {
  return lines
    .filter((line) => line.queryId === queryId)
    .sort((a, b) => Math.fround(b.score) - Math.fround(a.score) || strcmp(b.docId, a.docId))
    .map((line) => line.docId);
}

describe('trecEvalOrder, the test helper', () => {
  it('breaks score ties by docno descending, including ties made by 32-bit floats', () => {
    const lines: RunLine[] = [
      { queryId: 'q', docId: 'a', score: 1 },
      { queryId: 'q', docId: 'c', score: 1 },
      { queryId: 'q', docId: 'b', score: 2 },
      // 0.1 and 0.1000000001 are different doubles but the same float: docno decides, "z" before "y".
      { queryId: 'q', docId: 'y', score: 0.1000000001 },
      { queryId: 'q', docId: 'z', score: 0.1 },
    ];
    expect(trecEvalOrder(lines, 'q')).toEqual(['b', 'c', 'a', 'z', 'y']);
  });
});

describe('rankedListForExport', () => {
  it('appends the first-stage documents below the reranked top, each once', () => {
    // Reranked top 2: c, a. First stage: a, b, c, d. The rest in first-stage order: b, d.
    expect(rankedListForExport(['c', 'a'], ['a', 'b', 'c', 'd'])).toEqual(['c', 'a', 'b', 'd']);
    expect(rankedListForExport([], ['__proto__', 'x'])).toEqual(['__proto__', 'x']);
  });
});

describe('exportTrecRun', () => {
  it('writes qid Q0 docid rank score tag lines with strictly decreasing integer scores', () => {
    const shown = rankedListForExport(['c', 'a'], ['a', 'b', 'c', 'd']);
    const result = exportTrecRun(
      [
        { queryId: '__proto__', entries: shown.map((docId) => ({ docId })) },
        { queryId: 'constructor', entries: [{ docId: 'toString' }] },
      ],
      'cross-encoder',
    );
    // Four documents: scores 4, 3, 2, 1 in the shown order; one document: score 1.
    expect(result.text).toBe(
      [
        '__proto__ Q0 c 1 4 cross-encoder',
        '__proto__ Q0 a 2 3 cross-encoder',
        '__proto__ Q0 b 3 2 cross-encoder',
        '__proto__ Q0 d 4 1 cross-encoder',
        'constructor Q0 toString 1 1 cross-encoder',
        '',
      ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
  });

  it('keeps the shown order under trec_eval’s re-sort, even where docno order would reverse it', () => {
    // Ascending ids are the worst case: on tied scores trec_eval would put them in descending order.
    const ascending = Array.from({ length: 300 }, (_, i) => `d${String(i).padStart(3, '0')}`);
    // A shuffled order (a fixed stride through 300 ids, 7 is coprime with 300), as a reranker might give.
    const shuffled = ascending.map((_, i) => ascending[(i * 7) % 300] ?? '');
    const queries = [
      { queryId: 'q1', entries: ascending.map((docId) => ({ docId })) },
      { queryId: 'q 2', entries: shuffled.map((docId) => ({ docId })) },
    ];
    const lines = parseRun(exportTrecRun(queries, 'run').text);
    expect(trecEvalOrder(lines, 'q1')).toEqual(ascending);
    expect(trecEvalOrder(lines, 'q_2')).toEqual(shuffled);
  });

  it('replaces whitespace in ids and tags, leaves out empty ids and repeats, and says so', () => {
    const result = exportTrecRun(
      [
        { queryId: 'q 1', entries: [{ docId: 'doc 7' }, { docId: '' }, { docId: 'a\tb' }, { docId: 'doc_7' }, { docId: 'z' }] },
        { queryId: ' ', entries: [{ docId: 'x' }] },
      ],
      'my run\n',
    );
    // "doc 7" -> "doc_7"; "" left out; "a\tb" -> "a_b"; "doc_7" now repeats "doc_7": left out. Three written: 3, 2, 1.
    // The query " " becomes "_", which is a usable id.
    expect(result.text).toBe(
      ['q_1 Q0 doc_7 1 3 my_run_', 'q_1 Q0 a_b 2 2 my_run_', 'q_1 Q0 z 3 1 my_run_', '_ Q0 x 1 1 my_run_', ''].join('\n'),
    );
    expect(result.warnings).toEqual([
      'The run tag "my run\n" cannot be written as it is (no whitespace, not empty): it was written as "my_run_".',
      'A query id "q 1" holds whitespace, which a TREC file cannot hold: it was written as "q_1".',
      'In query "q_1", a document id "doc 7" holds whitespace, which a TREC file cannot hold: it was written as "doc_7".',
      'In query "q_1", a document id is empty, and a TREC file cannot hold an empty field: it was left out.',
      'In query "q_1", a document id "a\tb" holds whitespace, which a TREC file cannot hold: it was written as "a_b".',
      'In query "q_1", document "doc_7" is listed more than once: only its first place was written.',
      'A query id " " holds whitespace, which a TREC file cannot hold: it was written as "_".',
    ]);
  });

  it('falls back to a default tag when nothing is left, and writes nothing for no queries', () => {
    const result = exportTrecRun([{ queryId: 'q', entries: [{ docId: 'a' }] }], '');
    expect(result.text).toBe(`q Q0 a 1 1 ${DEFAULT_RUN_TAG}\n`);
    expect(result.warnings).toHaveLength(1);
    expect(exportTrecRun([], 'run')).toEqual({ text: '', warnings: [] });
  });
});

describe('exportQrels', () => {
  it('writes qid 0 docid grade lines sorted by query id, then document id, in code-unit order', () => {
    const result = exportQrels([
      {
        queryId: 'q2',
        judgments: new Map([
          ['b', 1],
          ['B', 0],
        ]),
      },
      {
        queryId: '__proto__',
        judgments: new Map([
          ['toString', 3],
          ['9', 2],
          ['10', 1],
        ]),
      },
    ]);
    // "_" (0x5F) sorts before "q" (0x71); within __proto__: "10" < "9" < "toString"; within q2: "B" (0x42) < "b" (0x62).
    expect(result.text).toBe(
      ['__proto__ 0 10 1', '__proto__ 0 9 2', '__proto__ 0 toString 3', 'q2 0 B 0', 'q2 0 b 1', ''].join('\n'),
    );
    expect(result.warnings).toEqual([]);
  });

  it('cleans ids like the run, writes a pair once, and leaves out grades that are not numbers', () => {
    const result = exportQrels([
      {
        queryId: 'q 1',
        judgments: new Map([
          ['doc 7', 2],
          ['doc_7', 1],
          ['n', NaN],
          ['h', 1.5],
        ]),
      },
    ]);
    expect(result.text).toBe(['q_1 0 doc_7 2', 'q_1 0 h 1.5', ''].join('\n'));
    expect(result.warnings).toEqual([
      'A query id "q 1" holds whitespace, which a TREC file cannot hold: it was written as "q_1".',
      'In query "q_1", a judged document id "doc 7" holds whitespace, which a TREC file cannot hold: it was written as "doc_7".',
      'In query "q_1", document "doc_7" is judged more than once: only the first judgment was written.',
      'In query "q_1", document "n" has the grade NaN, which is not a number: it was left out.',
      'In query "q_1", document "h" has the grade 1.5: trec_eval reads only its integer part.',
    ]);
  });
});
