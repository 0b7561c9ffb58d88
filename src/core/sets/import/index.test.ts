import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../types';
import { importQuerySet, readSetFile } from './index';

function linked(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a set, got: ${result.message}`);
  return result;
}

describe('importQuerySet, end to end', () => {
  it('imports TREC topics, a run, qrels and a collection', () => {
    const result = linked(
      importQuerySet([
        { name: 'topics.txt', text: '<top>\n<num> Number: 301\n<title> cat food\n</top>\n<top>\n<num> Number: constructor\n<title> dog toys\n</top>\n' },
        { name: 'collection.tsv', text: 'D1\tCats like fish.\nD2\tDry food for cats.\nD3\tDogs chew toys.\nD4\tUnrelated.\n' },
        { name: 'bm25.run', text: '301 Q0 D1 1 7.5 bm25\n301 Q0 D2 2 9.0 bm25\n301 Q0 D9 3 1.0 bm25\nconstructor Q0 D3 1 3.0 bm25\n' },
        { name: 'qrels.txt', text: '301 0 D2 2\n301 0 D4 1\nconstructor 0 D3 1\n999 0 D1 1\n' },
      ]),
    );
    expect(result.report.files.map((file) => [file.name, file.kind, file.records])).toEqual([
      ['topics.txt', 'trec-topics', 2],
      ['collection.tsv', 'collection', 4],
      ['bm25.run', 'trec-run', 4],
      ['qrels.txt', 'trec-qrels', 4],
    ]);
    expect(result.set.name).toBe('bm25.run');
    expect(result.set.scoreKind).toBe('retriever score');
    expect(result.set.queries).toEqual([
      // D2 scores 9.0 above D1's 7.5 although its rank is 2; D9 has no text.
      { id: '301', text: 'cat food', candidates: [{ docId: 'D2', score: 9 }, { docId: 'D1', score: 7.5 }], judgments: new Map([['D2', 2], ['D4', 1]]) },
      { id: 'constructor', text: 'dog toys', candidates: [{ docId: 'D3', score: 3 }], judgments: new Map([['D3', 1]]) },
    ]);
    expect(result.set.documents).toEqual(new Map([['D2', 'Dry food for cats.'], ['D1', 'Cats like fish.'], ['D4', 'Unrelated.'], ['D3', 'Dogs chew toys.']]));
    expect(result.report.runLinesWithoutText).toEqual([{ file: 'bm25.run', line: 3, queryId: '301', docId: 'D9' }]);
    expect(result.report.qrelsForUnknownQueries).toEqual([{ file: 'qrels.txt', line: 4, queryId: '999', docId: 'D1' }]);
    expect(result.report.issues).toEqual([]);
  });

  it('imports a BEIR folder without a run: BM25 over the corpus', () => {
    const result = linked(
      importQuerySet(
        [
          { name: 'mini/corpus.jsonl', text: ['{"_id": "a", "title": "", "text": "apple banana"}', '{"_id": "b", "text": "apple"}', '{"_id": "c", "text": "cherry"}'].join('\n') },
          { name: 'mini/queries.jsonl', text: '{"_id": "1", "text": "apple"}\n' },
          { name: 'mini/qrels/test.tsv', text: 'query-id\tcorpus-id\tscore\n1\tc\t1\n' },
        ],
        { corpusTopK: 1 },
      ),
    );
    expect(result.set.name).toBe('mini');
    expect(result.set.scoreKind).toBe('BM25');
    // "b" (1 term) beats "a" (2 terms) on length; top 1 keeps b. "c" is judged, so it stays, unretrieved.
    expect(result.set.queries[0]?.candidates.map((candidate) => candidate.docId)).toEqual(['b']);
    expect([...(result.set.queries[0]?.judgments ?? [])]).toEqual([['c', 1]]);
    expect(result.report.notes).toEqual([
      'No run was given: the first stage is BM25 over the whole corpus (3 documents), top 1 per query.',
    ]);
    // The corpus stays whole, so a dense first stage can retrieve "a", which BM25 did not keep.
    expect([...result.set.documents.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('imports a self-contained JSONL and a long CSV', () => {
    const jsonl = linked(importQuerySet([{ name: 'set.jsonl', text: '{"query": "q", "positive": ["p"], "negative": ["n"]}\n' }]));
    expect(jsonl.set.queries[0]?.judgments).toEqual(new Map([['q1-d1', 1], ['q1-d2', 0]]));
    expect(jsonl.report.notes[0]).toContain('not a ranking');
    const table = linked(importQuerySet([{ name: 'pairs.csv', text: 'query,text,score\nq,one,2\nq,two,3\n' }]));
    expect(table.set.queries[0]?.candidates).toEqual([{ docId: 'q1-d1', score: 2 }, { docId: 'q1-d2', score: 3 }]);
  });

  it('says what it accepts when a file fits no format, and fails when nothing gives queries', () => {
    const result = importQuerySet([{ name: 'notes.txt', text: 'Dear diary,\ntoday I reranked.\n' }]);
    expect(result.ok).toBe(false);
    expect(result.report.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: 'notes.txt', message: expect.stringMatching(/^notes\.txt is not in a format we read\. Accepted: TREC topics .*BEIR corpus\.jsonl/) }),
    ]);
  });
});

describe('readSetFile', () => {
  it('reports an empty file by name', () => {
    expect(readSetFile({ name: 'run.txt', text: ' \n' })).toEqual({ file: 'run.txt', kind: null, issues: [expect.objectContaining({ message: expect.stringContaining('run.txt is empty') })] });
  });

  it('reads each kind with its reader', () => {
    expect(readSetFile({ name: 'queries.tsv', text: '1\twhat is bm25\n' }).kind).toBe('trec-topics');
    expect(readSetFile({ name: 'corpus.jsonl', text: '{"_id": "d", "text": "t"}\n' }).kind).toBe('beir-corpus');
    expect(readSetFile({ name: 'qrels/dev.tsv', text: 'query-id\tcorpus-id\tscore\n1\td\t1\n' }).kind).toBe('beir-qrels');
  });
});
