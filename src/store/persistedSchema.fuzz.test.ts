/**
 * Seeded fuzzing of reading a save back: random and mutated saved JSON through createSafeStorage (the frame) and
 * validateSavedFields (each field). Nothing may throw or take long; a damaged frame is copied before anything can
 * overwrite it, a newer one is left alone, each with a message; and every field that is dropped is named.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { garbage, MAX_CASE_MS, mulberry32, mutate, mutateJson, pick, type Random, shown, timed } from '../core/fuzz/fuzzInputs';
import { persistedFields, type PersistedField, validateSavedFields } from './persistedSchema';
import { backupKey, createSafeStorage } from './safeStorage';

const CASES = 3000;
const SEED = 20261206;
const NAME = 'rerank-playground';
const VERSION = 2;

/** A save with every field valid, ids that are property names included. */
const VALID_STATE = {
  query: 'what is a cross-encoder?',
  documentsText: 'id,text\n__proto__,A document.\nconstructor,Another.\n',
  format: 'csv', textMode: 'auto', fields: { text: 'text', id: 'id' }, presetId: null, fileName: 'hits.csv', formatFromFile: true,
  largeDocumentsSaved: false, firstStage: 'hybrid',
  dense: { model: 'Xenova/e5-small-v2', device: 'wasm', dtype: 'q8', pooling: 'mean', queryPrefix: 'query: ', documentPrefix: null, maxLength: 512, batchSize: 8 },
  hybrid: { method: 'rrf', k: 60, weight: 0.5 }, bm25: { k1: 1.2, b: 0.75, stem: true, stopwords: false }, topN: 20, scoreDisplay: 'raw',
  highlightQueryTerms: true, judgmentsByQuery: [['what is a cross-encoder?', [['__proto__', 3], ['constructor', null], ['toString', 0]]]],
  metricK: 10, gain: 'exponential', corpusTopK: 100, setMetric: 'ndcg',
  columns: [{ id: 'col_1', config: { kind: 'local', model: 'Xenova/bge-reranker-base', device: 'auto', dtype: 'auto', maxLength: 512, batchSize: 8 } }],
};

const FIELDS = Object.keys(persistedFields) as PersistedField[];

/** What each kind of field must be once it passed, checked without the schema: no wrong type reaches the store. */
const STRING_FIELDS: readonly PersistedField[] = ['query', 'documentsText', 'format', 'textMode', 'firstStage', 'scoreDisplay', 'gain', 'setMetric'];
const WHOLE_NUMBER_FIELDS: readonly PersistedField[] = ['topN', 'metricK', 'corpusTopK'];
const BOOLEAN_FIELDS: readonly PersistedField[] = ['formatFromFile', 'largeDocumentsSaved', 'highlightQueryTerms'];

function validateProblems(saved: unknown): string[] {
  const run = timed(() => validateSavedFields(saved));
  if (!run.value) return [`threw ${run.thrown ?? ''}`];
  const problems: string[] = run.ms > MAX_CASE_MS ? [`took ${run.ms.toFixed(0)} ms`] : [];
  const { values, dropped } = run.value;
  const isRecord = typeof saved === 'object' && saved !== null && !Array.isArray(saved);
  const present = isRecord ? FIELDS.filter((field) => Object.hasOwn(saved, field)) : [];
  for (const key of Object.keys(values)) if (!present.includes(key as PersistedField)) problems.push(`kept ${key}, which the save does not have`);
  // Every present field is either kept or named as dropped, each name once and in words.
  if (isRecord && Object.keys(values).length + dropped.length !== present.length) problems.push(`${present.length} fields present, ${Object.keys(values).length} kept, ${dropped.length} named`);
  if (new Set(dropped).size !== dropped.length || dropped.some((label) => !/^(the |k$|top N$|where |everything )/.test(label))) problems.push(`dropped labels ${JSON.stringify(dropped)}`);
  if (!isRecord && saved !== undefined && dropped.length !== 1) problems.push('a save that is not an object, not named');
  for (const field of STRING_FIELDS) if (field in values && typeof values[field] !== 'string') problems.push(`${field} kept as ${typeof values[field]}`);
  for (const field of BOOLEAN_FIELDS) if (field in values && typeof values[field] !== 'boolean') problems.push(`${field} kept as ${typeof values[field]}`);
  for (const field of WHOLE_NUMBER_FIELDS) {
    const value = values[field];
    if (field in values && !(typeof value === 'number' && Number.isInteger(value) && value >= 1)) problems.push(`${field} kept as ${String(value)}`);
  }
  return problems;
}

function makeRaw(random: Random): string {
  const roll = random();
  const valid = JSON.stringify({ state: VALID_STATE, version: VERSION });
  if (roll < 0.1) return garbage(random);
  if (roll < 0.2) return valid.slice(0, Math.floor(random() * valid.length)); // truncated
  if (roll < 0.4) return mutate(valid, random);
  if (roll < 0.55) return JSON.stringify({ state: pick(random, [5, 'x', null, [], [1], true, {}]), version: pick(random, [1, 2, 3, '2', null]) });
  const version = pick(random, [VERSION, VERSION, 1, 0, -1, 3, 1e6, '2', null, 2.5]);
  return JSON.stringify({ state: mutateJson(VALID_STATE, random), version });
}

/** A Map-backed storage; the same object stands in for localStorage, where the backup goes. */
function memoryStorage(raw: string) {
  const items = new Map([[NAME, raw]]);
  return { items, getItem: (name: string) => items.get(name) ?? null, setItem: (name: string, value: string) => void items.set(name, value), removeItem: (name: string) => void items.delete(name) };
}

function storageProblems(raw: string): { problems: string[]; state?: unknown } {
  const storage = memoryStorage(raw);
  vi.stubGlobal('localStorage', storage);
  const messages: string[] = [];
  const safe = createSafeStorage<unknown>(storage, VERSION, { onRestoreProblem: (message) => messages.push(message) });
  const run = timed(() => safe.getItem(NAME));
  if (run.thrown !== undefined) return { problems: [`threw ${run.thrown}`] };
  const problems: string[] = run.ms > MAX_CASE_MS ? [`took ${run.ms.toFixed(0)} ms`] : [];
  const read = run.value;
  if (read === undefined || (read !== null && 'then' in read)) return { problems: ['answered a promise'] };
  if (read !== null) {
    if (typeof read.state !== 'object' || read.state === null) problems.push('passed on a state that is not an object');
    if (typeof read.version !== 'number' || read.version > VERSION) problems.push(`passed on version ${String(read.version)}`);
    if (messages.length > 0) problems.push(`a message for a readable save: ${messages.join(' ')}`);
    return { problems, state: read.state };
  }
  if (messages.length !== 1 || messages[0]?.startsWith('Your saved work ') !== true) problems.push(`messages ${JSON.stringify(messages)}`);
  const message = messages[0] ?? '';
  if (message.includes('newer version')) {
    if (!/save version -?[\d.e+]+|Infinity/.test(message)) problems.push('newer save without its version');
    safe.setItem(NAME, { state: {}, version: VERSION });
    if (safe.writable || storage.items.get(NAME) !== raw) problems.push('a newer save was written over');
  } else {
    // A damaged save: its exact copy is kept, and the message says where.
    if (storage.items.get(backupKey(NAME)) !== raw) problems.push('no exact copy of the damaged save');
    if (!message.includes(backupKey(NAME))) problems.push('the message does not say where the copy is');
  }
  return { problems };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading a save back, under fuzzing', () => {
  it(`never throws, stays fast, keeps a damaged save and names each dropped field: ${CASES} seeded saves`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    let passedOn = 0;
    let droppedSome = 0;
    for (let number = 0; number < CASES; number += 1) {
      const raw = makeRaw(random);
      const { problems, state } = storageProblems(raw);
      if (state !== undefined) {
        passedOn += 1;
        problems.push(...validateProblems(state));
        if (validateSavedFields(state).dropped.length > 0) droppedSome += 1;
      }
      for (const problem of problems) failures.push(`case ${number} ${shown(raw)}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(passedOn).toBeGreaterThan(CASES / 4);
    expect(droppedSome).toBeGreaterThan(CASES / 10);
  }, 60_000);

  it('validateSavedFields takes any value at all', () => {
    const random = mulberry32(SEED + 1);
    const failures: string[] = [];
    for (let number = 0; number < CASES; number += 1) {
      const saved = random() < 0.5 ? mutateJson(VALID_STATE, random) : mutateJson(pick(random, [null, 5, 'x', [], {}, [VALID_STATE]]), random);
      for (const problem of validateProblems(saved)) failures.push(`case ${number} ${shown(JSON.stringify(saved) ?? 'undefined')}: ${problem}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe('validateSavedFields: the cases from the issue', () => {
  it('drops a query saved as a number, naming it, and keeps the rest', () => {
    // {"state":{"query":5},"version":1} used to blank the page ("e.trim is not a function").
    expect(validateSavedFields({ query: 5 })).toEqual({ values: {}, dropped: ['the query'] });
    expect(validateSavedFields({ query: 5, documentsText: 'a', topN: 0 })).toEqual({ values: { documentsText: 'a' }, dropped: ['the query', 'top N'] });
  });

  it('names the whole save when it is not an object, and nothing when there is none', () => {
    expect(validateSavedFields([])).toEqual({ values: {}, dropped: ['everything (the save is not an object)'] });
    expect(validateSavedFields('x')).toEqual({ values: {}, dropped: ['everything (the save is not an object)'] });
    expect(validateSavedFields(undefined)).toEqual({ values: {}, dropped: [] });
  });

  it('reads an own "__proto__" field as an unknown field, not as the prototype', () => {
    const saved = JSON.parse('{"__proto__": {"query": 5}, "topN": 7}') as unknown;
    expect(validateSavedFields(saved)).toEqual({ values: { topN: 7 }, dropped: [] });
  });
});
