import { describe, expect, it } from 'vitest';
import { hashWithoutShareParam, shareParamOf } from '../../core/share';
import { hashWithoutPresentFlag, hashWithPresentFlag, presentFlagIn, searchWithoutPresentFlag } from './presentFlag';

const share = 's=1.q1YqLVayUvJLzE1V0lFKzy/NS1GyMjQyMjE3MDAzNbJQqgUA.0a1b2c3d';

describe('reading the presenter flag', () => {
  it('is on for #present, #present=1 and ?present=1, before or after the share parameter', () => {
    expect(presentFlagIn('#present', '')).toBe(true);
    expect(presentFlagIn('#present=1', '')).toBe(true);
    expect(presentFlagIn(`#present&${share}`, '')).toBe(true);
    expect(presentFlagIn(`#${share}&present`, '')).toBe(true);
    expect(presentFlagIn('', '?present=1')).toBe(true);
    expect(presentFlagIn('', '?lang=en&present')).toBe(true);
  });

  it('is off without it, for present=0, and for names that only start with "present"', () => {
    expect(presentFlagIn('', '')).toBe(false);
    expect(presentFlagIn('#', '?')).toBe(false);
    expect(presentFlagIn(`#${share}`, '')).toBe(false);
    expect(presentFlagIn('#present=0', '?present=no')).toBe(false);
    expect(presentFlagIn('#presenter&xpresent', '?presentation=1')).toBe(false);
    // A share link whose data happens to contain the word is still only a share link.
    expect(presentFlagIn('#s=1.present.0a1b2c3d', '')).toBe(false);
  });

  it('leaves the share parameter readable by the share link code', () => {
    expect(shareParamOf(`#present&${share}`)).toBe(share.slice(2));
    expect(shareParamOf(hashWithPresentFlag(`#${share}`))).toBe(share.slice(2));
    // Opening the link takes its parameter out and keeps the flag, so presenter mode survives a reload.
    expect(hashWithoutShareParam(`#${share}&present`)).toBe('#present');
  });
});

describe('writing the presenter flag', () => {
  it('adds it at the end, once, keeping what is there', () => {
    expect(hashWithPresentFlag('')).toBe('#present');
    expect(hashWithPresentFlag('#')).toBe('#present');
    expect(hashWithPresentFlag(`#${share}`)).toBe(`#${share}&present`);
    expect(hashWithPresentFlag('#present')).toBe('#present');
    expect(hashWithPresentFlag('#a=1&present=1')).toBe('#a=1&present=1');
    // An "off" value is replaced, not kept beside the new one.
    expect(hashWithPresentFlag('#present=0&a=1')).toBe('#a=1&present');
  });

  it('takes every form of it out, keeping the other parameters as they were', () => {
    expect(hashWithoutPresentFlag('#present')).toBe('');
    expect(hashWithoutPresentFlag(`#present&${share}`)).toBe(`#${share}`);
    expect(hashWithoutPresentFlag(`#${share}&present=1&b=2`)).toBe(`#${share}&b=2`);
    expect(hashWithoutPresentFlag('#presenter')).toBe('#presenter');
    expect(searchWithoutPresentFlag('?present=1')).toBe('');
    expect(searchWithoutPresentFlag('?q=a%20b+c&present&x')).toBe('?q=a%20b+c&x');
    expect(searchWithoutPresentFlag('')).toBe('');
  });
});
