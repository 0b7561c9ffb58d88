import { describe, expect, it } from 'vitest';
import { firstStageRanking } from '../ranking';
import { parseDocuments } from './index';
import { liftWrappedFields } from './jsonItem';
import type { FieldMapping, InputFormat, ParseOptions } from './types';

// Field names and ids are user data. Names that plain objects inherit or treat specially must work like any other.
const options = (format: InputFormat, fields: FieldMapping = {}): ParseOptions => ({ format, textMode: 'auto', fields });

describe('field names that objects treat specially', () => {
  it('reads CSV columns named __proto__, constructor and toString as ordinary fields', () => {
    const result = parseDocuments('__proto__,constructor,toString\nfirst,c1,t1\nsecond,c2,t2\n', options('csv', { text: '__proto__', id: 'constructor', score: 'toString' }));
    expect(result.fields).toEqual({
      available: ['__proto__', 'constructor', 'toString'],
      used: { text: '__proto__', id: 'constructor', score: 'toString' },
    });
    expect(result.candidates).toEqual([
      { id: 'c1', text: 'first', index: 0 },
      { id: 'c2', text: 'second', index: 1 },
    ]);
    // Only the scores are bad ("t1", "t2"); nothing reads as {} or as a function.
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Item 1 (line 2) has the score "t1", which is not a number, so it has no score. Use a plain number like 0.85.',
      'Item 2 (line 3) has the score "t2", which is not a number, so it has no score. Use a plain number like 0.85.',
    ]);
  });

  it('guesses the only textual field when it is called __proto__', () => {
    const result = parseDocuments('id,__proto__\n1,hello there\n', options('csv'));
    expect(result.fields?.used).toEqual({ id: 'id', text: '__proto__' });
    expect(result.candidates).toEqual([{ id: '1', text: 'hello there', index: 0 }]);
  });

  it('treats a chosen field that an item lacks as absent, not as the inherited Object.prototype member', () => {
    const result = parseDocuments('[{"text":"a"},{"text":"b","constructor":"kept"}]', options('json', { text: 'constructor' }));
    expect(result.candidates).toEqual([{ id: 'doc_2', text: 'kept', index: 0 }]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Item 1 has no "constructor" field (it has "text") and was skipped. Add the text, or choose another text field.',
    ]);
  });

  it('gives a generated id, silently for the missing one, when the chosen id field toString is absent', () => {
    const result = parseDocuments('{"text":"a","toString":"x1"}\n{"text":"b"}\n', options('jsonl', { id: 'toString' }));
    expect(result.candidates.map((candidate) => candidate.id)).toEqual(['x1', 'doc_2']);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Item 2 has no id, so it was given the id "doc_2". Add an id if you need a stable one.',
    ]);
  });

  it('reads JSON keys __proto__ and hasOwnProperty as fields', () => {
    const result = parseDocuments('[{"__proto__":"one","hasOwnProperty":"h1"}]', options('json', { text: '__proto__', id: 'hasOwnProperty' }));
    expect(result.fields?.available).toEqual(['__proto__', 'hasOwnProperty']);
    expect(result.candidates).toEqual([{ id: 'h1', text: 'one', index: 0 }]);
  });
});

describe('liftWrappedFields', () => {
  it('lifts inner fields named toString, constructor and __proto__ as own data fields', () => {
    const hit = JSON.parse('{"_id":"h1","_source":{"text":"a","toString":"t","constructor":"c","__proto__":{"text":"inherited?"}}}') as Record<string, unknown>;
    const lifted = liftWrappedFields(hit);
    expect(Object.keys(lifted)).toEqual(['_id', 'text', 'toString', 'constructor', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(lifted, '__proto__')?.value).toEqual({ text: 'inherited?' });
    expect(lifted.toString).toBe('t');
    expect(lifted.constructor).toBe('c');
  });

  it('does not read a wrapped __proto__ object as the document text', () => {
    const result = parseDocuments('[{"_id":"h1","_source":{"__proto__":{"text":"not mine"},"body":"mine"}}]', options('json'));
    expect(result.fields?.available).toEqual(['_id', '__proto__', 'body']);
    expect(result.candidates).toEqual([{ id: 'h1', text: 'mine', index: 0 }]);
  });

  it('keeps the outer field on a clash, even for constructor', () => {
    const lifted = liftWrappedFields({ constructor: 'outer', document: { constructor: 'inner', text: 'x' } });
    expect(Object.entries(lifted)).toEqual([
      ['constructor', 'outer'],
      ['text', 'x'],
    ]);
  });
});

const SPECIAL_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

describe('document ids that objects treat specially', () => {
  // Scores 0.2, 0.9, 0.5, 0.7: ranked by score, descending: constructor (0.9), hasOwnProperty (0.7), toString (0.5), __proto__ (0.2).
  const SCORES = [0.2, 0.9, 0.5, 0.7];
  const EXPECTED_ORDER = ['constructor', 'hasOwnProperty', 'toString', '__proto__'];
  const rows = SPECIAL_IDS.map((id, i) => ({ id, text: `text of ${id}`, score: SCORES[i] }));
  const inputs: [InputFormat, string][] = [
    ['json', JSON.stringify(rows)],
    ['jsonl', rows.map((row) => JSON.stringify(row)).join('\n')],
    ['csv', ['id,text,score', ...rows.map((row) => `${row.id},${row.text},${row.score}`)].join('\n')],
    ['tsv', ['id\ttext\tscore', ...rows.map((row) => `${row.id}\t${row.text}\t${row.score}`)].join('\n')],
  ];

  it.each(inputs)('keeps the ids, and ranks them by score, from %s', (format, raw) => {
    const result = parseDocuments(raw, options(format));
    expect(result.issues).toEqual([]);
    expect(result.candidates.map((candidate) => candidate.id)).toEqual([...SPECIAL_IDS]);
    expect(firstStageRanking(result.candidates, 'supplied').entries.map((entry) => entry.id)).toEqual(EXPECTED_ORDER);
  });

  it('round-trips: candidates written back as JSON parse to the same candidates', () => {
    const first = parseDocuments(inputs[2]?.[1] ?? '', options('csv')).candidates;
    const again = parseDocuments(JSON.stringify(first.map(({ id, text, score }) => ({ id, text, score }))), options('auto')).candidates;
    expect(again).toEqual(first);
    expect(again.map((candidate) => candidate.id)).toEqual([...SPECIAL_IDS]);
  });

  it('renames a repeated __proto__ id like any other', () => {
    const result = parseDocuments('[{"id":"__proto__","text":"a"},{"id":"__proto__","text":"b"}]', options('json'));
    expect(result.candidates.map((candidate) => candidate.id)).toEqual(['__proto__', '__proto__#2']);
  });
});
