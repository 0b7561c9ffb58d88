import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { ParseOptions } from './types';

const AUTO: ParseOptions = { format: 'auto', textMode: 'auto', fields: {} };
const JSONL: ParseOptions = { ...AUTO, format: 'jsonl' };

describe('parseDocuments: JSONL', () => {
  it('reads one object per line, ignoring blank lines', () => {
    expect(parseDocuments('{"id":"a","text":"one","score":2}\n\n{"id":"b","text":"two","score":"0.5"}\n', AUTO)).toEqual({
      format: 'jsonl',
      fields: { available: ['id', 'text', 'score'], used: { text: 'text', id: 'id', score: 'score' } },
      issues: [],
      candidates: [
        { id: 'a', text: 'one', index: 0, score: 2 },
        { id: 'b', text: 'two', index: 1, score: 0.5 },
      ],
    });
  });

  it('reads one string per line', () => {
    expect(parseDocuments('"first"\r\n"second"', AUTO)).toEqual({
      format: 'jsonl',
      fields: undefined,
      issues: [],
      candidates: [
        { id: 'doc_1', text: 'first', index: 0 },
        { id: 'doc_2', text: 'second', index: 1 },
      ],
    });
  });

  it('skips a bad line, naming its line and column, and keeps ids stable for the rest', () => {
    const result = parseDocuments('{"text":"a"}\n{"text": "b",}\n{"text":"c"}', AUTO);
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0 },
      { id: 'doc_3', text: 'c', index: 1 },
    ]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      severity: 'error',
      item: 2,
      line: 2,
      column: 13,
      message: "Item 2 (line 2) is not valid JSON at column 13: trailing comma before '}'. Remove the comma. The line was skipped.",
    });
  });

  it('says to put values on their own lines when a line holds two', () => {
    expect(parseDocuments('{"text":"a"} {"text":"b"}', JSONL).issues[0]?.message).toBe(
      'Item 1 (line 1) is not valid JSON at column 14: unexpected text after the end of the JSON value. Put each JSON value on a line of its own. The line was skipped.',
    );
  });

  it('names a line that is not a document', () => {
    expect(parseDocuments('{"text":"a"}\n\n5', JSONL).issues).toEqual([
      { severity: 'error', item: 2, line: 3, message: 'Item 2 (line 3) is a number, not a document, and was skipped. Use a string, or an object with a "text" field.' },
    ]);
  });

  it('names the line of an object without text', () => {
    expect(parseDocuments('{"text":"a"}\n{"title":"b"}', JSONL).issues).toEqual([
      {
        severity: 'error',
        item: 2,
        line: 2,
        message: 'Item 2 (line 2) has no "text" field (it has "title") and was skipped. Add the text, or choose another text field.',
      },
    ]);
  });
});
