import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { uniqueQueryIds, writeBeirSet, writeJudgedQueryJsonl } from './query-set-files';

describe('uniqueQueryIds', () => {
  it('takes ids from the top that no other id contains', () => {
    // Of q1..q10, q1 is inside q10; q10 and q9..q2 are inside no other id.
    expect(uniqueQueryIds(10, 3)).toEqual(['q10', 'q9', 'q8']);
    expect(uniqueQueryIds(10, 20)).toEqual(['q10', 'q9', 'q8', 'q7', 'q6', 'q5', 'q4', 'q3', 'q2']);
    // Of q1..q300: q300, q299, q298 are inside no other id (there are no four-digit ids).
    expect(uniqueQueryIds(300, 3)).toEqual(['q300', 'q299', 'q298']);
    // q30 is inside q300..q309, so it is never picked.
    expect(uniqueQueryIds(300, 300)).not.toContain('q30');
  });
});

describe('the generated query sets', () => {
  it('writes a BEIR set the same way every time, with one judged-2 target and two judged-1 documents per query', () => {
    const a = writeBeirSet({ docs: 50, queries: 4, wordsPerDoc: 12 });
    const [corpus, queries, qrels] = a.files.map((file) => readFileSync(file, 'utf8'));
    expect(corpus?.trim().split('\n')).toHaveLength(50);
    expect(queries?.trim().split('\n')).toHaveLength(4);
    // Header + 3 lines per query: 1 + 4 x 3 = 13.
    expect(qrels?.trim().split('\n')).toHaveLength(13);
    expect(qrels?.split('\n')[0]).toBe('query-id\tcorpus-id\tscore');
    const b = writeBeirSet({ docs: 50, queries: 4, wordsPerDoc: 12 });
    expect(readFileSync(b.files[1] ?? '', 'utf8')).toBe(queries);
  });

  it('writes a query-JSONL set with every candidate judged', () => {
    const file = writeJudgedQueryJsonl({ queries: 3, candidates: 5, wordsPerDoc: 4 });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { query_id: string; documents: { id: string; relevance: number }[] });
    expect(lines.map((l) => l.query_id)).toEqual(['q1', 'q2', 'q3']);
    expect(lines[0]?.documents.map((d) => d.id)).toEqual(['q1-d1', 'q1-d2', 'q1-d3', 'q1-d4', 'q1-d5']);
    expect(lines.flatMap((l) => l.documents).every((d) => Number.isInteger(d.relevance) && d.relevance >= 0 && d.relevance <= 3)).toBe(true);
  });
});
