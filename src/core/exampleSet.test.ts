import { describe, expect, it } from 'vitest';
import { exampleSetFile, exampleSetLesson, exampleSetTitle, toQueryJsonl, type QueryJsonlLine } from './exampleSet';

interface ParsedDocument {
  id: string;
  text: string;
  score: number;
  relevance: number;
}

interface ParsedQuery {
  queryId: string;
  query: string;
  documents: ParsedDocument[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// Read with JSON.parse on purpose: these tests must not depend on the importer. Checks each field's type as it goes.
function parseLine(text: string, lineNumber: number): ParsedQuery {
  const where = `${exampleSetFile.name} line ${lineNumber}`;
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || typeof value.query_id !== 'string' || typeof value.query !== 'string' || !Array.isArray(value.documents)) {
    throw new Error(`${where}: expected {"query_id", "query", "documents": [...]}`);
  }
  const documents = value.documents.map((d: unknown, i): ParsedDocument => {
    if (!isRecord(d) || typeof d.id !== 'string' || typeof d.text !== 'string' || typeof d.score !== 'number' || typeof d.relevance !== 'number') {
      throw new Error(`${where}, document ${i + 1}: expected {"id", "text", "score", "relevance"}`);
    }
    return { id: d.id, text: d.text, score: d.score, relevance: d.relevance };
  });
  return { queryId: value.query_id, query: value.query, documents };
}

function parseSet(text: string): ParsedQuery[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => parseLine(line, number));
}

const queries = parseSet(exampleSetFile.text);

function queryById(id: string): ParsedQuery {
  const query = queries.find((q) => q.queryId === id);
  if (!query) throw new Error(`no query ${id} in the example set`);
  return query;
}

/** First-stage ranks (1-based) by falling score; a tie keeps file order. Computed here, not taken from the ids. */
function ranksByScore(documents: readonly ParsedDocument[]): Map<string, number> {
  const order = documents.map((d, index) => ({ d, index })).sort((a, b) => b.d.score - a.d.score || a.index - b.index);
  return new Map(order.map(({ d }, i) => [d.id, i + 1]));
}

/** True when some grade-0 document scores above some document graded 2 or 3: a reranker has room to help. */
function hasUnhelpfulAboveRelevant(documents: readonly ParsedDocument[]): boolean {
  const bestZero = Math.max(...documents.filter((d) => d.relevance === 0).map((d) => d.score));
  return documents.some((d) => d.relevance >= 2 && d.score < bestZero);
}

describe('example query set', () => {
  it('is a query-JSONL file with a title and a short lesson', () => {
    expect(exampleSetFile.name).toBe('workshop-example.jsonl');
    expect(exampleSetTitle.trim()).not.toBe('');
    // 2 to 3 sentences: count the sentence ends (". " or a final ".").
    const sentences = exampleSetLesson.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '');
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });

  it('has at least 12 queries with 10 to 20 candidates each', () => {
    // q01 .. q15, written by hand.
    expect(queries.map((q) => q.queryId)).toEqual(Array.from({ length: 15 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`));
    for (const q of queries) {
      expect(q.query.trim(), q.queryId).not.toBe('');
      expect(q.documents.length, q.queryId).toBeGreaterThanOrEqual(10);
      expect(q.documents.length, q.queryId).toBeLessThanOrEqual(20);
    }
  });

  it('grades every document with an integer 0..3 and scores it with a finite number', () => {
    for (const d of queries.flatMap((q) => q.documents)) {
      expect(Number.isInteger(d.relevance), d.id).toBe(true);
      expect(d.relevance, d.id).toBeGreaterThanOrEqual(0);
      expect(d.relevance, d.id).toBeLessThanOrEqual(3);
      expect(Number.isFinite(d.score), d.id).toBe(true);
      expect(d.text.trim(), d.id).not.toBe('');
    }
  });

  it('has unique query ids and document ids unique across the whole set', () => {
    const docIds = queries.flatMap((q) => q.documents.map((d) => d.id));
    expect(new Set(queries.map((q) => q.queryId)).size).toBe(queries.length);
    expect(new Set(docIds).size).toBe(docIds.length);
  });

  it('lists candidates by strictly falling score, so file order is the first-stage order with no ties', () => {
    for (const q of queries) {
      q.documents.slice(1).forEach((d, i) => expect(d.score, d.id).toBeLessThan((q.documents[i] as ParsedDocument).score));
    }
  });

  it('gives every query a relevant document and a highly relevant one', () => {
    for (const q of queries) {
      expect(q.documents.some((d) => d.relevance >= 1), q.queryId).toBe(true);
      expect(q.documents.some((d) => d.relevance === 3), q.queryId).toBe(true);
    }
  });

  it('puts every relevant document of the recall-ceiling query q15 below a top-10 cut', () => {
    const q15 = queryById('q15');
    const ranks = ranksByScore(q15.documents);
    const relevant = q15.documents.filter((d) => d.relevance >= 1);
    expect(q15.documents.length).toBeGreaterThanOrEqual(15);
    for (const d of relevant) expect(ranks.get(d.id), d.id).toBeGreaterThan(10);
    // The grade-3 document scores 3.9; twelve documents score more (18.6 down to 5.2), so it ranks 13th.
    const best = q15.documents.find((d) => d.relevance === 3);
    expect(best && ranks.get(best.id)).toBe(13);
  });

  it('fools the first stage on at least 8 queries: a grade-0 document above a grade-2 or 3 one', () => {
    const fooled = queries.filter((q) => hasUnhelpfulAboveRelevant(q.documents)).map((q) => q.queryId);
    // By hand: all but q09 and q14, where the exact part number and error message already rank first.
    expect(fooled).toEqual(['q01', 'q02', 'q03', 'q04', 'q05', 'q06', 'q07', 'q08', 'q10', 'q11', 'q12', 'q13', 'q15']);
  });

  it('ranks a grade-3 document first on the queries where a reranker may hurt (q09, q13, q14)', () => {
    for (const id of ['q09', 'q13', 'q14']) {
      const q = queryById(id);
      const ranks = ranksByScore(q.documents);
      const top = q.documents.find((d) => ranks.get(d.id) === 1);
      expect(top?.relevance, id).toBe(3);
    }
  });
});

describe('toQueryJsonl', () => {
  it('writes one line per query, and ids that are Object.prototype names stay plain data', () => {
    const text = toQueryJsonl([
      { id: '__proto__', query: 'prototype', documents: [[2.5, 1, 'first'], [1.5, 0, 'second']] },
      { id: 'constructor', query: 'toString', documents: [[0.5, 3, 'only']] },
    ]);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as QueryJsonlLine);
    expect(lines).toEqual([
      {
        query_id: '__proto__',
        query: 'prototype',
        documents: [
          { id: '__proto__-d01', text: 'first', score: 2.5, relevance: 1 },
          { id: '__proto__-d02', text: 'second', score: 1.5, relevance: 0 },
        ],
      },
      { query_id: 'constructor', query: 'toString', documents: [{ id: 'constructor-d01', text: 'only', score: 0.5, relevance: 3 }] },
    ]);
  });
});
