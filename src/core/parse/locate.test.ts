import { describe, expect, it } from 'vitest';
import { lineColumnAt } from './locate';

describe('lineColumnAt', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('abc\ndef', 4)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt('abc\ndef', 6)).toEqual({ line: 2, column: 3 });
  });

  it('puts a line break at the end of its own line', () => {
    expect(lineColumnAt('abc\ndef', 3)).toEqual({ line: 1, column: 4 });
  });

  it('starts the next line after \\r\\n', () => {
    expect(lineColumnAt('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
  });
});
