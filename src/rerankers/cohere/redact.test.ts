import { describe, expect, it } from 'vitest';
import { redactKey } from './redact';

describe('redactKey', () => {
  it('replaces every occurrence of the key', () => {
    expect(redactKey('Bearer abc123xyz failed; key abc123xyz', 'abc123xyz')).toBe('Bearer [redacted key] failed; key [redacted key]');
  });

  it('matches the key without the spaces pasted around it', () => {
    expect(redactKey('got abc123xyz', '  abc123xyz\n')).toBe('got [redacted key]');
  });

  it('leaves text alone when the key is empty or too short to be a key', () => {
    expect(redactKey('a cat', '')).toBe('a cat');
    expect(redactKey('a cat', 'a')).toBe('a cat');
  });
});
