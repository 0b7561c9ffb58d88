/**
 * Seeded fuzzing of the single-query qrels import (parseQrels): mutated qrels files and random text, with known
 * ids drawn from the file itself so that the judging paths are reached. It must never throw, stay fast, give
 * every skipped line its line number and a reason, and keep only known ids with grades 0..3.
 */
import { describe, expect, it } from 'vitest';
import { garbage, MAX_CASE_MS, mulberry32, mutate, pick, type Random, shown, timed } from './fuzz/fuzzInputs';
import { formatQrels, MAX_GRADE, parseQrels, qrelsReport, type ParsedQrels } from './qrels';

const CASES = 4000;
const SEED = 20261201;

const SAMPLES = [
  'q1 0 doc_1 2\nq1\t7\tdoc_2   0\r\n  q1 0 doc_3 3  \n',
  '# judged by hand\n\nq1 0 __proto__ 1\nq1 0 constructor 2\nq1 0 toString 0\nq1 0 hasOwnProperty 3\n',
  '301 0 FBIS3-10082 1\n301 0 LA-1 -1\n302 0 LA-1 4\n302 0 FBIS3-10082 x\n',
  'toString 0 __proto__ 1\nconstructor 0 toString 2\ntoString 0 __proto__ 2\n',
  'a 0 b 1 extra\nb 0\n\n   \n#\nc 0 d +2\n',
];

function makeInput(random: Random): string {
  const roll = random();
  if (roll < 0.15) return garbage(random);
  if (roll < 0.9) return mutate(pick(random, SAMPLES), random);
  return mutate(pick(random, SAMPLES).repeat(3 + Math.floor(random() * 30)), random);
}

/** Most whitespace-separated tokens of the file, so that many lines name a known document. */
function knownIdsOf(text: string, random: Random): Set<string> {
  return new Set(text.split(/\s+/).filter((token) => token !== '' && random() < 0.8));
}

function problemsOf(text: string, known: ReadonlySet<string>, qid: string | undefined, parsed: ParsedQrels): string[] {
  const problems: string[] = [];
  const lineCount = text.split(/\r?\n/).length;
  for (const skipped of parsed.skipped) {
    if (!Number.isInteger(skipped.line) || skipped.line < 1 || skipped.line > lineCount) problems.push(`skipped line ${skipped.line} of ${lineCount}`);
    if (skipped.reason.trim() === '') problems.push(`line ${skipped.line} skipped without a reason`);
  }
  const report = qrelsReport(parsed.skipped);
  // The report names a line for each skipped line it lists, and counts the rest.
  if (report !== null && !/^Could not use \d+ lines?: line \d+ \(/.test(report)) problems.push(`report without a line: ${report}`);
  for (const [docId, grade] of parsed.judgments) {
    if (!known.has(docId)) problems.push(`judged unknown id ${JSON.stringify(docId)}`);
    if (!Number.isInteger(grade) || grade < 0 || grade > MAX_GRADE) problems.push(`grade ${grade} for ${JSON.stringify(docId)}`);
  }
  // The query asked for is used; else the first in the file. One the file lacks is named in a note.
  if (parsed.queryId !== (qid ?? parsed.queryIds[0] ?? null)) problems.push(`used query ${String(parsed.queryId)}`);
  if (qid !== undefined && parsed.queryIds.length > 0 && !parsed.queryIds.includes(qid) && !parsed.notes.some((note) => note.includes(`'${qid}'`))) problems.push(`no note that ${qid} is missing`);
  if (parsed.notes.some((note) => note.trim() === '')) problems.push('an empty note');
  // Round trip: what was read, written back and read again, is the same judgments (ids from a split hold no whitespace).
  if (parsed.queryId !== null && parsed.judgments.size > 0) {
    const again = parseQrels(formatQrels(parsed.judgments, parsed.queryId), known, parsed.queryId);
    if (again.skipped.length > 0 || !sameMap(again.judgments, parsed.judgments)) problems.push(`round trip lost judgments: ${JSON.stringify([...again.judgments])}`);
  }
  return problems;
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

describe('parseQrels under fuzzing', () => {
  it(`never throws, stays fast, and places every skipped line: ${CASES} seeded cases`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    let judged = 0;
    let skippedAny = 0;
    for (let number = 0; number < CASES; number += 1) {
      const text = makeInput(random);
      const known = knownIdsOf(text, random);
      // Half the time the app asks for a query id (maybe one the file lacks, maybe a property name).
      const qid = random() < 0.5 ? undefined : pick(random, ['q1', '301', 'toString', '__proto__', 'missing', ...text.split(/\s+/).slice(0, 3)]);
      const run = timed(() => parseQrels(text, known, qid));
      const problems = run.value ? problemsOf(text, known, qid, run.value) : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if ((run.value?.judgments.size ?? 0) > 0) judged += 1;
      if ((run.value?.skipped.length ?? 0) > 0) skippedAny += 1;
      for (const problem of problems) failures.push(`case ${number} ${shown(text)} qid ${String(qid)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The generator reaches both paths it checks.
    expect(judged).toBeGreaterThan(CASES / 4);
    expect(skippedAny).toBeGreaterThan(CASES / 4);
  }, 60_000);

  it('stays fast on a huge file: 200,000 lines, a million-column line, a 2 MB id', () => {
    const huge = ['q 0 d 1\n'.repeat(200_000), ' 1'.repeat(1_000_000), `q 0 ${'x'.repeat(2_000_000)} 1`, 'bad\r'.repeat(300_000)];
    for (const text of huge) {
      const run = timed(() => parseQrels(text, new Set(['d'])));
      expect(run.thrown).toBeUndefined();
      expect(run.ms).toBeLessThan(MAX_CASE_MS);
    }
  });
});
