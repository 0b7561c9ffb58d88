import { describe, expect, it } from 'vitest';
import { formatEffect, heatStyle } from './heatStyle';

describe('heatStyle', () => {
  it('is warm with a solid line for a raise, cool with a dotted line for a drop, stronger with the effect', () => {
    // alpha = 0.12 + 0.6 * |normalized|: 1 -> 0.720, -0.5 -> 0.420.
    expect(heatStyle(1)).toEqual({ backgroundColor: 'rgba(251, 146, 60, 0.720)', borderBottom: '2px solid #c2410c' });
    expect(heatStyle(-0.5)).toEqual({ backgroundColor: 'rgba(96, 165, 250, 0.420)', borderBottom: '2px dotted #1d4ed8' });
  });

  it('draws tiny and non-number effects neutral', () => {
    expect(heatStyle(0)).toEqual({});
    expect(heatStyle(-0.001)).toEqual({});
    expect(heatStyle(Number.NaN)).toEqual({});
  });
});

describe('formatEffect', () => {
  it('always shows the sign, with a true minus sign, to 3 decimals', () => {
    expect(formatEffect(0.99900007)).toBe('+0.999');
    expect(formatEffect(-0.001)).toBe('\u22120.001');
    expect(formatEffect(0.0004)).toBe('0.000');
    expect(formatEffect(-0.0004)).toBe('0.000');
    expect(formatEffect(Number.NaN)).toBe('not a number');
  });
});
