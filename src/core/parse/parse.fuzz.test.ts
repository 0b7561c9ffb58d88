import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { FieldMapping, InputFormat, ParseOptions, ParseResult, TextMode } from './types';
import { mulberry32, pick, type Random, randomInt, randomUnit } from '../fuzz/fuzzInputs';

/**
 * Seeded fuzzing of parseDocuments: valid samples of every format, mutated, plus random garbage, through every
 * format option. Whatever the input, the parser must return (never throw), quickly, with every error placed
 * (a line or an item) or worded as being about the whole input, and with unique, non-empty ids.
 */

const CASES = 4000;
const SEED = 20240607;
/** Per parse. Inputs are at most a few KB, so even this is very generous: it only catches runaway work. */
const MAX_MS = 2000;

/**
 * The rule for errors with neither `line` nor `item`: the message opens by naming the whole input ("The JSON ...",
 * "The input ..."), which is why it has no one place, or it is the count standing for errors not listed ("…and 3 more").
 */
const WHOLE_INPUT_MESSAGE = /^(?:The JSON |The input |…and \d+ more )/;


const SAMPLES = [
  'alpha beta\ngamma delta\nepsilon',
  'first paragraph\nstill first\n\nsecond paragraph\nmore\n\n\nthird',
  'windows line\r\nsecond\r\n\r\nthird para\r\nwraps',
  'old mac\rlines\r\rparagraph\rtwo',
  '["first document", "second document", "third"]',
  '[{"id":"d1","text":"Alpha, beta","score":0.9,"relevance":2},{"id":"d2","text":"Gamma","score":0.4}]',
  '{"documents":[{"id":"__proto__","text":"proto doc","score":1},{"id":"constructor","text":"ctor","score":2},{"id":"toString","text":"ts","score":3}]}',
  '{"hits":{"hits":[{"_id":"h1","_score":3.2,"_source":{"body":"hit one","toString":"x"}},{"_id":"h2","_score":1e400,"_source":{"body":"hit two"}}]}}',
  '{"results":[{"index":0,"relevance_score":0.91,"document":{"text":"cohere one"}},{"index":1,"relevance_score":0.2,"document":{"text":"two"}}]}',
  '{"id":"a","text":"one","score":2}\n\n{"id":"b","text":"two","score":"0.5"}\n{"id":"a","text":"dup"}',
  '"first"\r\n"second"\r\n"third"',
  'id,text,score,label\nd1,"Hello, ""world""\nsecond line",0.5,1\nd2,plain,0x1F,4\nd3,,1e400,2\n',
  '__proto__,constructor,toString\nfirst,c1,t1\nsecond,c2,t2\n',
  'text,text,text_2,\na,b,c,d\n',
  'id\ttext\trelevance\na\tHello, world\t2\nb\t"quoted\ttab"\t7\n',
  'id\ttext\rx\ty\rz\t"multi\rline"\r',
  '\uFEFF[{"ID":"A","Text":"B","Score":"1","QREL":"+2"}]',
  '[\n  {"id": 1, "text": "trailing comma"},\n]',
];

const NOISE = [
  '\t', ',', '"', "'", '{', '}', '[', ']', ':', '\\', '\r', '\n', '\r\n', '\n\n', ' ', '\uFEFF', '\u0000', '\u2028',
  '\uD800', '\uDFFF', '😀', 'é', '1e400', '-', '0x1F', 'null', 'NaN', '__proto__', 'constructor', 'toString', '"text"', '""',
];

const FIELD_CHOICES: FieldMapping[] = [
  {},
  {},
  { text: '__proto__' },
  { id: 'constructor', score: 'toString' },
  { text: '', id: '', score: '', relevance: '' },
  { text: 'body', id: '_id', relevance: 'label' },
];

function mutate(sample: string, random: Random): string {
  let text = sample;
  const edits = 1 + randomInt(random, 8);
  for (let i = 0; i < edits; i += 1) {
    const at = randomInt(random, text.length + 1);
    const span = 1 + randomInt(random, 12);
    const roll = random();
    if (roll < 0.25) text = text.slice(0, at) + text.slice(at + span); // delete
    else if (roll < 0.4) text = text.slice(0, at) + text.slice(at, at + span).repeat(2 + randomInt(random, 3)) + text.slice(at + span); // duplicate
    else if (roll < 0.8) text = text.slice(0, at) + pick(random, NOISE) + text.slice(at); // insert a token
    else text = text.slice(0, at) + randomUnit(random) + text.slice(at); // insert any character
  }
  return text;
}

function garbage(random: Random): string {
  let text = '';
  const length = randomInt(random, 200);
  for (let i = 0; i < length; i += 1) text += random() < 0.5 ? pick(random, NOISE) : randomUnit(random);
  return text;
}

interface FuzzCase {
  number: number;
  input: string;
  fields: FieldMapping;
}

function makeInput(random: Random): string {
  const roll = random();
  if (roll < 0.75) return mutate(pick(random, SAMPLES), random);
  // Many rows of one sample, so per-kind issue caps ("…and N more") and id renaming get exercised.
  if (roll < 0.85) return mutate(pick(random, SAMPLES).repeat(5 + randomInt(random, 40)), random);
  return garbage(random);
}

function makeCases(): FuzzCase[] {
  const random = mulberry32(SEED);
  return Array.from({ length: CASES }, (_, number) => ({ number, input: makeInput(random), fields: pick(random, FIELD_CHOICES) }));
}

/** How often each kind of error turned up over all runs: shows the fuzzing reaches the paths it checks. */
const seen = { placedErrors: 0, wholeInputErrors: 0, cappedSummaries: 0, candidates: 0 };

/** What is wrong with one result, in words; empty when all is well. */
function problemsWith(result: ParseResult): string[] {
  const problems: string[] = [];
  seen.candidates += result.candidates.length;
  for (const issue of result.issues) {
    if (issue.severity !== 'error') continue;
    if (issue.line !== undefined || issue.item !== undefined) seen.placedErrors += 1;
    else if (WHOLE_INPUT_MESSAGE.test(issue.message)) seen[issue.message.startsWith('…') ? 'cappedSummaries' : 'wholeInputErrors'] += 1;
    else problems.push(`error with no line or item, not worded as about the whole input: ${JSON.stringify(issue.message)}`);
  }
  if (result.issues.some((issue) => issue.message.trim() === '')) problems.push('an issue with an empty message');
  const ids = result.candidates.map((candidate) => candidate.id);
  if (ids.some((id) => typeof id !== 'string' || id === '')) problems.push(`an empty or non-string id in ${JSON.stringify(ids)}`);
  if (new Set(ids).size !== ids.length) problems.push(`duplicate ids in ${JSON.stringify(ids)}`);
  result.candidates.forEach((candidate, index) => {
    if (candidate.index !== index) problems.push(`candidate ${index} has index ${candidate.index}`);
    if (candidate.text === '') problems.push(`candidate ${candidate.id} has no text`);
  });
  return problems;
}

const RUNS: { format: InputFormat; textMode: TextMode | 'auto' }[] = [
  { format: 'auto', textMode: 'lines' },
  { format: 'auto', textMode: 'paragraphs' },
  { format: 'text', textMode: 'lines' },
  { format: 'text', textMode: 'paragraphs' },
  { format: 'json', textMode: 'auto' },
  { format: 'jsonl', textMode: 'auto' },
  { format: 'csv', textMode: 'auto' },
  { format: 'tsv', textMode: 'auto' },
];

describe('parseDocuments under fuzzing', () => {
  const cases = makeCases();

  it('makes varied inputs (the generator itself works)', () => {
    expect(new Set(cases.map((fuzz) => fuzz.input)).size).toBeGreaterThan(CASES * 0.95);
    expect(cases.some((fuzz) => /[\uD800-\uDFFF]/.test(fuzz.input))).toBe(true);
    expect(cases.some((fuzz) => fuzz.input.includes('\r'))).toBe(true);
  });

  it.each(RUNS)('never throws, stays fast, places every error and keeps ids unique: format $format, text mode $textMode', ({ format, textMode }) => {
    const failures: string[] = [];
    let slowest = 0;
    for (const fuzz of cases) {
      const options: ParseOptions = { format, textMode, fields: fuzz.fields };
      const started = performance.now();
      let problems: string[];
      try {
        problems = problemsWith(parseDocuments(fuzz.input, options));
      } catch (error) {
        problems = [`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
      }
      const took = performance.now() - started;
      slowest = Math.max(slowest, took);
      if (took > MAX_MS) problems.push(`took ${took.toFixed(0)} ms`);
      for (const problem of problems) failures.push(`case ${fuzz.number} ${JSON.stringify(fuzz.input.slice(0, 300))} fields ${JSON.stringify(fuzz.fields)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(slowest).toBeLessThanOrEqual(MAX_MS);
  }, 60_000);

  it('reached every kind of error it checks (runs after the fuzzing above)', () => {
    expect(seen.placedErrors).toBeGreaterThan(100);
    expect(seen.wholeInputErrors).toBeGreaterThan(10);
    expect(seen.cappedSummaries).toBeGreaterThan(10);
    expect(seen.candidates).toBeGreaterThan(CASES);
  });
});
