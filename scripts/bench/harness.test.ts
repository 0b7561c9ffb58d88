import { describe, expect, it } from 'vitest';
import { median } from './harness';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2); // sorted 1 2 3
    expect(median([4, 1, 3, 2])).toBe(2.5); // sorted 1 2 3 4: (2 + 3) / 2
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});
