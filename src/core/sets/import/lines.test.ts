import { describe, expect, it } from 'vitest';
import { FirstLines, IssueList, guarded, idText, isTrecSkippable, quote, readFiniteNumber, readInteger, tabFields, textLines, whitespaceFields } from './lines';

describe('textLines', () => {
  it('splits on \\n, \\r\\n and a lone \\r, and drops a byte-order mark', () => {
    expect(textLines('\uFEFFa\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    // "\r\n" is one line end, "\n\r" is two: an empty line between them.
    expect(textLines('a\n\rb')).toEqual(['a', '', 'b']);
    expect(textLines('')).toEqual(['']);
  });

  it('keeps a byte-order mark that is not at the start', () => {
    expect(textLines('a\n\uFEFFb')).toEqual(['a', '\uFEFFb']);
  });
});

describe('fields', () => {
  it('cuts on runs of whitespace with 1-based columns', () => {
    // " a  bb\tc": a at index 1, bb at index 4, c at index 7.
    expect(whitespaceFields(' a  bb\tc')).toEqual([
      { text: 'a', column: 2 },
      { text: 'bb', column: 5 },
      { text: 'c', column: 8 },
    ]);
    expect(whitespaceFields('   ')).toEqual([]);
  });

  it('cuts on single tabs, keeping empty fields', () => {
    expect(tabFields('a\t\tb c')).toEqual([
      { text: 'a', column: 1 },
      { text: '', column: 3 },
      { text: 'b c', column: 4 },
    ]);
    expect(tabFields('')).toEqual([{ text: '', column: 1 }]);
  });

  it('passes over blank and # lines for TREC files', () => {
    expect(['', '  ', ' # note', '#', 'x # y'].map(isTrecSkippable)).toEqual([true, true, true, true, false]);
  });
});

describe('numbers and ids', () => {
  it('reads whole numbers only', () => {
    expect(['3', '+3', '-12', '007'].map(readInteger)).toEqual([3, 3, -12, 7]);
    expect(['3.0', '1e2', '', ' 3', '0x1'].map(readInteger)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads finite decimals, not hex, Infinity, NaN or overflow', () => {
    expect(['12.5', '-3e-2', '.5', '5.', '+1E3'].map(readFiniteNumber)).toEqual([12.5, -0.03, 0.5, 5, 1000]);
    expect(['0x1F', 'Infinity', 'NaN', '1e999', '', '1.2.3'].map(readFiniteNumber)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes trimmed strings and finite numbers as ids', () => {
    expect([' a ', 42, '', '  ', null, true, Number.NaN, { a: 1 }].map(idText)).toEqual(['a', '42', undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('cuts long quotes short', () => {
    expect(quote('abc')).toBe("'abc'");
    expect(quote('x'.repeat(100), 5)).toBe("'xxxxx…'");
  });
});

describe('IssueList', () => {
  it('puts errors first, each group by line, and counts what it does not list', () => {
    const issues = new IssueList('f.txt');
    issues.add('w', { severity: 'warning', line: 1, message: 'w1' });
    issues.add('e', { severity: 'error', line: 9, message: 'e9' });
    issues.add('e2', { severity: 'error', line: 3, message: 'e3' });
    // 22 more of kind "w" on lines 2..23: with the first one, 23 in all, 20 listed (lines 1..20), 3 counted (21..23).
    for (let line = 2; line <= 23; line += 1) issues.add('w', { severity: 'warning', line, message: `w${line}` });
    const finished = issues.finish();
    expect(finished.slice(0, 2)).toEqual([
      { severity: 'error', file: 'f.txt', line: 3, message: 'e3' },
      { severity: 'error', file: 'f.txt', line: 9, message: 'e9' },
    ]);
    expect(finished).toHaveLength(2 + 20 + 1);
    expect(finished[22]).toEqual({ severity: 'warning', file: 'f.txt', message: '…and 3 more lines like this (w), lines 21 to 23; not listed one by one.' });
  });

  it('names the single line of one hidden issue', () => {
    const issues = new IssueList('f');
    for (let line = 1; line <= 21; line += 1) issues.add('k', { severity: 'error', line, message: 'm' });
    expect(issues.finish().at(-1)?.message).toBe('…and 1 more line like this (k), line 21; not listed one by one.');
  });

  it('tells when the next issue of a kind will not be listed', () => {
    const issues = new IssueList('f');
    for (let line = 1; line <= 20; line += 1) issues.add('k', { severity: 'error', line, message: 'm' });
    expect(issues.willList('k')).toBe(false);
    expect(issues.willList('other')).toBe(true);
  });
});

describe('FirstLines', () => {
  it('remembers pairs of ids, __proto__ and constructor included', () => {
    const seen = new FirstLines();
    expect(seen.claim('__proto__', 'constructor', 1)).toBeUndefined();
    expect(seen.claim('__proto__', 'toString', 2)).toBeUndefined();
    expect(seen.claim('constructor', '__proto__', 3)).toBeUndefined();
    expect(seen.claim('__proto__', 'constructor', 4)).toBe(1);
  });
});

describe('guarded', () => {
  it('turns a thrown error into an error issue', () => {
    const parts = guarded('f', 'trec-run', () => {
      throw new Error('boom');
    });
    expect(parts).toEqual({
      file: 'f',
      kind: 'trec-run',
      issues: [{ severity: 'error', file: 'f', message: 'The file could not be read (internal error: boom). Please report this with the file.' }],
    });
  });
});
