import { describe, expect, it } from 'vitest';
import { detectSetFileKind } from './detectKind';

const detect = (name: string, ...lines: string[]) => detectSetFileKind({ name, text: lines.join('\n') });
const longText = 'A passage long enough to be a document rather than a query, as collections hold them: '.repeat(2);

describe('detectSetFileKind by name', () => {
  it.each([
    ['topics.401-450.txt', 'trec-topics'],
    ['robust04.topics', 'trec-topics'],
    ['queries.jsonl', 'beir-queries'],
    ['scifact/corpus.jsonl', 'beir-corpus'],
    ['bm25.run', 'trec-run'],
    ['run1.txt', 'trec-run'],
    ['runs.txt', 'trec-run'],
    ['collection.tsv', 'collection'],
  ] as const)('%s is %s', (name, kind) => {
    expect(detect(name, 'whatever the content')).toBe(kind);
  });

  it('tells TREC qrels from BEIR qrels by their columns', () => {
    expect(detect('qrels.robust04.txt', '301 0 FBIS3-10082 1')).toBe('trec-qrels');
    expect(detect('dl19.qrels', '19335 0 1017759 0')).toBe('trec-qrels');
    expect(detect('scifact/qrels/test.tsv', 'query-id\tcorpus-id\tscore', '1\t31715818\t1')).toBe('beir-qrels');
    expect(detect('qrels.tsv', 'q1\td1\t1')).toBe('beir-qrels');
  });

  it('does not take "running" for a run', () => {
    expect(detect('running-notes.txt', 'Some prose, not a run.')).toBeNull();
  });

  it('reads a queries.jsonl whose lines carry their documents as self-contained', () => {
    expect(detect('queries.jsonl', JSON.stringify({ query: 'q', documents: ['a'] }))).toBe('query-jsonl');
  });
});

describe('detectSetFileKind by content', () => {
  it('knows a TREC run by its six columns with Q0', () => {
    expect(detect('bm25.txt', '301 Q0 FBIS3-10082 1 12.5 bm25', '301 Q0 FBIS3-10169 2 11.0 bm25')).toBe('trec-run');
  });

  it('knows TREC qrels by four columns ending in an integer', () => {
    expect(detect('judgments.txt', '301 0 FBIS3-10082 1', '301 0 FBIS3-10169 0')).toBe('trec-qrels');
  });

  it('knows BEIR qrels by their header', () => {
    expect(detect('test.tsv', 'query-id\tcorpus-id\tscore', '1\td1\t1')).toBe('beir-qrels');
  });

  it('knows SGML topics by <top>', () => {
    expect(detect('robust.txt', '', '<top>', '<num> Number: 301', '<title> International Organized Crime', '</top>')).toBe('trec-topics');
  });

  it('knows self-contained JSONL, including the MTEB shape', () => {
    expect(detect('data.jsonl', JSON.stringify({ query: 'q', candidates: [] }))).toBe('query-jsonl');
    expect(detect('data.jsonl', JSON.stringify({ query: 'q', positive: ['a'], negative: ['b'] }))).toBe('query-jsonl');
    expect(detect('data.jsonl', '{"query": "broken",')).toBe('query-jsonl');
  });

  it('tells BEIR queries from a corpus by the name, short texts and no title', () => {
    expect(detect('dev-queries.jsonl', JSON.stringify({ _id: '1', text: 'what is bm25' }))).toBe('beir-queries');
    expect(detect('dev-queries.jsonl', JSON.stringify({ _id: '1', title: 'T', text: 'body' }))).toBe('beir-corpus');
    expect(detect('data.jsonl', JSON.stringify({ _id: '1', text: 'what is bm25' }))).toBe('beir-corpus');
    expect(detect('docs.jsonl', JSON.stringify({ id: 'd1', contents: 'Pyserini style' }))).toBe('collection');
  });

  it('knows a long table by a header with a query column and a document column', () => {
    expect(detect('data.csv', 'qid,query,docid,text,score', '1,q,d1,t,1')).toBe('long-table');
    expect(detect('data.txt', 'query\tpassage', 'q\tp')).toBe('long-table');
    // Ids and grades only: judgments, not candidates.
    expect(detect('data.csv', 'qid,docid,relevance', '1,d1,1')).toBeNull();
  });

  describe('id<TAB>text lines are a collection or topics', () => {
    it('goes by the name when it says topics or queries', () => {
      expect(detect('queries.dev.tsv', `1\t${longText}`)).toBe('trec-topics');
      expect(detect('my-topics.tsv', `1\t${longText}`)).toBe('trec-topics');
    });

    it('goes by the name when it says collection or documents', () => {
      expect(detect('passages.tsv', '1\tshort')).toBe('collection');
    });

    it('otherwise takes long texts (mean over 80 characters) for documents and short ones for queries', () => {
      expect(detect('data.tsv', `1\t${longText}`, `2\t${longText}`)).toBe('collection');
      expect(detect('data.tsv', '1\twhat is bm25', '2\thow do rerankers work')).toBe('trec-topics');
      // Mean of 81 and 80 characters is 80.5: over 80, a collection. 80 and 80 is not.
      expect(detect('data.tsv', `1\t${'x'.repeat(81)}`, `2\t${'x'.repeat(80)}`)).toBe('collection');
      expect(detect('data.tsv', `1\t${'x'.repeat(80)}`, `2\t${'x'.repeat(80)}`)).toBe('trec-topics');
    });
  });

  it('gives null when nothing fits', () => {
    expect(detect('notes.txt', 'Dear diary,', 'today I reranked.')).toBeNull();
    expect(detect('empty.txt', '', '   ')).toBeNull();
  });
});
