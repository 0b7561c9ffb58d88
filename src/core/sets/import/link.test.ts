import { describe, expect, it } from 'vitest';
import type { ImportResult, SetFileParts } from '../types';
import { type CorpusRetriever, type LinkInput, linkSet } from './link';

const options = { corpusTopK: 100 };
const noRetrieval: CorpusRetriever = () => {
  throw new Error('retrieval should not run here');
};

const topics = (...entries: [string, string][]): SetFileParts => ({
  file: 'topics.tsv', kind: 'trec-topics', issues: [],
  topics: entries.map(([id, text], i) => ({ id, text, line: i + 1 })),
});
const collection = (...entries: [string, string][]): SetFileParts => ({
  file: 'collection.tsv', kind: 'collection', issues: [],
  documents: entries.map(([id, text], i) => ({ id, text, line: i + 1 })),
});
const run = (file: string, ...entries: [string, string, number, number][]): SetFileParts => ({
  file, kind: 'trec-run', issues: [],
  run: entries.map(([queryId, docId, rank, score], i) => ({ queryId, docId, rank, score, line: i + 1 })),
});
const qrels = (...entries: [string, string, number][]): SetFileParts => ({
  file: 'qrels.txt', kind: 'trec-qrels', issues: [],
  qrels: entries.map(([queryId, docId, grade], i) => ({ queryId, docId, grade, line: i + 1 })),
});

function linked(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a set, got: ${result.message}`);
  return result;
}

describe('linkSet with topics, a run, qrels and a collection', () => {
  const result = linked(
    linkSet(
      [
        topics(['__proto__', 'first query'], ['constructor', 'second query'], ['lonely', 'no candidates']),
        collection(['a', 'text a'], ['b', 'text b'], ['c', 'text c'], ['judged', 'text judged'], ['unused', 'text unused']),
        run(
          'bm25.run',
          ['__proto__', 'a', 1, 1.0],
          ['__proto__', 'b', 3, 2.0],
          ['__proto__', 'c', 2, 1.0],
          ['__proto__', 'missing', 4, 0.5],
          ['ghost', 'a', 1, 9.0],
          ['constructor', 'b', 2, 5.0],
          ['constructor', 'a', 1, 5.0],
          ['constructor', 'c', 1, 5.0],
        ),
        qrels(['__proto__', 'b', 2], ['__proto__', 'judged', 1], ['__proto__', 'nowhere', 3], ['ghost', 'a', 1], ['constructor', 'a', 0]),
      ],
      options,
      noRetrieval,
    ),
  );
  const [first, second, lonely] = result.set.queries;

  it('ranks run lines by score descending, then rank, then file order, and keeps the scores', () => {
    // __proto__: b has the best score (2.0) though rank 3; a and c tie at 1.0, and a's rank 1 beats c's rank 2.
    // (Rank order would be a, c, b; file order a, b, c.)
    expect(first?.candidates).toEqual([
      { docId: 'b', score: 2 },
      { docId: 'a', score: 1 },
      { docId: 'c', score: 1 },
    ]);
    // constructor: all three at 5.0; a and c have rank 1 (a first in the file), then b with rank 2.
    expect(second?.candidates.map((candidate) => candidate.docId)).toEqual(['a', 'c', 'b']);
    expect(result.set.scoreKind).toBe('retriever score');
  });

  it('lists run lines without text and run lines for unknown queries', () => {
    expect(result.report.runLinesWithoutText).toEqual([{ file: 'bm25.run', line: 4, queryId: '__proto__', docId: 'missing' }]);
    expect(result.report.runLinesForUnknownQueries).toEqual([{ file: 'bm25.run', line: 5, queryId: 'ghost', docId: 'a' }]);
  });

  it('attaches judgments, keeping a judged document that was not retrieved (recall counts it)', () => {
    expect([...(first?.judgments ?? [])]).toEqual([
      ['b', 2],
      ['judged', 1],
    ]);
    expect([...(second?.judgments ?? [])]).toEqual([['a', 0]]);
    expect(result.report.qrelsForUnknownDocuments).toEqual([{ file: 'qrels.txt', line: 3, queryId: '__proto__', docId: 'nowhere' }]);
    expect(result.report.qrelsForUnknownQueries).toEqual([{ file: 'qrels.txt', line: 4, queryId: 'ghost', docId: 'a' }]);
    expect(result.report.judgments).toBe(3);
  });

  it('keeps a query with no candidates, and lists it', () => {
    expect(lonely).toEqual({ id: 'lonely', text: 'no candidates', candidates: [], judgments: new Map() });
    expect(result.report.queriesWithoutCandidates).toEqual(['lonely']);
  });

  it('keeps only the documents some query refers to, and says how many it left out', () => {
    expect([...result.set.documents.keys()]).toEqual(['b', 'a', 'c', 'judged']);
    expect(result.report.documents).toBe(4);
    expect(result.report.notes).toEqual(['1 of the 5 documents given is neither a candidate nor judged for any query, so they were left out of the set.']);
  });

  it('names the set after the run and counts each file', () => {
    expect(result.set.name).toBe('bm25.run');
    expect(result.report.queries).toBe(3);
    expect(result.report.files).toEqual([
      { name: 'topics.tsv', kind: 'trec-topics', records: 3 },
      { name: 'collection.tsv', kind: 'collection', records: 5 },
      { name: 'bm25.run', kind: 'trec-run', records: 8 },
      { name: 'qrels.txt', kind: 'trec-qrels', records: 5 },
    ]);
  });
});

describe('linkSet without a run', () => {
  it('retrieves from the corpus for the queries, with the top K asked for, and says so', () => {
    const calls: { queries: { id: string; text: string }[]; documents: [string, string][]; topK: number }[] = [];
    const retrieve: CorpusRetriever = (queries, documents, topK) => {
      calls.push({ queries, documents: [...documents], topK });
      return new Map([['1', [{ docId: 'y', score: 4.5 }, { docId: 'x', score: 1.25 }]]]);
    };
    const result = linked(linkSet([topics(['1', 'cats'], ['2', 'dogs']), collection(['x', 'cats purr'], ['y', 'cats cats'])], { corpusTopK: 7 }, retrieve));
    expect(calls).toEqual([{ queries: [{ id: '1', text: 'cats' }, { id: '2', text: 'dogs' }], documents: [['x', 'cats purr'], ['y', 'cats cats']], topK: 7 }]);
    expect(result.set.queries.map((query) => query.candidates)).toEqual([[{ docId: 'y', score: 4.5 }, { docId: 'x', score: 1.25 }], []]);
    expect(result.set.scoreKind).toBe('BM25');
    expect(result.report.notes[0]).toBe('No run was given: the first stage is BM25 over the whole corpus (2 documents), top 7 per query.');
    expect(result.report.queriesWithoutCandidates).toEqual(['2']);
  });

  it('retrieves only for the queries without candidates, and warns that the scores then differ in kind', () => {
    const asked: string[] = [];
    const retrieve: CorpusRetriever = (queries) => {
      asked.push(...queries.map((query) => query.id));
      return new Map([['t', [{ docId: 'z', score: 1 }]]]);
    };
    const selfContained: SetFileParts = {
      file: 'set.jsonl', kind: 'query-jsonl', issues: [],
      queries: [{ id: 'own', text: 'cats', line: 1, candidates: [{ docId: 'x', text: 'cats purr', score: 0.9, line: 1 }] }],
    };
    const result = linked(linkSet([topics(['t', 'other']), selfContained, collection(['z', 'other'])], options, retrieve));
    expect(asked).toEqual(['t']);
    expect(result.set.queries.map((query) => [query.id, query.candidates])).toEqual([
      ['t', [{ docId: 'z', score: 1 }]],
      ['own', [{ docId: 'x', score: 0.9 }]],
    ]);
    expect(result.report.issues).toEqual([expect.objectContaining({ severity: 'warning', file: 'collection.tsv', message: expect.stringContaining('not on one scale') })]);
  });

  it('does not retrieve when every query brings its own candidates', () => {
    const selfContained: SetFileParts = {
      file: 'set.jsonl', kind: 'query-jsonl', issues: [],
      queries: [{ id: 'q1', text: 'cats', line: 1, candidates: [{ docId: 'x', text: 'cats purr', line: 1 }] }],
    };
    const result = linked(linkSet([selfContained, collection(['z', 'other'])], options, noRetrieval));
    expect(result.set.queries[0]?.candidates).toEqual([{ docId: 'x' }]);
    expect(result.set.scoreKind).toBeNull();
  });
});

describe('linkSet with self-contained queries', () => {
  it('takes texts from topics and collections where the file has only ids, and judgments from grades', () => {
    const table: SetFileParts = {
      file: 'run.tsv', kind: 'long-table', issues: [],
      queries: [
        {
          id: 'constructor', text: '', line: 2,
          candidates: [
            { docId: '__proto__', text: '', score: 3, grade: 2, line: 2 },
            { docId: 'unknown', text: '', score: 2, grade: 1, line: 3 },
            { docId: 'inline', text: 'inline text', score: 1, line: 4 },
          ],
        },
        { id: 'untitled', text: '', line: 5, candidates: [{ docId: 'inline', text: 'inline text', line: 5 }] },
      ],
    };
    const result = linked(linkSet([table, topics(['constructor', 'from topics']), collection(['__proto__', 'from collection'])], options, noRetrieval));
    expect(result.set.queries).toEqual([
      { id: 'constructor', text: 'from topics', candidates: [{ docId: '__proto__', score: 3 }, { docId: 'inline', score: 1 }], judgments: new Map([['__proto__', 2]]) },
    ]);
    expect(result.set.documents).toEqual(new Map([['__proto__', 'from collection'], ['inline', 'inline text']]));
    expect(result.set.name).toBe('run.tsv');
    expect(result.report.runLinesWithoutText).toEqual([{ file: 'run.tsv', line: 3, queryId: 'constructor', docId: 'unknown' }]);
    expect(result.report.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'run.tsv', line: 5, message: expect.stringContaining('query "untitled" has no text') })]);
  });

  it('keeps the first text of a document id seen with two, and warns with both places', () => {
    const result = linked(
      linkSet(
        [
          collection(['d1', 'first text']),
          { file: 'set.jsonl', kind: 'query-jsonl', issues: [], queries: [{ id: 'q1', text: 'q', line: 3, candidates: [{ docId: 'd1', text: 'second text', line: 3 }] }] },
        ],
        options,
        noRetrieval,
      ),
    );
    expect(result.set.documents.get('d1')).toBe('first text');
    expect(result.report.issues).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'set.jsonl', line: 3, message: 'set.jsonl, line 3: document "d1" has a different text than at collection.tsv, line 1; the first text was kept.' }),
    ]);
  });
});

describe('linkSet issues', () => {
  it('lists 20 conflicts of one kind per file, then counts the rest', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `d${i}`);
    const first = collection(...ids.map((id): [string, string] => [id, 'one text']));
    const second: SetFileParts = { ...collection(...ids.map((id): [string, string] => [id, 'another text'])), file: 'more.tsv' };
    const result = linked(linkSet([topics(['q', 'query']), first, second], options, () => new Map()));
    expect(result.report.issues).toHaveLength(21);
    expect(result.report.issues[20]).toMatchObject({ severity: 'warning', file: 'more.tsv', message: expect.stringContaining('5 more lines like this') });
  });
});

describe('linkSet when there is no set to make', () => {
  it('says which files are missing when there are documents and judgments but no queries', () => {
    const result = linkSet([collection(['d', 't']), qrels(['1', 'd', 1])], options, noRetrieval);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^These files hold documents and judgments but no queries\. Add a topics file \(qid<TAB>text/);
    expect(result.report.qrelsForUnknownQueries).toHaveLength(1);
  });

  it('passes on the issues of files no reader recognised', () => {
    const unread: LinkInput = { file: 'notes.txt', kind: null, issues: [{ severity: 'error', file: 'notes.txt', message: 'not a format we read' }] };
    const result = linkSet([unread], options, noRetrieval);
    expect(result.ok).toBe(false);
    expect(result.report.files).toEqual([]);
    expect(result.report.issues).toEqual(unread.issues);
    if (!result.ok) expect(result.message).toContain('No queries could be read from notes.txt');
  });
});

describe('linkSet names', () => {
  it('names a BEIR set after its folder', () => {
    const corpus: SetFileParts = { file: 'scifact/corpus.jsonl', kind: 'beir-corpus', issues: [], documents: [{ id: 'd', text: 't', line: 1 }] };
    const queries: SetFileParts = { file: 'scifact/queries.jsonl', kind: 'beir-queries', issues: [], topics: [{ id: '1', text: 't', line: 1 }] };
    const retrieve: CorpusRetriever = () => new Map();
    expect(linked(linkSet([queries, corpus], options, retrieve)).set.name).toBe('scifact');
  });
});
