/**
 * Feeds thousands of seeded random and mutated files to every line-based reader. A reader must never throw,
 * never take long, and locate every error it reports (or say why it cannot).
 */
import { describe, expect, it } from 'vitest';
import type { SetFile, SetFileParts } from '../types';
import { readBeirQueries } from './beirQueries';
import { readCollection } from './collection';
import { textLines } from './lines';
import { readQrelsFile } from './qrelsFile';
import { readTrecRun } from './trecRun';
import { readTrecTopics } from './trecTopics';
import { mulberry32, pick } from '../../fuzz/fuzzInputs';

const READERS: [string, (file: SetFile) => SetFileParts][] = [
  ['readTrecTopics', readTrecTopics],
  ['readTrecRun', readTrecRun],
  ['readQrelsFile', readQrelsFile],
  ['readCollection', readCollection],
  ['readBeirQueries', readBeirQueries],
];


const SAMPLES = [
  '<top>\n<num> Number: 301\n<title> International Organized Crime\n<desc> Description:\nIdentify organizations.\n<narr> Narrative:\nA relevant document.\n</top>\n',
  '<top><num>51</num><title>Airbus Subsidies</title></top>\r\n<top> <num> __proto__ <title> toString',
  'qid\tquery\n1037798\twho is robert gray\n__proto__\twhat is a prototype\n',
  '# run\n301 Q0 FBIS3-10082 1 12.5 bm25\n301 Q0 constructor 2 -3e-2 bm25\n302\tQ0\td\t1\t7\tbm25\n',
  '301 0 FBIS3-10082 1\n301 0 __proto__ -1\n302 0 LA-1 4\n',
  'query-id\tcorpus-id\tscore\nPLAIN-1\tMED-2421\t2\ntoString\t__proto__\t1\n',
  '{"_id": "MED-10", "title": "Statin Use", "text": "Recent studies."}\n{"_id": "__proto__", "text": "x"}\n',
  '{"id": "d1", "contents": "hello"}\r{"docid": 5, "body": "world", "title": null}\n',
  'id\ttext\ttitle\n1\tAaron is a prophet.\tAaron\n0\tThe presence of communication.\n',
  '{"_id": "PLAIN-2", "text": "Do statins cause cancer?", "metadata": {}}\n{"query_id": 7, "query": "numbers"}\n',
];

/** Characters that break formats: separators, quotes, braces, tags, line ends, BOMs, surrogate halves, wide and odd unicode. */
const NASTY = ['\t', ' ', '"', "'", '{', '}', '[', ']', ':', ',', '\\', '<', '>', '/', '#', '\r', '\n', '\r\n', '\uFEFF', '\u0000', '\u2028', '\uD800', '\uDC00', '😀', 'é', '\u00A0', '-', '.', 'e', '9', 'Q0', '<top>', '<num>', '<title>', '</top>', '__proto__', 'NaN', 'Infinity'];

function randomText(random: () => number): string {
  const length = Math.floor(random() * 200);
  let text = '';
  for (let i = 0; i < length; i += 1) text += random() < 0.6 ? pick(random, NASTY) : String.fromCharCode(32 + Math.floor(random() * 95));
  return text;
}

function mutate(random: () => number, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 8);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(random() * (out.length + 1));
    const roll = random();
    if (roll < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5)); // delete a few
    else if (roll < 0.5) out = out.slice(0, at) + out.slice(at, at + 1 + Math.floor(random() * 20)) + out.slice(at); // duplicate a run
    else if (roll < 0.9) out = out.slice(0, at) + pick(random, NASTY) + out.slice(at); // insert a nasty one
    else out = out.slice(0, at) + out.slice(at).repeat(1 + Math.floor(random() * 3)); // repeat the tail
  }
  return out;
}

function makeCase(seed: number): string {
  const random = mulberry32(seed);
  const roll = random();
  if (roll < 0.2) return randomText(random);
  if (roll < 0.85) return mutate(random, pick(random, SAMPLES));
  // Two samples glued together, then mutated: formats mixed in one file.
  return mutate(random, pick(random, SAMPLES) + pick(random, ['\n', '\r', '', '\t']) + pick(random, SAMPLES));
}

/** Issues without a line must say why: a count of unlisted lines, or a fact about the whole file. */
const SAYS_WHY_NO_LINE = /not listed one by one|at all/;

/** What is wrong with a reader's answer, as sentences; empty when nothing is. (One expect per case keeps 15,000 checks fast.) */
function problemsOf(parts: SetFileParts, file: SetFile): string[] {
  const problems: string[] = [];
  const lineCount = textLines(file.text).length;
  const inFile = (line: number) => Number.isInteger(line) && line >= 1 && line <= lineCount;
  if (parts.file !== file.name) problems.push(`file is ${parts.file}`);
  for (const issue of parts.issues) {
    if (issue.file !== file.name) problems.push(`issue names file ${issue.file}`);
    if (issue.message === '' || issue.message.includes('internal error')) problems.push(`issue message: ${JSON.stringify(issue.message)}`);
    if (issue.line !== undefined && !inFile(issue.line)) problems.push(`issue line ${issue.line} of ${lineCount}`);
    if (issue.line === undefined && issue.severity === 'error' && !SAYS_WHY_NO_LINE.test(issue.message)) problems.push(`error without a line: ${issue.message}`);
  }
  for (const record of [...(parts.topics ?? []), ...(parts.documents ?? [])]) {
    if (record.id === '' || record.id !== record.id.trim()) problems.push(`id ${JSON.stringify(record.id)}`);
    if (record.text === '') problems.push(`empty text for ${record.id}`);
    if (!inFile(record.line)) problems.push(`record line ${record.line} of ${lineCount}`);
  }
  for (const record of [...(parts.run ?? []), ...(parts.qrels ?? [])]) {
    if (record.queryId === '' || record.docId === '') problems.push(`empty id on line ${record.line}`);
    if (!inFile(record.line)) problems.push(`record line ${record.line} of ${lineCount}`);
  }
  for (const line of parts.run ?? []) if (!Number.isFinite(line.score) || !Number.isInteger(line.rank)) problems.push(`run line ${line.line}`);
  for (const qrel of parts.qrels ?? []) if (!Number.isInteger(qrel.grade) || qrel.grade < 0) problems.push(`grade on line ${qrel.line}`);
  return problems;
}

const TIME_LIMIT_MS = 2000;

/** Reads `file`, answering what went wrong: a throw, a slow read, or a bad answer. */
function readAndCheck(read: (file: SetFile) => SetFileParts, file: SetFile): { parts?: SetFileParts; problems: string[] } {
  const started = performance.now();
  let parts: SetFileParts;
  try {
    parts = read(file);
  } catch (error) {
    return { problems: [`threw ${String(error)}`] };
  }
  const took = performance.now() - started;
  const problems = problemsOf(parts, file);
  if (took > TIME_LIMIT_MS) problems.push(`took ${Math.round(took)} ms`);
  return { parts, problems };
}

const CASES = 3000;

describe('line readers under random and mutated input', () => {
  it(`survive ${CASES} seeded cases, each reader on each case`, () => {
    const failures: string[] = [];
    /** Cases where each reader found at least one record: the mutations must reach the paths that succeed too. */
    const withRecords = new Map<string, number>();
    for (let seed = 1; seed <= CASES; seed += 1) {
      const file: SetFile = { name: `case-${seed}.txt`, text: makeCase(seed) };
      for (const [name, read] of READERS) {
        const { parts, problems } = readAndCheck(read, file);
        if (problems.length > 0) failures.push(`${name} on seed ${seed}: ${problems.join('; ')}`);
        const records = (parts?.topics?.length ?? 0) + (parts?.run?.length ?? 0) + (parts?.qrels?.length ?? 0) + (parts?.documents?.length ?? 0);
        if (records > 0) withRecords.set(name, (withRecords.get(name) ?? 0) + 1);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    for (const [name] of READERS) expect(withRecords.get(name) ?? 0, name).toBeGreaterThan(CASES / 20);
  }, 120_000);

  it('stay fast on huge pathological lines and files', () => {
    const huge = [
      '<a '.repeat(700_000), // stray tag openings for the SGML topic reader
      '<top><num>'.repeat(200_000), // a topic opened again and again
      '{'.repeat(1_000_000), // deep JSON for the JSON explainer
      `{"_id": "a", "text": "${'x'.repeat(2_000_000)}`, // a string that never ends
      '\t'.repeat(1_000_000), // an empty field a million times
      ' 1'.repeat(1_000_000), // a million columns
      'q Q0 d 1 1 r\n'.repeat(200_000), // 200,000 duplicate run lines
      'bad\r'.repeat(300_000), // 300,000 CR-ended errors
    ];
    const failures: string[] = [];
    for (const [index, text] of huge.entries()) {
      const file: SetFile = { name: `huge-${index}.txt`, text };
      for (const [name, read] of READERS) {
        const { parts, problems } = readAndCheck(read, file);
        // Capped: a few kinds of issue, each at most 20 listed plus one summary.
        if (parts && parts.issues.length > 200) problems.push(`${parts.issues.length} issues listed`);
        if (problems.length > 0) failures.push(`${name} on huge input ${index}: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
