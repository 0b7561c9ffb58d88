import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import { OverflowedNumber, parseJson } from './jsonNumbers';
import type { InputFormat, ParseOptions } from './types';

const options = (format: InputFormat): ParseOptions => ({ format, textMode: 'auto', fields: {} });
const TOO_LARGE = 'which is too large to be a number (it overflows), so it has no score. Use a plain number like 0.85.';

describe('parseJson', () => {
  it('parses like JSON.parse when no number overflows', () => {
    expect(parseJson('[1, 1e308, -2.5e-3, "1e400", {"a": [true, null]}]')).toEqual([1, 1e308, -0.0025, '1e400', { a: [true, null] }]);
  });

  it('keeps numbers too large for a double as written', () => {
    expect(parseJson('{"a": 1e400, "b": [-2E+999, 3], "c": 1.8e308, "d": 1.7e308}')).toEqual({
      a: new OverflowedNumber('1e400'),
      b: [new OverflowedNumber('-2E+999'), 3],
      c: new OverflowedNumber('1.8e308'),
      d: 1.7e308,
    });
  });

  it('finds an overflow written with many digits and a small exponent', () => {
    // 251 digits times 10^99 is about 10^349: past the largest double, about 1.8 x 10^308.
    const literal = `1${'0'.repeat(250)}e99`;
    expect(parseJson(`[${literal}]`)).toEqual([new OverflowedNumber(literal)]);
  });

  it('leaves strings alone, escaped quotes and backslashes included', () => {
    const source = String.raw`["x \" 1e400", "\\", 2e400, "1e999 \\\" 5e500"]`;
    expect(parseJson(source)).toEqual(['x " 1e400', '\\', new OverflowedNumber('2e400'), '1e999 \\" 5e500']);
  });

  it('keeps a user string that looks like an overflow marker a string', () => {
    expect(parseJson('["\\u0000overflow:1e400", 1e400]')).toEqual(['\u0000overflow:1e400', new OverflowedNumber('1e400')]);
  });

  it('throws like JSON.parse on invalid JSON', () => {
    expect(() => parseJson('[1e400,]')).toThrow(SyntaxError);
  });
});

describe('parseDocuments: scores too large to be numbers', () => {
  it('names a JSON score of 1e400 as written, not as null', () => {
    const result = parseDocuments('[{"text":"a","score":1e400},{"text":"b","score":-1e999}]', options('json'));
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0 },
      { id: 'doc_2', text: 'b', index: 1 },
    ]);
    expect(result.issues.map((issue) => issue.message)).toEqual([`Item 1 has the score 1e400, ${TOO_LARGE}`, `Item 2 has the score -1e999, ${TOO_LARGE}`]);
  });

  it('names a JSONL score of 1e400 with its line', () => {
    const result = parseDocuments('{"text":"a","score":1}\n{"text":"b","score":1e400}', options('jsonl'));
    expect(result.issues.map((issue) => issue.message)).toEqual([
      `Item 2 (line 2) has the score 1e400, ${TOO_LARGE}`,
      'Only 1 of 2 documents have a score (missing on item 2). Add the missing scores, or rank the first stage by BM25 instead.',
    ]);
  });

  it('names a CSV score of 1e400 (a cell, so quoted like other cells)', () => {
    const result = parseDocuments('text,score\na,1e400\n', options('csv'));
    expect(result.issues.map((issue) => issue.message)).toEqual([`Item 1 (line 2) has the score "1e400", ${TOO_LARGE}`]);
  });

  it('reads an overflowing id or text as written', () => {
    const result = parseDocuments('[{"id":1e400,"text":2e500}]', options('json'));
    expect(result.candidates).toEqual([{ id: '1e400', text: '2e500', index: 0 }]);
    expect(result.issues).toEqual([]);
  });

  it('reads a list holding an overflowing number as a non-document, named as a number', () => {
    expect(parseDocuments('["a", 1e400]', options('json')).issues.map((issue) => issue.message)).toEqual([
      'Item 2 is a number, not a document, and was skipped. Use a string, or an object with a "text" field.',
    ]);
  });

  it('rejects hex, Infinity and NaN scores and grades in CSV, and reads +, spaces and exponents', () => {
    const result = parseDocuments('text,score,label\na,0x1F,0x1\nb, +2.5e1 ,+2\nc,Infinity,NaN\n', options('csv'));
    // b: " +2.5e1 " is 2.5 x 10 = 25; "+2" is grade 2.
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0 },
      { id: 'doc_2', text: 'b', index: 1, score: 25, relevance: 2 },
      { id: 'doc_3', text: 'c', index: 2 },
    ]);
    expect(result.issues.map((issue) => issue.message.split(',')[0])).toEqual([
      'Item 1 (line 2) has the score "0x1F"',
      'Item 1 (line 2) has the relevance "0x1"',
      'Item 3 (line 4) has the score "Infinity"',
      'Item 3 (line 4) has the relevance "NaN"',
      'Only 1 of 3 documents have a score (missing on items 1 and 3). Add the missing scores',
    ]);
  });
});
