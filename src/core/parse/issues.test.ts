import { describe, expect, it } from 'vitest';
import { IssueCollector, itemLabel, listFieldNames, listNumbers } from './issues';

describe('IssueCollector', () => {
  it('lists 20 issues of a kind, then counts the rest', () => {
    const issues = new IssueCollector();
    for (let i = 1; i <= 25; i += 1) issues.add('bad-score', { severity: 'warning', message: `w${i}`, item: i });
    const result = issues.finish();
    expect(result).toHaveLength(21);
    expect(result[19]).toEqual({ severity: 'warning', message: 'w20', item: 20 });
    expect(result[20]).toEqual({ severity: 'warning', message: '…and 5 more issues like the warnings above (not listed).' });
  });

  it('puts errors before warnings, keeping input order within each', () => {
    const issues = new IssueCollector();
    issues.add('a', { severity: 'warning', message: 'w1' });
    issues.add('b', { severity: 'error', message: 'e1' });
    issues.add('a', { severity: 'warning', message: 'w2' });
    issues.add('c', { severity: 'error', message: 'e2' });
    expect(issues.hasErrors()).toBe(true);
    expect(issues.finish().map((issue) => issue.message)).toEqual(['e1', 'e2', 'w1', 'w2']);
  });
});

describe('message helpers', () => {
  it('labels items with their line when known', () => {
    expect(itemLabel(4)).toBe('Item 4');
    expect(itemLabel(4, 5)).toBe('Item 4 (line 5)');
  });
  it('lists numbers in words, cutting long lists', () => {
    expect(listNumbers([])).toBe('');
    expect(listNumbers([3])).toBe('3');
    expect(listNumbers([1, 2])).toBe('1 and 2');
    expect(listNumbers([1, 2, 3])).toBe('1, 2 and 3');
    expect(listNumbers([1, 2, 3, 4, 5, 6, 7])).toBe('1, 2, 3, 4, 5 and 2 more');
  });
  it('quotes field names', () => {
    expect(listFieldNames([])).toBe('no fields');
    expect(listFieldNames(['id', 'title'])).toBe('"id", "title"');
    expect(listFieldNames(['a', 'b', 'c'], 2)).toBe('"a", "b" and 1 more');
  });
});
