import { describe, expect, it } from 'vitest';
import { assignIds } from './ids';
import { IssueCollector } from './issues';

function run(requests: Parameters<typeof assignIds>[0]) {
  const issues = new IssueCollector();
  const ids = assignIds(requests, issues);
  return { ids, issues: issues.finish() };
}

describe('assignIds', () => {
  it('keeps supplied ids and says nothing when all are unique', () => {
    expect(run([{ item: 1, supplied: 'a' }, { item: 2, supplied: 'b' }])).toEqual({ ids: ['a', 'b'], issues: [] });
  });

  it('generates doc_<item> silently when no item has an id', () => {
    expect(run([{ item: 1 }, { item: 3 }])).toEqual({ ids: ['doc_1', 'doc_3'], issues: [] });
  });

  it('renames later duplicates, skipping names already taken', () => {
    const { ids, issues } = run([
      { item: 1, supplied: 'a' },
      { item: 2, supplied: 'b' },
      { item: 3, supplied: 'a' },
      { item: 4, supplied: 'a#2' },
      { item: 5, supplied: 'a' },
    ]);
    expect(ids).toEqual(['a', 'b', 'a#3', 'a#2', 'a#4']);
    expect(issues).toEqual([
      {
        severity: 'warning',
        item: 3,
        message: 'The id "a" is used more than once (items 1, 3 and 5). Item 1 keeps it; the others were renamed "a#3" and "a#4". Give each document its own id.',
      },
    ]);
  });

  it('never gives a generated id that a supplied one already has', () => {
    const { ids, issues } = run([{ item: 1 }, { item: 2, supplied: 'doc_1' }, { item: 3 }]);
    expect(ids).toEqual(['doc_1#2', 'doc_1', 'doc_3']);
    expect(issues).toEqual([
      {
        severity: 'warning',
        item: 1,
        message: 'Items 1 and 3 have no id, so they were given the ids "doc_1#2" and "doc_3". Add ids if you need stable ones.',
      },
    ]);
  });

  it('names a single item without an id', () => {
    expect(run([{ item: 1, supplied: 'x' }, { item: 2 }]).issues[0]?.message).toBe(
      'Item 2 has no id, so it was given the id "doc_2". Add an id if you need a stable one.',
    );
  });

  it('stays fast and unique with thousands of copies of one id', () => {
    const requests = Array.from({ length: 5000 }, (_, i) => ({ item: i + 1, supplied: 'same' }));
    const { ids } = run(requests);
    expect(new Set(ids).size).toBe(5000);
    expect(ids[4999]).toBe('same#5000');
  });
});
