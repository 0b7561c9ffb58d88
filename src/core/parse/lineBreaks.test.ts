import { describe, expect, it } from 'vitest';
import { splitRecords } from './csvRecords';
import { detectFormat } from './detect';
import { parseDocuments } from './index';
import { lineColumnAt } from './locate';
import { readPlainText, splitLines } from './text';
import type { InputFormat, ParseOptions, TextMode } from './types';

// Old Mac files end lines with a lone \r; Windows with \r\n; everything else with \n. All three are one line break.
const options = (format: InputFormat, textMode: TextMode | 'auto' = 'auto'): ParseOptions => ({ format, textMode, fields: {} });

describe('lone \\r line ends', () => {
  it('splitLines splits on \\n, \\r\\n and lone \\r, each one break', () => {
    expect(splitLines('a\rb\r\nc\nd\r\re')).toEqual(['a', 'b', 'c', 'd', '', 'e']);
    expect(splitLines('\r\n\r')).toEqual(['', '', '']);
  });

  it('reads one document per line of a CR-only text', () => {
    const result = parseDocuments('alpha\rbeta\rgamma\r', options('text'));
    expect(result.textMode).toBe('lines');
    expect(result.candidates.map((candidate) => candidate.text)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('finds paragraphs separated by blank CR-only lines, with the line each starts on', () => {
    // Lines: 1 "one a", 2 "one b", 3 "", 4 "two a", 5 "two b".
    const result = parseDocuments('one a\rone b\r\rtwo a\rtwo b', options('text'));
    expect(result.textMode).toBe('paragraphs');
    expect(result.candidates.map((candidate) => candidate.text)).toEqual(['one a\none b', 'two a\ntwo b']);
    // Lines: 1 "x", 2 "", 3 "y", 4 "", 5 "", 6 "z".
    expect(readPlainText('x\r\ry\r\r\rz', 'lines').items.map((item) => item.line)).toEqual([1, 3, 6]);
  });

  it('names the right line of a bad JSONL line in a CR-only file', () => {
    const result = parseDocuments('{"text":"a"}\r{"text":"b"}\r{"text":}\r', options('jsonl'));
    expect(result.candidates.map((candidate) => candidate.text)).toEqual(['a', 'b']);
    expect(result.issues[0]).toMatchObject({ severity: 'error', item: 3, line: 3, column: 9 });
  });

  it('names the right line of a JSON error in a CR-only file', () => {
    // Line 1 "[", line 2 ' "a",', line 3 "]": the trailing comma is line 2, column 5.
    const result = parseDocuments('[\r "a",\r]', options('json'));
    expect(result.issues[0]).toMatchObject({ severity: 'error', line: 2, column: 5 });
  });

  it('lineColumnAt counts \\r, \\r\\n and \\n as one break each', () => {
    expect(lineColumnAt('a\rb', 2)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 });
    // The offset of the \n in \r\n is still on line 1 (the break belongs to the line it ends).
    expect(lineColumnAt('a\r\nb', 2)).toEqual({ line: 1, column: 3 });
  });

  it('splitRecords ends records at lone \\r, inside quotes too, keeping line numbers', () => {
    // Lines: 1 "a,b", 2 "1,2", 3 '"x', 4 'y",z', 5 "3,4".
    expect(splitRecords('a,b\r1,2\r"x\ry",z\r3,4', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['x\ny', 'z'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('resumes after an unclosed quote at the next lone \\r', () => {
    const records = splitRecords('a\r"open\rb\rc', ',');
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4]);
    expect(records[1]?.unclosedQuote).toEqual({ line: 2, column: 1 });
    expect(records[3]?.cells).toEqual(['c']);
  });

  it('detects and reads a CR-only CSV, naming rows by their lines', () => {
    const raw = 'id,text\rd1,hello\rd2,too,many\r';
    expect(detectFormat(raw)).toBe('csv');
    const result = parseDocuments(raw, options('auto'));
    expect(result.candidates).toEqual([{ id: 'd1', text: 'hello', index: 0 }]);
    expect(result.issues[0]).toMatchObject({ severity: 'error', item: 2, line: 3 });
  });

  it('detects a CR-only JSONL and TSV', () => {
    expect(detectFormat('{"text":"a"}\r{"text":"b"}')).toBe('jsonl');
    expect(detectFormat('id\ttext\r1\ta')).toBe('tsv');
  });
});
