import { describe, expect, it } from 'vitest';
import { presenterAnnouncement } from './steps';

describe('the step announcement', () => {
  it('says the step, one-based, out of four, and what it adds', () => {
    expect(presenterAnnouncement(0)).toBe('Step 1 of 4: the first stage');
    expect(presenterAnnouncement(1)).toBe('Step 2 of 4: the reranked order');
    expect(presenterAnnouncement(2)).toBe('Step 3 of 4: the lines between the columns');
    expect(presenterAnnouncement(3)).toBe('Step 4 of 4: the metrics');
  });

  it('names the query of a set first, with its place in the list when the list shows it', () => {
    expect(presenterAnnouncement(0, { id: '__proto__', at: 2, of: 15 })).toBe('Query __proto__, 3 of 15. Step 1 of 4: the first stage');
    expect(presenterAnnouncement(3, { id: 'toString', at: -1, of: 4 })).toBe('Query toString. Step 4 of 4: the metrics');
  });

  it('reads an out-of-range step as the first one', () => {
    expect(presenterAnnouncement(7)).toBe('Step 1 of 4: the first stage');
  });
});
