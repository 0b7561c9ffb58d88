import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { ParseOptions } from './types';

const AUTO: ParseOptions = { format: 'auto', textMode: 'auto', fields: {} };
const CSV: ParseOptions = { ...AUTO, format: 'csv' };

describe('parseDocuments: CSV and TSV', () => {
  it('reads CSV with a header row and quoted fields', () => {
    expect(parseDocuments('id,text,score\nd1,"Alpha, beta",0.9\nd2,Gamma,0.4\n', AUTO)).toEqual({
      format: 'csv',
      fields: { available: ['id', 'text', 'score'], used: { text: 'text', id: 'id', score: 'score' } },
      issues: [],
      candidates: [
        { id: 'd1', text: 'Alpha, beta', index: 0, score: 0.9 },
        { id: 'd2', text: 'Gamma', index: 1, score: 0.4 },
      ],
    });
  });

  it('reads a multi-line quoted document', () => {
    expect(parseDocuments('text\n"first line\nsecond ""quoted"" line"\n', CSV).candidates).toEqual([
      { id: 'doc_1', text: 'first line\nsecond "quoted" line', index: 0 },
    ]);
  });

  it('reads TSV, detected by the tabs in its header, with relevance labels', () => {
    const result = parseDocuments('id\ttext\trelevance\na\tHello, world\t2\nb\tBye\t7\n', AUTO);
    expect(result.format).toBe('tsv');
    expect(result.candidates).toEqual([
      { id: 'a', text: 'Hello, world', index: 0, relevance: 2 },
      { id: 'b', text: 'Bye', index: 1 },
    ]);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        item: 2,
        line: 3,
        message: 'Item 2 (line 3) has the relevance "7", which is not a whole number from 0 to 3, so it was ignored. Use 0 (not relevant) to 3 (highly relevant).',
      },
    ]);
  });

  it('skips rows with the wrong number of fields, naming their lines, and reads the good rows', () => {
    const result = parseDocuments('id,text\n1,ok\n2,too,many\n3\n4,fine', CSV);
    expect(result.candidates).toEqual([
      { id: '1', text: 'ok', index: 0 },
      { id: '4', text: 'fine', index: 1 },
    ]);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        item: 2,
        line: 3,
        message: 'Item 2 (line 3) has 3 fields but the header has 2, so the row was skipped. Put double quotes around fields that contain a comma.',
      },
      {
        severity: 'error',
        item: 3,
        line: 4,
        message: 'Item 3 (line 4) has 1 field but the header has 2, so the row was skipped. Check for a missing field, or a line break outside quotes.',
      },
    ]);
  });

  it('speaks of tabs for TSV rows with too many fields', () => {
    expect(parseDocuments('id\ttext\n1\ta\tb', { ...AUTO, format: 'tsv' }).issues[0]?.message).toBe(
      'Item 1 (line 2) has 3 fields but the header has 2, so the row was skipped. Put double quotes around fields that contain a tab.',
    );
  });

  it('skips a row whose quote never closes, naming where it opens, and reads the rows after it', () => {
    const result = parseDocuments('id,text\n1,"never closed\n2,fine\n', CSV);
    expect(result.candidates).toEqual([{ id: '2', text: 'fine', index: 0 }]);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        item: 1,
        line: 2,
        column: 3,
        message: 'Item 1 (line 2): a quoted field opens at line 2, column 3 and never closes, so the row was skipped. Add the closing double quote.',
      },
    ]);
  });

  it('reports a header whose quote never closes', () => {
    expect(parseDocuments('"id,text\n1,a', CSV)).toEqual({
      format: 'csv',
      fields: undefined,
      candidates: [],
      issues: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          message: 'The header row (line 1) opens a quote at column 1 that never closes. Add the closing double quote.',
        },
      ],
    });
  });

  it('warns about text after a closing quote and keeps it', () => {
    const result = parseDocuments('id,text\n1,"ab"cd\n', CSV);
    expect(result.candidates).toEqual([{ id: '1', text: 'abcd', index: 0 }]);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        item: 1,
        line: 2,
        message: 'Item 1 (line 2): field 2 has text after its closing quote; it was kept as part of the field. Inside quotes, write a quote as "".',
      },
    ]);
  });

  it('renames a repeated column name', () => {
    const result = parseDocuments('text,text\na,b', CSV);
    expect(result.fields?.available).toEqual(['text', 'text_2']);
    expect(result.candidates).toEqual([{ id: 'doc_1', text: 'a', index: 0 }]);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        line: 1,
        message: 'The header (line 1) names "text" more than once; column 2 was read as "text_2". Give each column its own name.',
      },
    ]);
  });

  it('renames repeats without colliding with names already in the header', () => {
    // a -> a; a -> a_2; a_2 is taken now, so it becomes a_2_2. Then b_3 -> b_3; b -> b; b -> b_2; b -> b_3 is taken -> b_4.
    expect(parseDocuments('text,a,a,a_2,b_3,b,b,b\nx,1,2,3,4,5,6,7', CSV).fields?.available).toEqual(['text', 'a', 'a_2', 'a_2_2', 'b_3', 'b', 'b_2', 'b_4']);
  });

  // 140 KB of header; the old dedupe rescanned from _2 for every repeat (20,000^2 / 2 lookups, ~20 s).
  // Vitest's 5 s timeout is the bound: a linear dedupe takes milliseconds.
  it('renames a name repeated 20,000 times quickly, numbering every repeat', () => {
    const result = parseDocuments(`${Array<string>(20_000).fill('passage').join(',')}\n`, CSV);
    const names = result.fields?.available ?? [];
    expect(names).toHaveLength(20_000);
    expect(names.slice(0, 3)).toEqual(['passage', 'passage_2', 'passage_3']);
    expect(names[19_999]).toBe('passage_20000');
    expect(new Set(names).size).toBe(20_000);
  });

  it('names blank header cells by position', () => {
    expect(parseDocuments('text,\na,b', CSV).fields?.available).toEqual(['text', 'column_2']);
  });

  it('skips an empty text cell and generates an id for an empty id cell', () => {
    const result = parseDocuments('id,text\na,\n,second\nc,third', CSV);
    expect(result.candidates).toEqual([
      { id: 'doc_2', text: 'second', index: 0 },
      { id: 'c', text: 'third', index: 1 },
    ]);
    expect(result.issues).toEqual([
      { severity: 'warning', item: 1, line: 2, message: 'Item 1 (line 2) is empty and was skipped.' },
      { severity: 'warning', item: 2, message: 'Item 2 has no id, so it was given the id "doc_2". Add an id if you need a stable one.' },
    ]);
  });

  it('reads numeric strings as scores and labels, and warns about the rest', () => {
    const result = parseDocuments('text,score,label\na,high,1\nb,0.3,0\n', CSV);
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0, relevance: 1 },
      { id: 'doc_2', text: 'b', index: 1, score: 0.3, relevance: 0 },
    ]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Item 1 (line 2) has the score "high", which is not a number, so it has no score. Use a plain number like 0.85.',
      'Only 1 of 2 documents have a score (missing on item 1). Add the missing scores, or rank the first stage by BM25 instead.',
    ]);
  });

  it('lists the header as the available fields even with no rows', () => {
    expect(parseDocuments('id,text\n', AUTO)).toEqual({
      format: 'csv',
      fields: { available: ['id', 'text'], used: { text: 'text', id: 'id' } },
      issues: [],
      candidates: [],
    });
  });

  it('ignores a byte-order mark before the header', () => {
    expect(parseDocuments('\uFEFFid,text\n1,a', AUTO).fields?.available).toEqual(['id', 'text']);
  });
});
