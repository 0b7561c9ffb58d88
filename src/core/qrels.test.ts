import { describe, expect, it } from 'vitest';
import { formatQrels, parseQrels, qrelsReport } from './qrels';

const known = new Set(['doc_1', 'doc_2', 'doc_3', 'doc_10']);

describe('parseQrels', () => {
  it('reads qid 0 docid grade lines, with any whitespace, and ignores the iteration column', () => {
    const text = 'q1 0 doc_1 2\nq1\t7\tdoc_2   0\r\n  q1 0 doc_3 3  \n';
    const parsed = parseQrels(text, known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 2, doc_2: 0, doc_3: 3 })));
    expect(parsed.skipped).toEqual([]);
    expect(parsed.queryIds).toEqual(['q1']);
    expect(parsed.queryId).toBe('q1');
    expect(parsed.notes).toEqual([]);
  });

  it('passes over blank lines and # comments without listing them', () => {
    const parsed = parseQrels('# judged by hand\n\nq1 0 doc_1 1\n   \n', known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 1 })));
    expect(parsed.skipped).toEqual([]);
  });

  it('skips lines with the wrong number of columns', () => {
    const parsed = parseQrels('q1 0 doc_1 2\nq1 doc_2 1\nq1 0 doc_3 1 extra\ndoc_10', known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 2 })));
    expect(parsed.skipped).toEqual([
      { line: 2, text: 'q1 doc_2 1', reason: 'found 3 columns, expected 4' },
      { line: 3, text: 'q1 0 doc_3 1 extra', reason: 'found 5 columns, expected 4' },
      { line: 4, text: 'doc_10', reason: 'found 1 column, expected 4' },
    ]);
  });

  it('skips grades that are not integers or are above 3', () => {
    const parsed = parseQrels('q1 0 doc_1 x\nq1 0 doc_2 1.5\nq1 0 doc_3 4\nq1 0 doc_10 +2', known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_10: 2 })));
    expect(parsed.skipped.map((entry) => [entry.line, entry.reason])).toEqual([
      [1, "grade 'x' is not an integer"],
      [2, "grade '1.5' is not an integer"],
      [3, 'grade 4 is outside 0..3'],
    ]);
  });

  it('reads negative grades as 0, with a note', () => {
    const parsed = parseQrels('q1 0 doc_1 -1\nq1 0 doc_2 -2\nq1 0 doc_3 2', known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 0, doc_2: 0, doc_3: 2 })));
    expect(parsed.skipped).toEqual([]);
    expect(parsed.notes).toEqual(['2 negative grades were read as 0 (not relevant).']);
  });

  it('uses the singular for one negative grade', () => {
    expect(parseQrels('q1 0 doc_1 -1', known).notes).toEqual(['1 negative grade was read as 0 (not relevant).']);
  });

  it('skips unknown ids, matching ids exactly', () => {
    const parsed = parseQrels('q1 0 doc_9 1\nq1 0 DOC_1 1\nq1 0 doc_1 1', known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 1 })));
    expect(parsed.skipped.map((entry) => entry.reason)).toEqual(["unknown id 'doc_9'", "unknown id 'DOC_1'"]);
  });

  it('keeps the first judgment of a document and skips repeats', () => {
    const parsed = parseQrels('q1 0 doc_1 3\nq1 0 doc_1 0', known);
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 3 })));
    expect(parsed.skipped).toEqual([{ line: 2, text: 'q1 0 doc_1 0', reason: "repeats the judgment for 'doc_1' on line 1" }]);
  });

  it('takes the first query when the file holds several, and says so', () => {
    const text = 'q7 0 doc_1 1\nq8 0 doc_2 2\nq7 0 doc_3 3\nq9 0 doc_10 1';
    const parsed = parseQrels(text, known);
    expect(parsed.queryIds).toEqual(['q7', 'q8', 'q9']);
    expect(parsed.queryId).toBe('q7');
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_1: 1, doc_3: 3 })));
    expect(parsed.skipped).toEqual([]);
    expect(parsed.notes).toEqual(["The file holds 3 queries (q7, q8, q9). Using 'q7'; 2 lines for other queries were left out."]);
  });

  it('takes the query asked for', () => {
    const parsed = parseQrels('q7 0 doc_1 1\nq8 0 doc_2 2\nq8 0 doc_9 2', known, 'q8');
    expect(parsed.queryId).toBe('q8');
    expect(parsed.judgments).toEqual(new Map(Object.entries({ doc_2: 2 })));
    // Only the chosen query's lines are checked against the known ids.
    expect(parsed.skipped.map((entry) => entry.line)).toEqual([3]);
    expect(parsed.notes).toEqual(["The file holds 2 queries (q7, q8). Using 'q8'; 1 line for other queries was left out."]);
  });

  it('says so when the query asked for is not in the file', () => {
    const parsed = parseQrels('q7 0 doc_1 1', known, 'q1');
    expect(parsed.judgments).toEqual(new Map(Object.entries({})));
    expect(parsed.queryId).toBe('q1');
    expect(parsed.notes).toEqual(["The file has no judgments for query 'q1'. It holds: q7."]);
  });

  it('returns nothing, quietly, for an empty file', () => {
    expect(parseQrels('', known)).toEqual({ judgments: new Map(), skipped: [], queryIds: [], queryId: null, notes: [] });
  });

  it('lists skipped lines in file order whatever the reason', () => {
    const parsed = parseQrels('q1 0 doc_9 1\nbad line\nq1 0 doc_1 z', known);
    expect(parsed.skipped.map((entry) => entry.line)).toEqual([1, 2, 3]);
  });
});

describe('formatQrels', () => {
  it('writes one line per judged document, sorted by id, with a final newline', () => {
    // Code-unit order: "doc_1" < "doc_10" < "doc_2"
    expect(formatQrels(new Map(Object.entries({ doc_2: 0, doc_10: 3, doc_1: 1 })), 'q1')).toBe('q1 0 doc_1 1\nq1 0 doc_10 3\nq1 0 doc_2 0\n');
  });

  it('replaces whitespace in the query id', () => {
    expect(formatQrels(new Map(Object.entries({ doc_1: 2 })), ' what is\tbm25 ')).toBe('what_is_bm25 0 doc_1 2\n');
  });

  it('writes nothing for no judgments', () => {
    expect(formatQrels(new Map(), 'q1')).toBe('');
  });

  it('round-trips through parseQrels', () => {
    const judgments = new Map(Object.entries({ doc_1: 1, doc_2: 0, doc_3: 3 }));
    expect(parseQrels(formatQrels(judgments, 'q1'), known).judgments).toEqual(judgments);
  });
});

describe('qrelsReport', () => {
  it('lists each unusable line with its reason', () => {
    const skipped = [
      { line: 3, text: 'q1 0 doc_9 1', reason: "unknown id 'doc_9'" },
      { line: 5, text: 'q1 0 doc_1 x', reason: "grade 'x' is not an integer" },
    ];
    expect(qrelsReport(skipped)).toBe(
      "Could not use 2 lines: line 3 (unknown id 'doc_9'), line 5 (grade 'x' is not an integer).",
    );
  });

  it('uses the singular for one line', () => {
    expect(qrelsReport([{ line: 1, text: 'x', reason: 'found 1 column, expected 4' }])).toBe(
      'Could not use 1 line: line 1 (found 1 column, expected 4).',
    );
  });

  it('names the first 5 lines and counts the rest', () => {
    const skipped = [1, 2, 3, 4, 5, 6, 7].map((line) => ({ line, text: '', reason: 'r' }));
    // 7 lines, 5 named, 7 - 5 = 2 more
    expect(qrelsReport(skipped)).toBe(
      'Could not use 7 lines: line 1 (r), line 2 (r), line 3 (r), line 4 (r), line 5 (r), and 2 more.',
    );
  });

  it('is null when every line was used', () => {
    expect(qrelsReport([])).toBeNull();
  });
});
