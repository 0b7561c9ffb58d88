/**
 * Seeded fuzzing of readQueryJsonl (query sets with one query and its documents per line, MTEB's positive/negative
 * shape and Elasticsearch hits included): mutated lines, glued lines, random text. It must never throw, stay fast,
 * and place every error on its line (or say why it has none).
 */
import { describe, expect, it } from 'vitest';
import { garbage, MAX_CASE_MS, mulberry32, mutate, pick, type Random, shown, timed } from '../../fuzz/fuzzInputs';
import type { SetFile } from '../types';
import { readQueryJsonl } from './queryJsonl';
import { selfContainedProblems } from './setFuzzChecks';

const CASES = 4000;
const SEED = 20261202;

const SAMPLES = [
  '{"query": "what is bm25", "query_id": "__proto__", "documents": ["BM25 is a ranking function.", "Unrelated text."]}\n',
  '{"qid": 7, "query": "cats", "candidates": [{"id": "constructor", "text": "Cats purr.", "score": 2.5, "label": 2}, {"doc_id": "toString", "content": "Dogs bark.", "relevance": 0}]}\n',
  '{"query": "mteb", "positive": ["a relevant passage", {"text": "another", "id": "hasOwnProperty"}], "negative": ["not this one", ""]}\n',
  '{"query": "es", "hits": {"total": 2, "hits": [{"_id": "h1", "_score": 3.2, "_source": {"title": "T", "text": "hit one"}}, {"_id": "h2", "_score": "x"}]}}\n',
  '{"question": "cohere", "results": [{"index": 0, "relevance_score": 0.9, "document": {"text": "cohere one"}}], "grade": 7}\r\n{"query": ""}\n',
  '{"query": "first", "documents": ["a"]}\n\nnot json\n{"query": "given", "id": "q1", "documents": [{"id": "q3-d1", "text": "taken id"}]}\n',
  '[1, 2]\n"text"\nnull\n{"query": 5, "documents": 7}\n{"query": "x", "documents": [null, 1, true, {}]}\n',
];

function makeInput(random: Random): string {
  const roll = random();
  if (roll < 0.15) return garbage(random);
  if (roll < 0.8) return mutate(pick(random, SAMPLES), random);
  // Several lines, so per-kind caps ("…and N more lines like this") and id generation across lines get exercised.
  let text = '';
  const lines = 2 + Math.floor(random() * 30);
  for (let i = 0; i < lines; i += 1) text += mutate(pick(random, SAMPLES), random);
  return text;
}

describe('readQueryJsonl under fuzzing', () => {
  it(`never throws, stays fast, and places every error: ${CASES} seeded cases`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    let withQueries = 0;
    let withErrors = 0;
    for (let number = 0; number < CASES; number += 1) {
      const file: SetFile = { name: pick(random, ['set.jsonl', 'queries.jsonl', '__proto__']), text: makeInput(random) };
      const run = timed(() => readQueryJsonl(file));
      const problems = run.value ? selfContainedProblems(run.value, file, { queryTextRequired: true }) : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if ((run.value?.queries?.length ?? 0) > 0) withQueries += 1;
      if (run.value?.issues.some((issue) => issue.severity === 'error')) withErrors += 1;
      for (const problem of problems) failures.push(`case ${number} ${shown(file.text)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(withQueries).toBeGreaterThan(CASES / 4);
    expect(withErrors).toBeGreaterThan(CASES / 4);
  }, 60_000);

  it('stays fast on huge lines: deep nesting, a string that never ends, 100,000 documents on one line', () => {
    const huge = [
      '['.repeat(1_000_000),
      `{"query": "${'x'.repeat(2_000_000)}`,
      JSON.stringify({ query: 'many', documents: Array.from({ length: 100_000 }, (_, i) => `document ${i}`) }),
      '{"query": "q", "documents": ["a"]}\n'.repeat(50_000),
      'not json\n'.repeat(200_000),
    ];
    for (const text of huge) {
      const run = timed(() => readQueryJsonl({ name: 'huge.jsonl', text }));
      expect(run.thrown).toBeUndefined();
      expect(run.ms).toBeLessThan(MAX_CASE_MS);
      expect(run.value?.issues.length ?? 0).toBeLessThan(200);
    }
  }, 30_000);
});

describe('readQueryJsonl: cases the fuzzing found', () => {
  it('counts lines that start like null, true or false but are not JSON without parsing each (200,000 took 1.7 s)', () => {
    const text = 'not json\n'.repeat(200_000);
    const run = timed(() => readQueryJsonl({ name: 'notes.jsonl', text }));
    expect(run.ms).toBeLessThan(MAX_CASE_MS);
    // 20 listed one by one, the other 199,980 counted in one line (the last line is blank, so lines 21 to 200,000).
    expect(run.value?.issues.length).toBe(21);
    expect(run.value?.issues[20]?.message).toBe('…and 199980 more lines like this (not valid JSON), lines 21 to 200000; not listed one by one.');
  });

  it('still tells a JSON null or true line from a broken one, past the listed ones too', () => {
    const lines = [...Array.from({ length: 20 }, () => 'nope'), 'null', 'true', 'nul', 'false '];
    const issues = readQueryJsonl({ name: 'set.jsonl', text: lines.join('\n') }).issues;
    // Lines 21 and 22 are JSON (not objects); 23 and 24 are 'nul' (broken) and 'false ' (JSON).
    expect(issues.filter((issue) => issue.message.startsWith('…')).map((issue) => issue.message)).toEqual([
      '…and 1 more line like this (not valid JSON), line 23; not listed one by one.',
    ]);
    expect(issues.filter((issue) => / holds (null|a boolean)/.test(issue.message)).map((issue) => issue.line)).toEqual([21, 22, 24]);
  });
});
