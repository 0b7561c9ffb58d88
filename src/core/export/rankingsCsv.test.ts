import { describe, expect, it } from 'vitest';
import { splitRecords } from '../parse/csvRecords';
import { exampleInput, FORMULA_ID, streamingColumn } from './comparisonExample';
import { csvTextCell, moveCell, rankingsCsv } from './rankingsCsv';

const HEADER = 'query_id,query,column,rank,doc_id,score,score_kind,move,first_stage_rank';
/** FORMULA_ID, =HYPERLINK("x"): an apostrophe before it, then quoted for its double quotes. */
const GUARDED = `"'=HYPERLINK(""x"")"`;

describe('rankingsCsv', () => {
  it('writes one row per document per column, with rank, id, score and move (worked by hand in comparisonExample.ts)', () => {
    const lines = rankingsCsv(exampleInput()).split('\r\n');
    expect(lines).toEqual([
      HEADER,
      // The first stage: no move.
      'q1,"ai, drugs",First stage: retriever scores,1,__proto__,4,retriever score,,1',
      'q1,"ai, drugs",First stage: retriever scores,2,constructor,3,retriever score,,2',
      'q1,"ai, drugs",First stage: retriever scores,3,"c,1",2,retriever score,,3',
      `q1,"ai, drugs",First stage: retriever scores,4,${GUARDED},1,retriever score,,4`,
      'q1,"ai, drugs",First stage: retriever scores,5,e,0.5,retriever score,,5',
      // Column 1: "c,1" 3 -> 1 is ▲2, __proto__ 1 -> 2 is ▼1, constructor 2 -> 3 is ▼1, the formula id stays 4.
      'q1,"ai, drugs",Reranked: model-x,1,"c,1",3,raw logit,▲2,3',
      'q1,"ai, drugs",Reranked: model-x,2,__proto__,1,raw logit,▼1,1',
      'q1,"ai, drugs",Reranked: model-x,3,constructor,-2,raw logit,▼1,2',
      `q1,"ai, drugs",Reranked: model-x,4,${GUARDED},-3,raw logit,=,4`,
      // Below the cut: the first stage's score and kind, as on screen.
      'q1,"ai, drugs",Reranked: model-x,5,e,0.5,retriever score,not reranked,5',
      // Column 2: constructor 2 -> 1 is ▲1, __proto__ 1 -> 2 is ▼1, the rest stay.
      'q1,"ai, drugs",Reranked: BM25 over the top N,1,constructor,5,BM25,▲1,2',
      'q1,"ai, drugs",Reranked: BM25 over the top N,2,__proto__,2,BM25,▼1,1',
      'q1,"ai, drugs",Reranked: BM25 over the top N,3,"c,1",1,BM25,=,3',
      `q1,"ai, drugs",Reranked: BM25 over the top N,4,${GUARDED},0,BM25,=,4`,
      'q1,"ai, drugs",Reranked: BM25 over the top N,5,e,0.5,retriever score,not reranked,5',
      '',
    ]);
  });

  it('reads back as 1 + 5 × 3 records of 9 fields, the ids as they were (less the guard apostrophe)', () => {
    const records = splitRecords(rankingsCsv(exampleInput()), ',');
    expect(records).toHaveLength(16);
    expect(records.every((r) => r.cells.length === 9)).toBe(true);
    expect(records.slice(1, 6).map((r) => r.cells[4])).toEqual(['__proto__', 'constructor', 'c,1', `'${FORMULA_ID}`, 'e']);
  });

  it('writes the raw scores at full precision, whatever the display shows', () => {
    const csv = rankingsCsv(exampleInput({ scoreDisplay: 'sigmoid' }));
    // Column 1's top row: the raw logit 3, not its sigmoid 0.9526.
    expect(csv).toContain('Reranked: model-x,1,"c,1",3,raw logit,▲2,3\r\n');
  });

  it('leaves out documents still waiting for a score, and a column that never ran has no rows', () => {
    const neverRan = { title: 'Reranked: idle', order: { reranked: { scoreKind: 'raw logit' as const, entries: [] }, pending: [], notReranked: [] } };
    const csv = rankingsCsv(exampleInput({ columns: [streamingColumn(['__proto__', 'c,1']), neverRan] }));
    const rows = csv.split('\r\n').filter((l) => l.includes('Reranked: streaming'));
    // Scored: "c,1" (3) then __proto__ (1); constructor and the formula id are pending; e is below the cut, ranked 3.
    expect(rows).toEqual([
      'q1,"ai, drugs",Reranked: streaming,1,"c,1",3,raw logit,▲2,3',
      'q1,"ai, drugs",Reranked: streaming,2,__proto__,1,raw logit,▼1,1',
      'q1,"ai, drugs",Reranked: streaming,3,e,0.5,retriever score,not reranked,5',
    ]);
    expect(csv).not.toContain('Reranked: idle');
  });
});

describe('csv cells', () => {
  it('guards every formula start, and quotes commas, quotes and line breaks', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvTextCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvTextCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvTextCell('plain')).toBe('plain');
  });

  it('writes moves as on the badges, with "not reranked" spelled out', () => {
    expect(moveCell({ kind: 'up', by: 2 })).toBe('▲2');
    expect(moveCell({ kind: 'down', by: 1 })).toBe('▼1');
    expect(moveCell({ kind: 'same', by: 0 })).toBe('=');
    expect(moveCell({ kind: 'not reranked' })).toBe('not reranked');
    expect(moveCell({ kind: 'new' })).toBe('new');
    expect(moveCell(null)).toBe('');
  });
});
