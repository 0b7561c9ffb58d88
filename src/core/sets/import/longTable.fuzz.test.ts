/**
 * Seeded fuzzing of readLongTable (CSV or TSV query sets, one row per query and document): mutated tables, broken
 * quotes, repeated and odd header names, random text. It must never throw, stay fast, and place every error on its
 * line (or say why it has none).
 */
import { describe, expect, it } from 'vitest';
import { garbage, MAX_CASE_MS, mulberry32, mutate, pick, type Random, shown, timed } from '../../fuzz/fuzzInputs';
import type { SetFile } from '../types';
import { readLongTable } from './longTable';
import { selfContainedProblems } from './setFuzzChecks';

const CASES = 4000;
const SEED = 20261203;

const SAMPLES = [
  'qid,query,docid,text,score,relevance\n__proto__,cats,constructor,Cats purr.,2.5,1\ntoString,dogs,d2,Dogs bark.,1,\n__proto__,cats,d3,"Lions, too, are cats.",0.5,0\n',
  'query_text,passage\nalpha,one\nbeta,two\nalpha,three\n',
  'qid\tquery\tdocid\ttext\tscore\n1\tcats\thasOwnProperty\t"quoted\ttab"\t0x1F\n1\tother cats\td2\tplain\t1e400\n',
  'query,text,text,__proto__,Score,QREL\nq,doc,again,proto,+2,7\nq,,,,,\n',
  'id,question,doc_text\r\n7,what,"multi\r\nline"\r\n,empty id,x\r\n',
  'qid,docid\nq1,d1\nq1,d1\nq2,\n',
  'nothing,useful\n1,2\n',
];

const NAMES = ['set.csv', 'set.tsv', 'table', 'x.tab', '__proto__.csv', 'constructor'];

function makeInput(random: Random): string {
  const roll = random();
  if (roll < 0.15) return garbage(random);
  if (roll < 0.85) return mutate(pick(random, SAMPLES), random);
  // A header, then many rows: caps and grouping by qid get exercised.
  const sample = pick(random, SAMPLES);
  const [header = '', ...rows] = sample.split('\n');
  return mutate(`${header}\n${rows.join('\n').repeat(5 + Math.floor(random() * 40))}`, random);
}

describe('readLongTable under fuzzing', () => {
  it(`never throws, stays fast, and places every error: ${CASES} seeded cases`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    let withQueries = 0;
    let withErrors = 0;
    for (let number = 0; number < CASES; number += 1) {
      const file: SetFile = { name: pick(random, NAMES), text: makeInput(random) };
      const run = timed(() => readLongTable(file));
      const problems = run.value ? selfContainedProblems(run.value, file, { queryTextRequired: false }) : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if ((run.value?.queries?.length ?? 0) > 0) withQueries += 1;
      if (run.value?.issues.some((issue) => issue.severity === 'error')) withErrors += 1;
      for (const problem of problems) failures.push(`case ${number} ${file.name} ${shown(file.text)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(withQueries).toBeGreaterThan(CASES / 10);
    expect(withErrors).toBeGreaterThan(CASES / 10);
  }, 60_000);

  it('stays fast on huge tables: a header repeating one name 20,000 times, a quote that never closes, 100,000 rows', () => {
    const huge = [
      `${'text,'.repeat(20_000)}qid\n${'a,'.repeat(20_000)}q\n`,
      `qid,text\nq,"${'x'.repeat(2_000_000)}`,
      `qid,text\n${'q,doc\n'.repeat(100_000)}`,
      `qid,text\n${'q,doc,extra\n'.repeat(100_000)}`,
    ];
    for (const text of huge) {
      const run = timed(() => readLongTable({ name: 'huge.csv', text }));
      expect(run.thrown).toBeUndefined();
      expect(run.ms).toBeLessThan(MAX_CASE_MS);
      expect(run.value?.issues.length ?? 0).toBeLessThan(200);
    }
  }, 30_000);
});
