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
