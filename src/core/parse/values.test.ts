import { describe, expect, it } from 'vitest';
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

describe('readRelevance', () => {
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
});

describe('showValue', () => {
  it('shortens long values', () => {
    expect(showValue('x'.repeat(50))).toBe(`"${'x'.repeat(36)}...`);
  });
});
