import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStreamBuffer } from './streamBuffer';

describe('createStreamBuffer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers several batches as one update after the interval', () => {
    const deliver = vi.fn();
    const buffer = createStreamBuffer(deliver, 200);
    buffer.addScores(new Map(Object.entries({ a: 1 })));
    buffer.setProgress({ scored: 1, total: 3 });
    buffer.addScores(new Map(Object.entries({ b: 2 })));
    buffer.setProgress({ scored: 2, total: 3 });
    expect(deliver).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenCalledWith(new Map(Object.entries({ a: 1, b: 2 })), { scored: 2, total: 3 });
  });

  it('flushes what is pending at once, and nothing when nothing is pending', () => {
    const deliver = vi.fn();
    const buffer = createStreamBuffer(deliver, 200);
    buffer.flush();
    expect(deliver).not.toHaveBeenCalled();
    buffer.addScores(new Map(Object.entries({ c: 3 })));
    buffer.flush();
    expect(deliver).toHaveBeenCalledWith(new Map(Object.entries({ c: 3 })), null);
    vi.advanceTimersByTime(500);
    expect(deliver).toHaveBeenCalledTimes(1);
  });
});

describe('createStreamBuffer with growing waits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits 200 ms, then 400, 800, and at most 1000 between deliveries', () => {
    const deliveredAt: number[] = [];
    const buffer = createStreamBuffer(() => deliveredAt.push(Date.now()), { firstMs: 200, maxMs: 1000 });
    const start = Date.now();
    // A score arrives right after each delivery, so every wait starts at the previous delivery:
    // 0 + 200 = 200; 200 + 400 = 600; 600 + 800 = 1400; 1400 + 1000 (not 1600) = 2400; 2400 + 1000 = 3400.
    buffer.addScores(new Map([['__proto__', 1]]));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersToNextTimer();
      buffer.addScores(new Map([[`toString${i}`, i]]));
    }
    expect(deliveredAt.map((t) => t - start)).toEqual([200, 600, 1400, 2400, 3400]);
  });

  it('keeps what arrived during a wait for the next delivery, ids like __proto__ included', () => {
    const deliver = vi.fn();
    const buffer = createStreamBuffer(deliver, { firstMs: 200, maxMs: 1000 });
    buffer.addScores(new Map([['__proto__', 1]]));
    vi.advanceTimersByTime(200);
    buffer.addScores(new Map([['constructor', 2]]));
    buffer.setProgress({ scored: 2, total: 4 });
    vi.advanceTimersByTime(399);
    expect(deliver).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(deliver).toHaveBeenLastCalledWith(new Map([['constructor', 2]]), { scored: 2, total: 4 });
  });
});
