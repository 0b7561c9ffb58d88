import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { ParseOptions } from './types';

const AUTO: ParseOptions = { format: 'auto', textMode: 'auto', fields: {} };

describe('parseDocuments: problems with single items', () => {
  it('skips an object without text, naming the item and its fields, and reads the others', () => {
    const result = parseDocuments('[{"id":"a","text":"one"},{"id":"b","title":"Two","url":"u"},{"id":"c","text":"three"}]', AUTO);
    expect(result.candidates).toEqual([
      { id: 'a', text: 'one', index: 0 },
      { id: 'c', text: 'three', index: 1 },
    ]);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        item: 2,
        message: 'Item 2 has no "text" field (it has "id", "title", "url") and was skipped. Add the text, or choose another text field.',
      },
    ]);
  });

  it('skips an item whose text field holds an object', () => {
    expect(parseDocuments('[{"text":{"x":1}}]', AUTO).issues).toEqual([
      {
        severity: 'error',
        item: 1,
        message: 'Item 1 has {"x":1} in its "text" field, which is not text, and was skipped. Put the document\'s text there, or choose another text field.',
      },
    ]);
  });

  it('skips empty documents, naming them, and keeps generated ids by input position', () => {
    const result = parseDocuments('["a", "  ", "c"]', AUTO);
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0 },
      { id: 'doc_3', text: 'c', index: 1 },
    ]);
    expect(result.issues).toEqual([{ severity: 'warning', item: 2, message: 'Item 2 is empty and was skipped.' }]);
  });

  it('leaves out a non-numeric score with a warning, and warns that some scores are missing', () => {
    const result = parseDocuments('[{"text":"a","score":"high"},{"text":"b","score":0.5}]', AUTO);
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0 },
      { id: 'doc_2', text: 'b', index: 1, score: 0.5 },
    ]);
    expect(result.issues).toEqual([
      { severity: 'warning', item: 1, message: 'Item 1 has the score "high", which is not a number, so it has no score. Use a plain number like 0.85.' },
      {
        severity: 'warning',
        item: 1,
        message: 'Only 1 of 2 documents have a score (missing on item 1). Add the missing scores, or rank the first stage by BM25 instead.',
      },
    ]);
  });

  it('treats a null score as missing, without calling it invalid', () => {
    const result = parseDocuments('[{"text":"a","score":1},{"text":"b","score":null},{"text":"c"}]', AUTO);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        item: 2,
        message: 'Only 1 of 3 documents have a score (missing on items 2 and 3). Add the missing scores, or rank the first stage by BM25 instead.',
      },
    ]);
  });

  it('ignores a relevance that is not a whole number 0..3, with a warning', () => {
    const result = parseDocuments('[{"text":"a","relevance":2},{"text":"b","relevance":5},{"text":"c","relevance":1.5},{"text":"d"}]', AUTO);
    expect(result.candidates.map((c) => c.relevance)).toEqual([2, undefined, undefined, undefined]);
    const advice = 'so it was ignored. Use 0 (not relevant) to 3 (highly relevant).';
    expect(result.issues).toEqual([
      { severity: 'warning', item: 2, message: `Item 2 has the relevance 5, which is not a whole number from 0 to 3, ${advice}` },
      { severity: 'warning', item: 3, message: `Item 3 has the relevance 1.5, which is not a whole number from 0 to 3, ${advice}` },
    ]);
  });

  it('makes duplicate ids unique and reports them; numbers and strings are the same id', () => {
    const result = parseDocuments('[{"id":7,"text":"one"},{"id":"7","text":"two"},{"id":"x","text":"three"}]', AUTO);
    expect(result.candidates.map((c) => c.id)).toEqual(['7', '7#2', 'x']);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        item: 2,
        message: 'The id "7" is used more than once (items 1 and 2). Item 1 keeps it; the others were renamed "7#2". Give each document its own id.',
      },
    ]);
  });

  it('generates an id for an unusable one', () => {
    const result = parseDocuments('[{"id":{"x":1},"text":"t"}]', AUTO);
    expect(result.candidates).toEqual([{ id: 'doc_1', text: 't', index: 0 }]);
    expect(result.issues).toEqual([
      { severity: 'warning', item: 1, message: 'Item 1 has {"x":1} as its id, which is not a string or number; it was given a generated id.' },
    ]);
  });

  it('generates ids that never collide with supplied ones', () => {
    const result = parseDocuments('[{"text":"x"},{"id":"doc_1","text":"y"},{"text":"z"}]', AUTO);
    expect(result.candidates.map((c) => c.id)).toEqual(['doc_1#2', 'doc_1', 'doc_3']);
  });

  it('caps a flood of one kind of warning', () => {
    const items = Array.from({ length: 30 }, (_, i) => `{"text":"t${i}","score":"n/a"}`);
    const issues = parseDocuments(`[${items.join(',')}]`, AUTO).issues;
    expect(issues).toHaveLength(21);
    expect(issues[20]?.message).toBe('…and 10 more issues like the warnings above (not listed).');
  });
});
