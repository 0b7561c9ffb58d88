import { describe, expect, it } from 'vitest';
import { histogramBins, nameSome, plotDomain, stripTicks, xOf } from './stripModel';

describe('plotDomain', () => {
  it('uses 0..1 for the bounded scales and the data range for raw scores', () => {
    expect(plotDomain([0.2, 0.99], 'sigmoid')).toEqual([0, 1]);
    expect(plotDomain([0.2, 0.99], 'minmax')).toEqual([0, 1]);
    expect(plotDomain([-3.1, Number.NaN, 5.9], 'raw')).toEqual([-3.1, 5.9]);
  });

  it('widens a single value by 1 each way, and falls back to 0..1 with no finite value', () => {
    expect(plotDomain([3, 3], 'raw')).toEqual([2, 4]);
    expect(plotDomain([Number.NaN], 'raw')).toEqual([0, 1]);
  });
});

describe('xOf and stripTicks', () => {
  it('maps the domain onto the plot inside its margins', () => {
    // Width 300, margin 4: the inner span is 292. 0 -> 4; 0.5 -> 4 + 146 = 150; 1 -> 296.
    expect(xOf(0, [0, 1])).toBe(4);
    expect(xOf(0.5, [0, 1])).toBe(150);
    expect(xOf(1, [0, 1])).toBe(296);
    // -3 on -5..5 is 2/10 of the way: 4 + 0.2 * 292 = 62.4
    expect(xOf(-3, [-5, 5])).toBeCloseTo(62.4, 9);
  });

  it('holds values outside the domain at its ends', () => {
    expect(xOf(2, [0, 1])).toBe(296);
    expect(xOf(-1, [0, 1])).toBe(4);
  });

  it('gives one tick per finite value, keeping its position', () => {
    expect(stripTicks([1, Number.NaN, 0], [0, 1])).toEqual([
      { index: 0, x: 296 },
      { index: 2, x: 4 },
    ]);
  });
});

describe('histogramBins', () => {
  it('puts each value in its bin, the maximum in the last one', () => {
    // 20 bins of 0.05 over 0..1: 0 -> bin 0; 0.07 -> floor(1.4) = 1; 0.5 -> 10; 1 -> 20, held in bin 19.
    const bins = histogramBins([0, 0.07, 0.5, 1, Number.NaN, 0.51], [0, 1]);
    expect(bins).toHaveLength(20);
    expect(bins[0]?.indices).toEqual([0]);
    expect(bins[1]?.indices).toEqual([1]);
    expect(bins[10]?.indices).toEqual([2, 5]);
    expect(bins[19]?.indices).toEqual([3]);
    expect(bins.reduce((n, b) => n + b.indices.length, 0)).toBe(5);
  });

  it('scales bars to the tallest bin, and lays the bins edge to edge', () => {
    const bins = histogramBins([0.1, 0.1, 0.9], [0, 1], 2);
    // Bin 0 holds two values (height 40, the full plot), bin 1 one (height 20). Each is 292 / 2 = 146 wide.
    expect(bins.map((b) => [b.from, b.to, b.x, b.width, b.height])).toEqual([
      [0, 0.5, 4, 146, 40],
      [0.5, 1, 150, 146, 20],
    ]);
  });
});

describe('nameSome', () => {
  it('names up to three ids, then counts the rest', () => {
    expect(nameSome(['__proto__', 'constructor'])).toBe('__proto__, constructor');
    expect(nameSome(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
});
