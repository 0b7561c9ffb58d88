import { describe, expect, it } from 'vitest';
import { askedWaitMs, backoffMs, parseRateLimitReset, parseRetryAfter } from './retryAfter';

const now = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now)).toBe(30000);
  });

  it('never returns a negative wait for a date in the past', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles from 5 s', () => {
    expect([0, 1, 2].map(backoffMs)).toEqual([5000, 10000, 20000]);
  });
});

describe('parseRateLimitReset', () => {
  // now is 2025-01-01T12:00:00Z = 1735732800 s since the epoch.
  it('reads a small number as seconds from now', () => {
    expect(parseRateLimitReset('30', now)).toBe(30_000);
    expect(parseRateLimitReset('0.5', now)).toBe(500);
    expect(parseRateLimitReset('999999999', now)).toBe(999_999_999_000); // Just under 10^9: still seconds (31.7 years).
  });

  it('reads a number from 10^9 on as a Unix time in seconds', () => {
    expect(parseRateLimitReset('1735732830', now)).toBe(30_000); // 1735732830 - 1735732800 = 30 s.
    expect(parseRateLimitReset('1735732700', now)).toBe(0); // In the past: no wait.
  });

  it('reads a number from 10^12 on as a Unix time in milliseconds', () => {
    expect(parseRateLimitReset('1735732801500', now)).toBe(1500); // 1735732801500 - 1735732800000.
  });

  it('gives undefined for a missing header or anything but a plain number', () => {
    expect(parseRateLimitReset(null, now)).toBeUndefined();
    expect(parseRateLimitReset('', now)).toBeUndefined();
    expect(parseRateLimitReset('-3', now)).toBeUndefined();
    expect(parseRateLimitReset('6m0s', now)).toBeUndefined();
  });
});

describe('askedWaitMs', () => {
  it('prefers Retry-After, and falls back to X-RateLimit-Reset when Retry-After is absent or unreadable', () => {
    expect(askedWaitMs({ retryAfter: '2', rateLimitReset: '30' }, now)).toBe(2000);
    expect(askedWaitMs({ retryAfter: 'soon', rateLimitReset: '30' }, now)).toBe(30_000);
    expect(askedWaitMs({ retryAfter: null, rateLimitReset: null }, now)).toBeUndefined();
  });
});
