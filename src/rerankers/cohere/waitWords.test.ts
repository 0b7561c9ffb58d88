import { describe, expect, it } from 'vitest';
import { durationInWords } from './waitWords';

describe('durationInWords', () => {
  it('says seconds under a minute, rounding a part second up (waiting less than asked would be refused)', () => {
    expect(durationInWords(1000)).toBe('1 second');
    expect(durationInWords(30_000)).toBe('30 seconds');
    expect(durationInWords(1)).toBe('1 second');
    expect(durationInWords(59_001)).toBe('1 minute'); // 59.001 s rounds up to 60 s.
  });

  it('says minutes, and the seconds left over', () => {
    expect(durationInWords(60_000)).toBe('1 minute');
    expect(durationInWords(120_000)).toBe('2 minutes'); // Retry-After: 120.
    expect(durationInWords(90_000)).toBe('1 minute 30 seconds');
    expect(durationInWords(61_000)).toBe('1 minute 1 second');
  });

  it('says hours, and the minutes left over, rounded up', () => {
    expect(durationInWords(3_600_000)).toBe('1 hour');
    expect(durationInWords(5_400_000)).toBe('1 hour 30 minutes'); // 5400 s = 1 h + 1800 s.
    expect(durationInWords(3_601_000)).toBe('1 hour 1 minute'); // 1 s over the hour: round the minute up.
    expect(durationInWords(7_199_000)).toBe('2 hours'); // 7199 s: 1 h + 59 min 59 s, rounded up to 2 h.
  });

  it('never says zero', () => {
    expect(durationInWords(0)).toBe('1 second');
  });
});
