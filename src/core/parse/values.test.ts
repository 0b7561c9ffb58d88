import { describe, expect, it } from 'vitest';
import { OverflowedNumber } from './jsonNumbers';
import { readId, readNumber, readRelevance, readText, showValue } from './values';

describe('readNumber', () => {
  it('reads numbers and numeric strings', () => {
    expect(readNumber(0.85)).toEqual({ kind: 'ok', value: 0.85 });
    expect(readNumber(' -1.5e2 ')).toEqual({ kind: 'ok', value: -150 });
    expect(readNumber(0)).toEqual({ kind: 'ok', value: 0 });
  });
  it('treats blank values as absent', () => {
    expect(readNumber(undefined)).toEqual({ kind: 'absent' });
    expect(readNumber(null)).toEqual({ kind: 'absent' });
    expect(readNumber('  ')).toEqual({ kind: 'absent' });
  });
  it('rejects non-numbers', () => {
    expect(readNumber('high')).toEqual({ kind: 'invalid', shown: '"high"' });
    expect(readNumber(true)).toEqual({ kind: 'invalid', shown: 'true' });
    expect(readNumber('Infinity')).toEqual({ kind: 'invalid', shown: '"Infinity"' });
  });
});

describe('readNumber: decimal only', () => {
  it('accepts spaces around, a leading + or -, a bare dot on either side and exponents', () => {
    expect(readNumber(' +1.5e3 ')).toEqual({ kind: 'ok', value: 1500 });
    expect(readNumber('.5')).toEqual({ kind: 'ok', value: 0.5 });
    expect(readNumber('5.')).toEqual({ kind: 'ok', value: 5 });
    expect(readNumber('-2E-2')).toEqual({ kind: 'ok', value: -0.02 });
    expect(readNumber('007')).toEqual({ kind: 'ok', value: 7 });
    expect(readNumber('1e-400')).toEqual({ kind: 'ok', value: 0 }); // underflows to 0, which is still the right ranking
  });
  it.each(['0x1F', '0X1f', '0b101', '0o17', 'Infinity', '-Infinity', '+Infinity', 'NaN', '1_000', '1e', 'e5', '.', '+', '- 1', '1 2', '١٢'])(
    'rejects %j, which Number() reads differently or not at all',
    (text) => {
      expect(readNumber(text)).toEqual({ kind: 'invalid', shown: JSON.stringify(text) });
    },
  );
  it('never reads an empty string as 0: blank is absent', () => {
    expect(readNumber('')).toEqual({ kind: 'absent' });
    expect(readRelevance('')).toEqual({ kind: 'absent' });
  });
});

describe('readNumber: overflow', () => {
  it('says a decimal string too large for a number overflows', () => {
    expect(readNumber('1e400')).toEqual({ kind: 'invalid', shown: '"1e400"', overflows: true });
    expect(readNumber(' -1e400')).toEqual({ kind: 'invalid', shown: '" -1e400"', overflows: true });
    expect(readNumber(`1${'0'.repeat(400)}`)).toMatchObject({ kind: 'invalid', overflows: true });
  });
  it('keeps a JSON literal as written, and shows an already overflowed number as Infinity, never as null', () => {
    expect(readNumber(new OverflowedNumber('1e400'))).toEqual({ kind: 'invalid', shown: '1e400', overflows: true });
    expect(readNumber(Number.POSITIVE_INFINITY)).toEqual({ kind: 'invalid', shown: 'Infinity', overflows: true });
    expect(readNumber(Number.NaN)).toEqual({ kind: 'invalid', shown: 'NaN' });
  });
  it('reads the largest number that fits', () => {
    expect(readNumber('1.7976931348623157e308')).toEqual({ kind: 'ok', value: Number.MAX_VALUE });
  });
});

describe('readRelevance', () => {
  it('reads grades written with spaces, a +, a fraction of zero or an exponent', () => {
    expect(readRelevance(' 3 ')).toEqual({ kind: 'ok', value: 3 });
    expect(readRelevance('+2')).toEqual({ kind: 'ok', value: 2 });
    expect(readRelevance('2.0')).toEqual({ kind: 'ok', value: 2 });
    expect(readRelevance('1e0')).toEqual({ kind: 'ok', value: 1 });
  });
  it('rejects hex, binary and octal grades', () => {
    expect(readRelevance('0x1')).toEqual({ kind: 'invalid', shown: '"0x1"' });
    expect(readRelevance('0b11')).toEqual({ kind: 'invalid', shown: '"0b11"' });
    expect(readRelevance('0o2')).toEqual({ kind: 'invalid', shown: '"0o2"' });
  });

  it('accepts whole numbers 0..3', () => {
    expect(readRelevance(0)).toEqual({ kind: 'ok', value: 0 });
    expect(readRelevance('3')).toEqual({ kind: 'ok', value: 3 });
  });
  it('rejects anything else', () => {
    expect(readRelevance(4)).toEqual({ kind: 'invalid', shown: '4' });
    expect(readRelevance(-1)).toEqual({ kind: 'invalid', shown: '-1' });
    expect(readRelevance(1.5)).toEqual({ kind: 'invalid', shown: '1.5' });
    expect(readRelevance('yes')).toEqual({ kind: 'invalid', shown: '"yes"' });
  });
});

describe('readId and readText', () => {
  it('reads ids from strings and numbers', () => {
    expect(readId(' a1 ')).toEqual({ kind: 'ok', value: 'a1' });
    expect(readId(7)).toEqual({ kind: 'ok', value: '7' });
    expect(readId('')).toEqual({ kind: 'absent' });
    expect(readId([1])).toEqual({ kind: 'invalid', shown: '[1]' });
  });
  it('reads text from strings, numbers and booleans', () => {
    expect(readText('  hi ')).toEqual({ kind: 'ok', value: 'hi' });
    expect(readText(42)).toEqual({ kind: 'ok', value: '42' });
    expect(readText(null)).toEqual({ kind: 'absent' });
    expect(readText({ a: 1 })).toEqual({ kind: 'invalid', shown: '{"a":1}' });
  });
  it('reads an overflowing JSON number as written, for ids and text', () => {
    expect(readId(new OverflowedNumber('1e400'))).toEqual({ kind: 'ok', value: '1e400' });
    expect(readText(new OverflowedNumber('-2e999'))).toEqual({ kind: 'ok', value: '-2e999' });
    expect(readId(Number.POSITIVE_INFINITY)).toEqual({ kind: 'invalid', shown: 'Infinity' });
  });
});

describe('showValue', () => {
  it('shortens long values', () => {
    expect(showValue('x'.repeat(50))).toBe(`"${'x'.repeat(36)}...`);
  });
});
