import { describe, expect, it } from 'vitest';
import { describeBounds, formatBound, formatBounds, parseBoundedNumber, type NumberBounds } from './numberInput';

const topN: NumberBounds = { min: 1, max: 10_000, integer: true, label: 'Top N' };
const bm25B: NumberBounds = { min: 0, max: 1, integer: false, label: 'b' };

const rejected = (text: string, bounds: NumberBounds): string => {
  const result = parseBoundedNumber(text, bounds);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected, got ${result.value}`);
  return result.message;
};

describe('parseBoundedNumber: accepted', () => {
  it.each([
    ['20', 20],
    ['1', 1], // the lower bound itself
    ['10000', 10_000], // the upper bound itself
    ['  42 ', 42], // spaces trimmed
    ['007', 7], // leading zeros are still decimal, not octal
    ['+5', 5],
    ['12.', 12], // 12. is 12, a whole number
    ['3.0', 3],
  ])('reads %j as %d', (text, value) => {
    expect(parseBoundedNumber(text, topN)).toEqual({ ok: true, value });
  });

  it('reads decimals where the field allows them', () => {
    expect(parseBoundedNumber('0.75', bm25B)).toEqual({ ok: true, value: 0.75 });
    expect(parseBoundedNumber('.5', bm25B)).toEqual({ ok: true, value: 0.5 });
    expect(parseBoundedNumber('0', bm25B)).toEqual({ ok: true, value: 0 });
  });

  it('reads "-0" as plain 0, not negative zero', () => {
    const result = parseBoundedNumber('-0', bm25B);
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });
});

describe('parseBoundedNumber: rejected, with the field and its bounds named', () => {
  it('says an empty field is empty', () => {
    expect(rejected('', topN)).toBe('Top N is empty. Enter a whole number from 1 to 10,000.');
    expect(rejected('   ', topN)).toBe('Top N is empty. Enter a whole number from 1 to 10,000.');
  });

  it('rejects what is not plain decimal notation', () => {
    expect(rejected('abc', topN)).toBe('Top N must be a whole number from 1 to 10,000. "abc" is not a number.');
    for (const text of ['0x10', '1e3', 'Infinity', 'NaN', '1 2', '--1', '.', '5px', '²']) {
      expect(rejected(text, topN)).toContain(`"${text}" is not a number.`);
    }
  });

  it('says how to type a number written with commas', () => {
    expect(rejected('10,000', topN)).toBe('Top N must be a whole number from 1 to 10,000. Type "10,000" without commas.');
    expect(rejected('0,75', bm25B)).toBe('b must be a number from 0 to 1. Type "0,75" without commas, with "." for decimals.');
  });

  it('rejects values below the minimum: 0 and negatives', () => {
    expect(rejected('0', topN)).toBe('Top N must be a whole number from 1 to 10,000. "0" is below 1.');
    expect(rejected('-3', topN)).toBe('Top N must be a whole number from 1 to 10,000. "-3" is below 1.');
    expect(rejected('-0.01', bm25B)).toBe('b must be a number from 0 to 1. "-0.01" is below 0.');
  });

  it('rejects values above the maximum', () => {
    const maxTokens: NumberBounds = { min: 8, max: 512, integer: true, label: 'Max tokens' };
    expect(rejected('100000', maxTokens)).toBe('Max tokens must be a whole number from 8 to 512. "100000" is above 512.');
    expect(rejected('10001', topN)).toContain('"10001" is above 10,000.');
    expect(rejected('1.01', bm25B)).toContain('"1.01" is above 1.');
  });

  it('calls a 400-digit number too large (it is Infinity as a double), quoting only its start', () => {
    // 24 nines, then the ellipsis: the quote stops at 24 characters.
    expect(rejected('9'.repeat(400), topN)).toBe(`Top N must be a whole number from 1 to 10,000. "${'9'.repeat(24)}…" is above 10,000.`);
  });

  it('rejects fractions where only whole numbers are allowed', () => {
    const batch: NumberBounds = { min: 1, max: 256, integer: true, label: 'Batch' };
    expect(rejected('2.5', batch)).toBe('Batch must be a whole number from 1 to 256. "2.5" is not a whole number.');
  });
});

describe('formatting bounds', () => {
  it('groups thousands and keeps decimals', () => {
    expect(formatBound(10_000)).toBe('10,000');
    expect(formatBound(0.05)).toBe('0.05');
    expect(formatBounds({ min: 1, max: 1000 })).toBe('1 to 1,000');
    expect(formatBounds({ min: 0, max: 3 })).toBe('0 to 3');
  });

  it('says whole or decimal', () => {
    expect(describeBounds(topN)).toBe('a whole number from 1 to 10,000');
    expect(describeBounds(bm25B)).toBe('a number from 0 to 1');
  });
});
