import { describe, expect, it } from 'vitest';
import { isRetryableStatus, MAX_RETRIES, serverBackoffMs } from './retryPolicy';

describe('isRetryableStatus', () => {
  it('retries what the official SDK retries: 408, 429 and the passing server failures', () => {
    expect([408, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('does not retry refusals that would only fail again', () => {
    expect([200, 400, 401, 403, 404, 409, 413, 422, 501, 505].filter(isRetryableStatus)).toEqual([]);
  });

  it('allows 3 retries', () => {
    expect(MAX_RETRIES).toBe(3);
  });
});

describe('serverBackoffMs', () => {
  it('doubles from 0.5 s, with the jitter at its middle', () => {
    // 500 x 2^attempt x (0.8 + 0.4 x 0.5) = 500 x 2^attempt.
    expect([0, 1, 2, 3].map((attempt) => serverBackoffMs(attempt, () => 0.5))).toEqual([500, 1000, 2000, 4000]);
  });

  it('spreads each wait from 80% to 120%', () => {
    expect(serverBackoffMs(1, () => 0)).toBe(800); // 1000 x 0.8.
    expect(serverBackoffMs(1, () => 0.999999)).toBe(1200); // 1000 x 1.1999996, rounded.
  });

  it('never waits more than 8 s, jitter included', () => {
    // attempt 4: 500 x 16 = 8000, x 1.2 = 9600, capped to 8000; attempt 5: 16000 capped to 8000, x 0.8 = 6400.
    expect(serverBackoffMs(4, () => 0.999999)).toBe(8000);
    expect(serverBackoffMs(5, () => 0)).toBe(6400);
    expect(serverBackoffMs(40, () => 0.5)).toBe(8000);
  });
});
