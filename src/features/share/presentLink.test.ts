import { describe, expect, it } from 'vitest';
import { presentFlagIn } from '../present/presentFlag';
import { withPresentFlag } from './presentLink';

describe('withPresentFlag', () => {
  it('adds the flag after the share parameter, which stays whole', () => {
    expect(withPresentFlag('https://x.org/app/#s=1.AbC-_x')).toBe('https://x.org/app/#s=1.AbC-_x&present');
  });

  it('does not add it twice, and works on a link without a fragment', () => {
    expect(withPresentFlag('https://x.org/#s=1.A&present')).toBe('https://x.org/#s=1.A&present');
    expect(withPresentFlag('https://x.org/?q=1')).toBe('https://x.org/?q=1#present');
  });

  it('makes a link the presenter flag reads as on', () => {
    const link = new URL(withPresentFlag('https://x.org/#s=1.A'));
    expect(presentFlagIn(link.hash, link.search)).toBe(true);
  });
});
