import { describe, expect, it } from 'vitest';
import { splitRecords } from './csvRecords';

describe('splitRecords', () => {
  it('splits plain rows and notes where each starts', () => {
    expect(splitRecords('a,b\n1,2\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers right', () => {
    expect(splitRecords('id,text\n1,"Hello, ""world""\nsecond line"\n2,plain\n', ',')).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['1', 'Hello, "world"\nsecond line'] },
      { line: 4, cells: ['2', 'plain'] },
    ]);
  });

  it('keeps counting lines across several multi-line fields in one record', () => {
    expect(splitRecords('"a\nb",c,"d\ne"\nx,y,z\n', ',')).toEqual([
      { line: 1, cells: ['a\nb', 'c', 'd\ne'] },
      { line: 4, cells: ['x', 'y', 'z'] },
    ]);
  });

  it('handles \\r\\n line ends, inside quotes too', () => {
    expect(splitRecords('a,b\r\n"x\r\ny",z\r\nlast,row', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', 'z'] },
      { line: 4, cells: ['last', 'row'] },
    ]);
  });

  it('skips blank lines and rows of bare delimiters', () => {
    expect(splitRecords('a\n\n  \n,,\nb', ',')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 5, cells: ['b'] },
    ]);
  });

  it('keeps empty and trailing fields', () => {
    expect(splitRecords('"",x\na,b,', ',')).toEqual([
      { line: 1, cells: ['', 'x'] },
      { line: 2, cells: ['a', 'b', ''] },
    ]);
  });

  it('flags an unclosed quote and resumes on the next line', () => {
    expect(splitRecords('a,b\n1,"oops\n2,ok\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1'], unclosedQuote: { line: 2, column: 3 } },
      { line: 3, cells: ['2', 'ok'] },
    ]);
  });

  it('keeps text after a closing quote, and flags the field', () => {
    expect(splitRecords('x,"ab"c,d', ',')).toEqual([{ line: 1, cells: ['x', 'abc', 'd'], strayTextAfterQuote: 2 }]);
  });

  it('is lenient about spaces around quoted fields and quotes inside unquoted ones', () => {
    expect(splitRecords('a, "b, c" ,say "hi"', ',')).toEqual([{ line: 1, cells: ['a', 'b, c', 'say "hi"'] }]);
  });

  it('splits on tabs for TSV, where commas are ordinary text', () => {
    expect(splitRecords('a\tb\n"x\ty"\tz, w', '\t')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ty', 'z, w'] },
    ]);
  });
});
