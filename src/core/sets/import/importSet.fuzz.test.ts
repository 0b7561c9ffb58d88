/**
 * Seeded fuzzing of a whole query-set import (importQuerySet): one to four files with random and mutated names
 * and contents, so kind detection, every reader and the linking meet together. It must never throw, stay fast,
 * name a given file and a line in it for every issue (or say why there is none), and build a consistent set.
 */
import { describe, expect, it } from 'vitest';
import { garbage, MAX_CASE_MS, mulberry32, mutate, pick, type Random, shown, timed } from '../../fuzz/fuzzInputs';
import type { ImportResult, SetFile } from '../types';
import { importQuerySet } from './index';
import { textLines } from './lines';
import { issueProblems } from './setFuzzChecks';

const CASES = 4000;
const SEED = 20261204;

/** Names that decide a kind, names that leave it to the content, and names that are odd in themselves. */
const NAMES = [
  'topics.txt', 'bm25.run', 'run.txt', 'qrels.txt', 'qrels/test.tsv', 'mini/qrels/dev.tsv', 'collection.tsv', 'mini/corpus.jsonl',
  'mini/queries.jsonl', 'set.jsonl', 'table.csv', 'table.tsv', 'data.txt', '', '/', '__proto__', 'constructor.run', 'toString/qrels',
  'qrels', 'topics', 'runs', 'é/😀.jsonl', 'a/b/c/corpus.jsonl',
];

const CONTENTS = [
  '<top>\n<num> Number: 301\n<title> cat food\n</top>\n<top>\n<num> Number: constructor\n<title> dog toys\n</top>\n',
  '301\tcat food\n__proto__\twhat is a prototype\ntoString\tstrings\n',
  'D1\tCats like fish.\nD2\tDry food for cats.\n__proto__\tA prototype document.\nD4\tUnrelated.\n',
  '301 Q0 D1 1 7.5 bm25\n301 Q0 D2 2 9.0 bm25\n301 Q0 D9 3 1.0 bm25\nconstructor Q0 __proto__ 1 3.0 bm25\n',
  '301 0 D2 2\n301 0 D4 1\nconstructor 0 __proto__ 1\n999 0 D1 1\n',
  'query-id\tcorpus-id\tscore\n301\tD1\t1\n__proto__\tD2\t2\n',
  '{"_id": "D1", "title": "", "text": "apple banana"}\n{"_id": "__proto__", "text": "apple"}\n{"_id": "c", "text": "cherry"}\n',
  '{"_id": "301", "text": "apple"}\n{"_id": "toString", "text": "cherry pie"}\n',
  '{"query": "cats", "query_id": "301", "documents": [{"id": "D1", "text": "Cats like fish.", "score": 2, "relevance": 1}, "plain"]}\n',
  '{"query": "mteb", "positive": ["a relevant passage"], "negative": ["not this one"]}\n',
  'qid,query,docid,text,score,relevance\n__proto__,cats,constructor,Cats purr.,2.5,1\n301,dogs,D2,,1,\n',
];

function makeFile(random: Random): SetFile {
  const roll = random();
  const text = roll < 0.1 ? garbage(random) : roll < 0.3 ? pick(random, CONTENTS) : mutate(pick(random, CONTENTS), random);
  const name = random() < 0.8 ? pick(random, NAMES) : mutate(pick(random, NAMES), random);
  return { name, text };
}

function makeFiles(random: Random): SetFile[] {
  const count = Math.floor(random() * 5); // 0 to 4 files: none at all is a case too.
  return Array.from({ length: count }, () => makeFile(random));
}

/** What is wrong with an import's answer, as sentences; empty when nothing is. */
function problemsOf(files: readonly SetFile[], result: ImportResult): string[] {
  const problems: string[] = [];
  // Two files may share a name: a line is in the file when it is in the longest of that name.
  const lineCounts = new Map<string, number>();
  for (const file of files) lineCounts.set(file.name, Math.max(lineCounts.get(file.name) ?? 0, textLines(file.text).length));
  const { report } = result;
  for (const issue of report.issues) {
    const lineCount = lineCounts.get(issue.file);
    if (lineCount === undefined) problems.push(`issue names file ${JSON.stringify(issue.file)}, which was not given`);
    else problems.push(...issueProblems(issue, lineCount));
  }
  for (const file of report.files) if (!lineCounts.has(file.name)) problems.push(`report lists file ${JSON.stringify(file.name)}`);
  const references = [...report.runLinesWithoutText, ...report.qrelsForUnknownQueries, ...report.qrelsForUnknownDocuments, ...report.runLinesForUnknownQueries];
  for (const reference of references) {
    const lineCount = lineCounts.get(reference.file) ?? 0;
    if (!Number.isInteger(reference.line) || reference.line < 1 || reference.line > lineCount) problems.push(`reference to ${reference.file} line ${reference.line} of ${lineCount}`);
  }
  if (!result.ok) {
    if (result.message.trim() === '') problems.push('no message');
    return problems;
  }
  const { set } = result;
  if (set.name.trim() === '') problems.push('a set without a name');
  const queryIds = new Set<string>();
  for (const query of set.queries) {
    if (query.id === '' || queryIds.has(query.id)) problems.push(`query id ${JSON.stringify(query.id)} empty or repeated`);
    queryIds.add(query.id);
    if (query.text === '') problems.push(`query ${query.id} has no text`);
    const candidateIds = new Set(query.candidates.map((candidate) => candidate.docId));
    if (candidateIds.size !== query.candidates.length) problems.push(`query ${query.id} lists a document twice`);
    for (const docId of candidateIds) if (!set.documents.has(docId)) problems.push(`candidate ${docId} of ${query.id} has no text`);
    for (const [docId, grade] of query.judgments) {
      if (!set.documents.has(docId)) problems.push(`judged ${docId} of ${query.id} has no text`);
      if (!Number.isInteger(grade) || grade < 0) problems.push(`grade ${grade}`);
    }
    if (query.candidates.some((candidate) => candidate.score !== undefined && !Number.isFinite(candidate.score))) problems.push(`a score of ${query.id} is not finite`);
  }
  if (report.queries !== set.queries.length || report.documents !== set.documents.size) problems.push('report counts differ from the set');
  return problems;
}

describe('importQuerySet under fuzzing', () => {
  it(`never throws, stays fast, and places every issue: ${CASES} seeded imports of up to 4 files`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    let sets = 0;
    let refused = 0;
    const kinds = new Set<string>();
    for (let number = 0; number < CASES; number += 1) {
      const files = makeFiles(random);
      const run = timed(() => importQuerySet(files, { corpusTopK: pick(random, [1, 10, 100, 0, -5, Number.NaN, 1e9]) }));
      const problems = run.value ? problemsOf(files, run.value) : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if (run.value?.ok === true) sets += 1;
      else refused += 1;
      for (const file of run.value?.report.files ?? []) kinds.add(file.kind);
      for (const problem of problems) failures.push(`case ${number} ${files.map((file) => `${JSON.stringify(file.name)}: ${shown(file.text, 120)}`).join(' + ')}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The generator reaches both outcomes, and every reader.
    expect(sets).toBeGreaterThan(CASES / 5);
    expect(refused).toBeGreaterThan(CASES / 10);
    expect(kinds.size).toBe(9);
  }, 60_000);
});

describe('importQuerySet: cases the fuzzing found', () => {
  it('names a set whose main file has a blank name "Imported set", not ""', () => {
    for (const name of ['', ' ', '/', ' / ']) {
      const result = importQuerySet([{ name, text: 'qid,query,text\n__proto__,cats,Cats purr.\n' }]);
      expect(result.ok && result.set.name, JSON.stringify(name)).toBe('Imported set');
    }
    const named = importQuerySet([{ name: 'sets//pairs.csv', text: 'qid,query,text\n__proto__,cats,Cats purr.\n' }]);
    expect(named.ok && named.set.name).toBe('pairs.csv');
    // A blank last segment falls back to the folder's name.
    const inFolder = importQuerySet([{ name: 'pairs/ ', text: 'qid,query,text\n__proto__,cats,Cats purr.\n' }]);
    expect(inFolder.ok && inFolder.set.name).toBe('pairs');
  });
});
