import { describe, expect, it } from 'vitest';
import { COLLAPSED_TEXT_CHARS, collapsedText } from './RankingRow';

describe('collapsedText', () => {
  it('keeps the first 2,000 characters of a long text', () => {
    expect(collapsedText('a'.repeat(5_000_000))).toHaveLength(COLLAPSED_TEXT_CHARS);
  });

  it('never ends in half of a surrogate pair', () => {
    // 1,999 ASCII characters, then "😀" (two UTF-16 units at positions 1,999 and 2,000): cutting at 2,000 would keep
    // only its high surrogate, so the cut moves back one unit.
    const text = `${'a'.repeat(COLLAPSED_TEXT_CHARS - 1)}😀tail`;
    expect(collapsedText(text)).toBe('a'.repeat(COLLAPSED_TEXT_CHARS - 1));
  });
});
