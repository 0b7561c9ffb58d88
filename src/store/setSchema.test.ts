import { describe, expect, it } from 'vitest';
import { parseSavedSet, savedSetSchema } from './setSchema';
import type { SavedSet } from './setSchema';

/** A save whose ids are the names a plain object would trip on. */
function sample(): SavedSet {
  return {
    version: 1,
    set: {
      name: 'Tricky ids',
      queries: [
        {
          id: '__proto__',
          text: 'what is a prototype',
          candidates: [{ docId: 'constructor', score: 1.5 }, { docId: 'toString' }],
          judgments: new Map([
            ['constructor', 3],
            ['toString', 0],
          ]),
        },
        { id: 'constructor', text: 'who builds objects', candidates: [{ docId: '__proto__', score: -0.25 }], judgments: new Map() },
        { id: 'q3', text: 'third', candidates: [], judgments: new Map([['__proto__', 1]]) },
      ],
      documents: new Map([
        ['constructor', 'doc c'],
        ['toString', 'doc t'],
        ['__proto__', 'doc p'],
      ]),
      scoreKind: 'retriever score',
    },
    userJudgments: new Map([
      [
        '__proto__',
        new Map<string, number | null>([
          ['toString', 2],
          ['constructor', null],
        ]),
      ],
    ]),
    activeQueryId: 'constructor',
    savedAt: 1_700_000_000_000,
  };
}

/** The sample as storage hands it back, loosely typed so a test can damage any part. */
interface LooseRecord {
  [field: string]: unknown;
  set: { [field: string]: unknown; queries: unknown[]; documents: unknown };
}
function damaged(damage: (record: LooseRecord) => void): unknown {
  const record = structuredClone(sample()) as unknown as LooseRecord;
  damage(record);
  return record;
}

function expectOk(raw: unknown) {
  const parsed = parseSavedSet(raw);
  if (parsed.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(parsed)}`);
  return parsed;
}

describe('parseSavedSet', () => {
  it('accepts a whole save with ids like __proto__ and constructor, and nothing is dropped', () => {
    const parsed = expectOk(structuredClone(sample()));
    expect(parsed.dropped).toEqual([]);
    expect(parsed.saved).toEqual(sample());
    expect(parsed.saved.set.queries.map((q) => q.id)).toEqual(['__proto__', 'constructor', 'q3']);
    expect(parsed.saved.set.documents.get('__proto__')).toBe('doc p');
    expect(parsed.saved.userJudgments.get('__proto__')?.get('constructor')).toBeNull();
    expect(savedSetSchema.safeParse(sample()).success).toBe(true);
  });

  it.each([
    ['a text', 'hello', 'the text "hello"'],
    ['null', null, 'null'],
    ['a list', [1, 2], 'a list'],
    ['a number', 42, 'number 42'],
  ])('refuses a save that is %s', (_label, raw, found) => {
    expect(parseSavedSet(raw)).toEqual({ kind: 'invalid', reason: `the save is not a record (found ${found})` });
  });

  it('reports a save from a newer version, with its version', () => {
    expect(parseSavedSet(damaged((r) => (r.version = 2)))).toEqual({ kind: 'newer', version: 2 });
  });

  it('refuses a save with no version, or a version that is not the number 1', () => {
    expect(parseSavedSet(damaged((r) => delete r.version)).kind).toBe('invalid');
    expect(parseSavedSet(damaged((r) => (r.version = '1'))).kind).toBe('invalid');
  });

  it('refuses a save whose queries or documents are missing or of the wrong kind', () => {
    expect(parseSavedSet(damaged((r) => Reflect.deleteProperty(r.set, 'queries'))).kind).toBe('invalid');
    const plainDocuments = parseSavedSet(damaged((r) => (r.set.documents = { constructor: 'doc c' })));
    expect(plainDocuments.kind).toBe('invalid');
    if (plainDocuments.kind === 'invalid') expect(plainDocuments.reason).toContain('set.documents');
  });

  it('drops a query with a field of the wrong type and keeps the others', () => {
    const parsed = expectOk(damaged((r) => (r.set.queries[1] = { ...sample().set.queries[1], text: 42 })));
    expect(parsed.saved.set.queries.map((q) => q.id)).toEqual(['__proto__', 'q3']);
    expect(parsed.dropped).toHaveLength(2);
    expect(parsed.dropped[0]).toMatch(/^query "constructor" \(position 2\): text: /);
    // The open query was the dropped one, so none is open now, and that is said too.
    expect(parsed.saved.activeQueryId).toBeNull();
    expect(parsed.dropped[1]).toContain('which query was open');
  });

  it('drops a query with a missing field, naming it by position when it has no id', () => {
    const parsed = expectOk(
      damaged((r) => {
        r.set.queries[0] = { id: '__proto__', text: 'no candidates', judgments: new Map() };
        r.set.queries[2] = { text: 'no id', candidates: [], judgments: new Map() };
      }),
    );
    expect(parsed.saved.set.queries.map((q) => q.id)).toEqual(['constructor']);
    expect(parsed.dropped[0]).toMatch(/^query "__proto__" \(position 1\): candidates: /);
    expect(parsed.dropped[1]).toMatch(/^the query at position 3: id: /);
  });

  it('drops a query whose grade is not a whole number or whose score is not finite', () => {
    const fractional = expectOk(damaged((r) => (r.set.queries[2] = { ...sample().set.queries[2], judgments: new Map([['d', 1.5]]) })));
    expect(fractional.saved.set.queries.map((q) => q.id)).toEqual(['__proto__', 'constructor']);
    const infinite = expectOk(
      damaged((r) => (r.set.queries[1] = { ...sample().set.queries[1], candidates: [{ docId: 'x', score: Infinity }] })),
    );
    expect(infinite.saved.set.queries.map((q) => q.id)).toEqual(['__proto__', 'q3']);
    expect(infinite.dropped[0]).toMatch(/candidates\.0\.score/);
  });

  it('keeps the first of two queries with the same id', () => {
    const parsed = expectOk(damaged((r) => r.set.queries.push({ ...sample().set.queries[0], text: 'again' })));
    expect(parsed.saved.set.queries.map((q) => q.text)).toEqual(['what is a prototype', 'who builds objects', 'third']);
    expect(parsed.dropped).toEqual(['query "__proto__" (position 4): the same id as an earlier query']);
  });

  it('drops a document whose text is not text and keeps the others', () => {
    const parsed = expectOk(
      damaged((r) => {
        const documents = r.set.documents as Map<unknown, unknown>;
        documents.set('toString', 7);
        documents.set(3, 'a number key');
      }),
    );
    expect([...parsed.saved.set.documents.keys()]).toEqual(['constructor', '__proto__']);
    expect(parsed.dropped).toHaveLength(2);
    expect(parsed.dropped[0]).toBe('the text of document "toString" (found number 7)');
  });

  it("keeps the user's valid judgments and drops the malformed ones", () => {
    const parsed = expectOk(
      damaged((r) => {
        const all = r.userJudgments as Map<unknown, unknown>;
        (all.get('__proto__') as Map<unknown, unknown>).set('bad', 'two');
        all.set('constructor', 'not a map');
      }),
    );
    expect(parsed.saved.userJudgments).toEqual(
      new Map([
        [
          '__proto__',
          new Map<string, number | null>([
            ['toString', 2],
            ['constructor', null],
          ]),
        ],
      ]),
    );
    expect(parsed.dropped).toHaveLength(2);
    expect(parsed.dropped[0]).toMatch(/^your judgment for query "__proto__" of document "bad": /);
  });

  it('replaces a bad name, score kind, judgments map or time with a default, and says so', () => {
    const parsed = expectOk(
      damaged((r) => {
        delete r.set.name;
        r.set.scoreKind = 'cosine';
        r.userJudgments = {};
        r.savedAt = 'yesterday';
      }),
    );
    expect(parsed.saved.set.name).toBe('Restored query set');
    expect(parsed.saved.set.scoreKind).toBeNull();
    expect(parsed.saved.userJudgments.size).toBe(0);
    expect(parsed.saved.savedAt).toBe(0);
    expect(parsed.saved.set.queries).toHaveLength(3);
    expect(parsed.dropped).toHaveLength(4);
  });
});
