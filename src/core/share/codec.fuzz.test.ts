/**
 * Seeded fuzzing of the share codec: random strings, mutated valid links (characters flipped, added, deleted,
 * cut off, base64 junk, huge lengths, other formats), crafted links that carry mutated JSON under a correct
 * checksum, and mutated session files (text and JSON-tree mutations). Nothing may throw or take long; every
 * failure names the part of the link or file it is about; and whatever opens can be written again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { garbage, MAX_CASE_MS, mulberry32, mutate, mutateJson, NOISE, pick, type Random, randomInt, shown, timed, timedAsync } from '../fuzz/fuzzInputs';
import { UNLOCATED_HINT } from '../parse/jsonError';
import type { Result } from '../types';
import { encodeBase64url } from './base64url';
import { platformDeflateRaw } from './compression';
import { crc32Hex } from './crc32';
import type { ShareError } from './failures';
import { decodeShareParam, encodeShareParam } from './link';
import { samplePasteSetup, sampleSetSetup } from './sampleSetups';
import { readSessionFile, writeSessionFile } from './sessionFile';
import type { SharedSetup } from './types';

const LINK_CASES = 2500;
const CRAFTED_CASES = 700;
const FILE_CASES = 2500;
const SEED = 20261205;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** What a link meets on its way: its own alphabet, separators, spaces and breaks from mail clients, percent escapes. */
const LINK_NOISE = [...BASE64URL, '.', '..', ' ', '\n', '%20', '%', '=', '+', '/', '&s=', '#', ')', "'", ...NOISE];

/**
 * Where each kind of failure is, as its message must say it: a character's position, the link's length, the
 * field at fault, the JSON's line and column (or why there is none), or the part of the link or file at fault.
 */
function placeProblem(error: ShareError, subject: string): string | null {
  const { failure, message } = error;
  if (!message.startsWith(subject)) return `message does not name ${subject}`;
  switch (failure.kind) {
    case 'bad-character':
    case 'bad-padding':
      return message.includes(`character ${(failure.position + 1).toLocaleString('en-US')} of its data`) ? null : 'no character position';
    case 'cut-off':
      return message.includes(`after ${failure.length.toLocaleString('en-US')} characters`) ? null : 'no length';
    case 'bad-length':
      return message.includes(`(${failure.length.toLocaleString('en-US')} characters)`) ? null : 'no length';
    case 'not-json':
      if (failure.at) return message.includes(`at line ${failure.at.line}, column ${failure.at.column}`) ? null : 'no line and column';
      return message.includes(UNLOCATED_HINT) ? null : 'no line and column, and no reason why';
    case 'invalid':
      return failure.where !== '' && message.includes(`at ${failure.where}, `) ? null : `no field (${JSON.stringify(failure.where)})`;
    case 'not-a-share-link':
      return message.includes('setup part') ? null : 'does not name the setup part';
    case 'unpack-failed':
    case 'not-text':
      return message.includes('its data') ? null : 'does not name the data';
    case 'checksum':
      return message.includes('checksum') ? null : 'does not name the checksum';
    case 'too-large':
      return message.includes('unpacks to more than') ? null : 'does not say what is too large';
    case 'not-ours':
      return message.includes('"app"') ? null : 'does not name the "app" field';
    case 'no-version':
      return message.includes('"version" field') ? null : 'does not name the "version" field';
    case 'newer':
    case 'older-unreadable':
      return message.includes(`format ${failure.version}`) ? null : 'does not name the format';
    default:
      return `unexpected failure ${failure.kind}`;
  }
}

/** What is wrong with one decode's answer, as sentences: a misplaced failure, or a setup that would not save again. */
function answerProblems(result: Result<SharedSetup, ShareError>, subject: string): string[] {
  if (!result.ok) {
    const problem = placeProblem(result.error, subject);
    return problem === null ? [] : [`${result.error.failure.kind}: ${problem}: ${result.error.message}`];
  }
  const again = writeSessionFile(result.value, { includeScores: true, secrets: [] });
  return again.ok ? [] : [`opened, but would not be written again: ${again.error.message}`];
}

function mutateLink(valid: string, random: Random): string {
  const roll = random();
  if (roll < 0.1) return valid.slice(0, randomInt(random, valid.length)); // cut off
  if (roll < 0.2) return `${pick(random, ['0', '2', '1', '01', '999999', '1e1', '-1', ''])}${valid.slice(1)}`; // another format
  if (roll < 0.3) return `${valid}${pick(random, ['.', ').', ',', '!?', '"', '\n', ' '])}`; // a sentence's end
  if (roll < 0.4) {
    const dot = valid.lastIndexOf('.');
    return `1.${garbage(random, 300, [...BASE64URL])}${valid.slice(dot)}`; // base64 junk, a real checksum
  }
  if (roll < 0.45) return `1.${'A'.repeat(pick(random, [1, 5, 4096, 1_000_001, 3_000_000]))}.${'0'.repeat(8)}`; // huge lengths
  if (roll < 0.5) {
    const at = randomInt(random, valid.length);
    const flipped = BASE64URL.charAt((BASE64URL.indexOf(valid.charAt(at)) + 1 + randomInt(random, 63)) % 64);
    return `${valid.slice(0, at)}${flipped}${valid.slice(at + 1)}`; // one character flipped within the alphabet
  }
  return mutate(valid, random, LINK_NOISE);
}

/** A link that carries `json` under a correct checksum: damage the checksum cannot catch reaches the schema. */
async function craftedLink(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  return `1.${encodeBase64url(await platformDeflateRaw.deflate(bytes))}.${crc32Hex(bytes)}`;
}

function fileTextOf(setup: SharedSetup): string {
  const written = writeSessionFile(setup, { includeScores: true, secrets: [] });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

function mutateFile(valid: string, random: Random): string {
  const roll = random();
  if (roll < 0.1) return garbage(random);
  if (roll < 0.2) return valid.slice(0, randomInt(random, valid.length)); // truncated
  if (roll < 0.3) return `\uFEFF${mutate(valid, random)}`;
  if (roll < 0.65) return mutate(valid, random);
  return JSON.stringify(mutateJson(JSON.parse(valid), random), null, random() < 0.5 ? 2 : undefined);
}

describe('share links under fuzzing', () => {
  const validLinks: string[] = [];
  const validDocuments: string[] = [];
  beforeAll(async () => {
    for (const setup of [samplePasteSetup(), sampleSetSetup()]) {
      const encoded = await encodeShareParam(setup, { secrets: [] });
      if (!encoded.ok) throw new Error(encoded.error.message);
      validLinks.push(encoded.value.slice(2));
      validDocuments.push(fileTextOf(setup));
    }
  });

  it(`never throw, stay fast, and say where a link is damaged: ${LINK_CASES} random and mutated links`, async () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (let number = 0; number < LINK_CASES; number += 1) {
      const value = random() < 0.1 ? garbage(random, 300, LINK_NOISE) : mutateLink(pick(random, validLinks), random);
      const run = await timedAsync(() => decodeShareParam(value));
      const problems = run.value ? answerProblems(run.value, 'This link') : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if (run.value && !run.value.ok) kinds.add(run.value.error.failure.kind);
      for (const problem of problems) failures.push(`link case ${number} ${shown(value)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The mutations reach the failures the link's own layers tell apart.
    for (const kind of ['not-a-share-link', 'cut-off', 'bad-character', 'bad-length', 'checksum', 'unpack-failed', 'newer', 'older-unreadable']) expect(kinds, kind).toContain(kind);
  }, 60_000);

  it(`never throw, stay fast, and name the field: ${CRAFTED_CASES} crafted links of mutated JSON`, async () => {
    const random = mulberry32(SEED + 1);
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (let number = 0; number < CRAFTED_CASES; number += 1) {
      const json = mutateFile(pick(random, validDocuments), random);
      const value = await craftedLink(json);
      const run = await timedAsync(() => decodeShareParam(value));
      const problems = run.value ? answerProblems(run.value, 'This link') : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if (run.value && !run.value.ok) kinds.add(run.value.error.failure.kind);
      for (const problem of problems) failures.push(`crafted case ${number} ${shown(json)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    for (const kind of ['not-json', 'invalid', 'not-ours']) expect(kinds, kind).toContain(kind);
  }, 60_000);
});

describe('session files under fuzzing', () => {
  it(`never throw, stay fast, and say where a file is wrong: ${FILE_CASES} random and mutated files`, () => {
    const random = mulberry32(SEED + 2);
    const valid = [fileTextOf(samplePasteSetup()), fileTextOf(sampleSetSetup())];
    const failures: string[] = [];
    const kinds = new Set<string>();
    let opened = 0;
    for (let number = 0; number < FILE_CASES; number += 1) {
      const text = mutateFile(pick(random, valid), random);
      const name = pick(random, ['lesson.rerank.json', '__proto__', '']);
      const run = timed(() => readSessionFile(text, name));
      const problems = run.value ? answerProblems(run.value, `The file "${name}"`) : [`threw ${run.thrown ?? ''}`];
      if (run.ms > MAX_CASE_MS) problems.push(`took ${run.ms.toFixed(0)} ms`);
      if (run.value?.ok === true) opened += 1;
      else if (run.value) kinds.add(run.value.error.failure.kind);
      for (const problem of problems) failures.push(`file case ${number} ${shown(text)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    for (const kind of ['not-json', 'invalid', 'not-ours', 'no-version', 'newer']) expect(kinds, kind).toContain(kind);
    expect(opened).toBeGreaterThan(0);
  }, 60_000);
});
