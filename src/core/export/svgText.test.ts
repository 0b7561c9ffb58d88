import { describe, expect, it } from 'vitest';
import { clampLines, escapeXml, truncate } from './svgText';

describe('escapeXml', () => {
  it('escapes the five XML specials, & first so nothing is escaped twice', () => {
    expect(escapeXml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('replaces what XML 1.0 forbids, and keeps tabs, line breaks and surrogate pairs', () => {
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXml('lone \uDC00 and \uD800!')).toBe('lone \uFFFD and \uFFFD!');
    expect(escapeXml('tab\tline\nend\r😀')).toBe('tab\tline\nend\r😀');
  });
});

describe('truncate', () => {
  it('cuts to max characters with an ellipsis, never inside a surrogate pair', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('clampLines', () => {
  it('breaks at spaces, collapses white space, and ends a cut last line with an ellipsis', () => {
    // 10 per line: "the quick" (9) | "brown fox" (9) | "jumps over" is left over, so line 2 gets "…".
    expect(clampLines('the quick  brown\nfox jumps over', 10, 2)).toEqual(['the quick', 'brown fox…']);
    expect(clampLines('short', 10, 2)).toEqual(['short']);
    expect(clampLines('   ', 10, 2)).toEqual([]);
  });

  it('cuts a word longer than a line where the line ends', () => {
    expect(clampLines('abcdefghijklmnop', 5, 2)).toEqual(['abcde', 'fghi…']);
  });
});
