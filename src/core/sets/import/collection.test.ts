import { describe, expect, it } from 'vitest';
import { joinTitle, readCollection } from './collection';

const read = (text: string) => readCollection({ name: 'corpus.jsonl', text });

describe('readCollection: JSONL', () => {
  it('reads a BEIR corpus, joining title and text as BEIR does', () => {
    const text = [
      '{"_id": "MED-10", "title": "Statin Use and Breast Cancer", "text": "Recent studies suggest statins."}',
      '',
      '{"_id": "__proto__", "title": "", "text": "  no title here "}',
      '{"_id": 42, "title": "Numbers", "text": "as ids", "metadata": {}}',
    ].join('\n');
    expect(read(text)).toEqual({
      file: 'corpus.jsonl',
      kind: 'beir-corpus',
      documents: [
        { id: 'MED-10', text: 'Statin Use and Breast Cancer Recent studies suggest statins.', line: 1 },
        { id: '__proto__', text: 'no title here', line: 3 },
        { id: '42', text: 'Numbers as ids', line: 4 },
      ],
      issues: [],
    });
  });

  it('reads id/contents (Pyserini) and docid/body, without _id as a plain collection', () => {
    const parts = read('{"id": "constructor", "contents": "hello"}\r\n{"docid": " d2 ", "body": "world", "title": null}\r{"doc_id": "d3", "text": "!"}');
    expect(parts).toMatchObject({
      kind: 'collection',
      documents: [
        { id: 'constructor', text: 'hello', line: 1 },
        { id: 'd2', text: 'world', line: 2 },
        { id: 'd3', text: '!', line: 3 },
      ],
      issues: [],
    });
  });

  it('reports a line that is not valid JSON with the column where it breaks', () => {
    // Columns: the comma before '}' in line 1 is the 25th character; the bare b in line 2 is the 22nd.
    const parts = read('{"_id": "a", "text": "b",}\n{"_id": "a", "text": b}\n{"_id": "c", "text": "ok"}');
    expect(parts.documents).toEqual([{ id: 'c', text: 'ok', line: 3 }]);
    expect(parts.issues).toMatchObject([
      { severity: 'error', line: 1, column: 25, message: expect.stringMatching(/^Line 1, column 25 is not valid JSON: trailing comma before '}'\. .* The line was skipped\.$/) },
      { severity: 'error', line: 2, column: 22, message: expect.stringContaining('Line 2, column 22 is not valid JSON') },
    ]);
  });

  it('says to put one object per line when two share a line', () => {
    // '{"_id": "a"}' is 12 characters, then a space: the second object starts at column 14.
    expect(read('{"_id": "a"} {"_id": "b"}').issues[0]).toMatchObject({ line: 1, column: 14, message: expect.stringContaining('Put each JSON object on a line of its own.') });
  });

  it('reports a line that is not an object, a missing id and a missing text, naming the fields it has', () => {
    const parts = read('["a", "b"]\n{"title": "x", "text": "y"}\n{"_id": "d", "title": "t"}\n{"_id": "e", "text": ["a"]}');
    expect(parts.documents).toEqual([]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'corpus.jsonl', line: 1, message: 'Line 1 holds an array, not a JSON object with fields. The line was skipped.' },
      {
        severity: 'error',
        file: 'corpus.jsonl',
        line: 2,
        message: 'Line 2 has no document id: it has "title", "text". A document needs "_id", "id", "docid" or "doc_id" (a string or a number). The line was skipped.',
      },
      {
        severity: 'error',
        file: 'corpus.jsonl',
        line: 3,
        message: `Line 3: document 'd' has no text field: it has "_id", "title". Its text goes in "text", "contents" or "body". The line was skipped.`,
      },
      {
        severity: 'error',
        file: 'corpus.jsonl',
        line: 4,
        message: `Line 4: document 'e' has a "text" that is not a string. Its text goes in "text", "contents" or "body". The line was skipped.`,
      },
    ]);
  });

  it('reports an empty document, warns about a title that is not a string, and keeps the first of a repeated id', () => {
    const parts = read('{"_id": "toString", "text": "  "}\n{"_id": "d", "title": {"a": 1}, "text": "t"}\n{"_id": "d", "text": "again"}');
    expect(parts.documents).toEqual([{ id: 'd', text: 't', line: 2 }]);
    expect(parts.issues).toMatchObject([
      { severity: 'error', line: 1, message: "Line 1: document 'toString' has an empty text and no title, so there is nothing to rank. The line was skipped." },
      { severity: 'warning', line: 2, message: `Line 2: the "title" of document 'd' is not a string; only its text was used.` },
      { severity: 'warning', line: 3, message: "Line 3: document 'd' appears again (first on line 2). The first is kept; this one was ignored." },
    ]);
  });
});

describe('readCollection: TSV', () => {
  it('reads MS MARCO collection.tsv lines, tabs inside the text kept', () => {
    const parts = read('\uFEFF0\tThe presence of communication.\n1\tThe Manhattan Project\tand its legacy.\n\n__proto__\t x ');
    expect(parts).toEqual({
      file: 'corpus.jsonl',
      kind: 'collection',
      documents: [
        { id: '0', text: 'The presence of communication.', line: 1 },
        { id: '1', text: 'The Manhattan Project\tand its legacy.', line: 2 },
        { id: '__proto__', text: 'x', line: 4 },
      ],
      issues: [],
    });
  });

  it('passes over an id/text header, and follows an id/text/title header (DPR)', () => {
    expect(read('docid\ttext\nd1\tone').documents).toEqual([{ id: 'd1', text: 'one', line: 2 }]);
    expect(read('id\ttext\ttitle\n1\tAaron is a prophet.\tAaron\n2\tNo title column').documents).toEqual([
      { id: '1', text: 'Aaron Aaron is a prophet.', line: 2 },
      { id: '2', text: 'No title column', line: 3 },
    ]);
  });

  it('reports a line without a tab, an empty id and an empty text', () => {
    const parts = read('d0\tfine\nno tab at all\n\torphan text\nd3\t   ');
    expect(parts.documents).toEqual([{ id: 'd0', text: 'fine', line: 1 }]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'corpus.jsonl', line: 2, message: 'Line 2 has no tab; a document line holds the document id, a tab, then its text. The line was skipped.' },
      { severity: 'error', file: 'corpus.jsonl', line: 3, column: 1, message: 'Line 3 has an empty document id. The line was skipped.' },
      // "d3<TAB>" is 3 characters: the text starts at column 4.
      { severity: 'error', file: 'corpus.jsonl', line: 4, column: 4, message: "Line 4: document 'd3' has no text. The line was skipped." },
    ]);
  });

  it('reports an empty file', () => {
    expect(read(' \r\n ')).toMatchObject({ documents: [], issues: [{ severity: 'error', message: expect.stringContaining('no documents at all') }] });
  });
});

describe('joinTitle', () => {
  it('puts one space between title and text and trims the result', () => {
    expect(joinTitle('Title', 'text')).toBe('Title text');
    expect(joinTitle('', '  text  ')).toBe('text');
    expect(joinTitle(' T ', '')).toBe('T');
  });
});
