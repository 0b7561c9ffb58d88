import { describe, expect, it } from 'vitest';
import { readBeirQueries } from './beirQueries';

const read = (text: string) => readBeirQueries({ name: 'queries.jsonl', text });

describe('readBeirQueries', () => {
  it('reads a BEIR queries.jsonl, also id/query_id and query fields', () => {
    const text = [
      '{"_id": "PLAIN-2", "text": "Do Cholesterol Statin Drugs Cause Breast Cancer?", "metadata": {"url": "x"}}',
      '{"id": "__proto__", "query": "  what is a prototype "}',
      '',
      '{"query_id": 7, "text": "numbers as ids"}',
      '{"_id": "constructor", "text": "build"}',
    ].join('\r\n');
    expect(read(text)).toEqual({
      file: 'queries.jsonl',
      kind: 'beir-queries',
      topics: [
        { id: 'PLAIN-2', text: 'Do Cholesterol Statin Drugs Cause Breast Cancer?', line: 1 },
        { id: '__proto__', text: 'what is a prototype', line: 2 },
        { id: '7', text: 'numbers as ids', line: 4 },
        { id: 'constructor', text: 'build', line: 5 },
      ],
      issues: [],
    });
  });

  it('reports bad JSON with its column, a missing id, a missing or empty text, each by line', () => {
    // Line 1: '{"_id": "q1", "text": "a"' ends without '}': the scanner points past the end, column 26 (25 characters).
    const lines = ['{"_id": "q1", "text": "a"', '{"text": "no id"}', '{"_id": "q3"}', '{"_id": "q4", "text": ""}', '{"_id": "q5", "text": 5}', '"just a string"'];
    const parts = read(lines.join('\n'));
    expect(parts.topics).toEqual([]);
    expect(parts.issues).toMatchObject([
      { severity: 'error', line: 1, column: 26, message: expect.stringContaining('Line 1, column 26 is not valid JSON') },
      { severity: 'error', line: 2, message: 'Line 2 has no query id: it has "text". A query needs "_id", "id" or "query_id" (a string or a number). The line was skipped.' },
      { severity: 'error', line: 3, message: `Line 3: query 'q3' has no text field: it has "_id". Its text goes in "text" or "query". The line was skipped.` },
      { severity: 'error', line: 4, message: `Line 4: query 'q4' has an empty "text". Its text goes in "text" or "query". The line was skipped.` },
      { severity: 'error', line: 5, message: `Line 5: query 'q5' has a "text" that is not a string. Its text goes in "text" or "query". The line was skipped.` },
      { severity: 'error', line: 6, message: 'Line 6 holds a string, not a JSON object with fields. The line was skipped.' },
    ]);
  });

  it('keeps the first of a repeated id', () => {
    const parts = read('{"_id": "q", "text": "first"}\n{"_id": "q", "text": "second"}');
    expect(parts.topics).toEqual([{ id: 'q', text: 'first', line: 1 }]);
    expect(parts.issues).toEqual([
      { severity: 'warning', file: 'queries.jsonl', line: 2, message: "Line 2: query 'q' appears again (first on line 1). The first is kept; this one was ignored." },
    ]);
  });

  it('lists 20 bad JSON lines, explains them, and counts the rest', () => {
    // 30 lines of "{": lines 1..20 listed, 21..30 counted.
    const parts = read(Array.from({ length: 30 }, () => '{').join('\n'));
    expect(parts.issues).toHaveLength(21);
    expect(parts.issues[19]).toMatchObject({ line: 20, column: 2 });
    expect(parts.issues[20]?.message).toBe('…and 10 more lines like this (not valid JSON), lines 21 to 30; not listed one by one.');
  });

  it('reports an empty file', () => {
    expect(read('\uFEFF\n')).toMatchObject({ topics: [], issues: [{ severity: 'error', message: expect.stringContaining('no queries at all') }] });
  });
});
