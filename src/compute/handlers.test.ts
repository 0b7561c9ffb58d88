import { describe, expect, it } from 'vitest';
import { buildBm25Index, scoreBm25 } from '../core/retrieval/bm25';
import { importQuerySet } from '../core/sets/import';
import type { ImportOptions, ImportReport, ImportResult, SetFile } from '../core/sets/types';
import { createComputeHandlers, type ComputeHandlerOptions, type ImportQuerySet } from './handlers';
import type { Bm25Request, ComputeReply } from './protocol';

interface Posted {
  reply: ComputeReply;
  transfer: Transferable[] | undefined;
}

function emptyReport(): ImportReport {
  return {
    files: [],
    queries: 0,
    documents: 0,
    judgments: 0,
    queriesWithoutCandidates: [],
    runLinesWithoutText: [],
    qrelsForUnknownQueries: [],
    qrelsForUnknownDocuments: [],
    runLinesForUnknownQueries: [],
    issues: [],
    notes: [],
  };
}

const failingImporter: ImportQuerySet = () => ({ ok: false, message: 'not called', report: emptyReport() });

function setup(overrides: Partial<ComputeHandlerOptions> = {}) {
  const posted: Posted[] = [];
  const handlers = createComputeHandlers({
    post: (reply, transfer) => posted.push({ reply, transfer }),
    importQuerySet: failingImporter,
    ...overrides,
  });
  const replies = (): ComputeReply[] => posted.map((p) => p.reply);
  return { handlers, posted, replies };
}

const plain = { stem: false, stopwords: false };

describe('compute handlers: import', () => {
  it('reads File objects itself, hands every file and the options to the importer, and reports progress per file', async () => {
    let received: { files: SetFile[]; options: ImportOptions | undefined } | undefined;
    const result: ImportResult = { ok: true, set: { name: 'run.txt', queries: [], documents: new Map([['__proto__', 'text']]), scoreKind: null }, report: emptyReport() };
    const importQuerySet: ImportQuerySet = (files, options) => {
      received = { files, options };
      return result;
    };
    const { handlers, replies } = setup({ importQuerySet });
    const files = [new File(['1 Q0 __proto__ 1 2.5 run\n'], 'constructor.run'), { name: 'topics.txt', text: '<top></top>' }];
    await handlers.handle({ type: 'import', id: 3, files, options: { corpusTopK: 7 } });

    expect(received?.files).toEqual([
      { name: 'constructor.run', text: '1 Q0 __proto__ 1 2.5 run\n' },
      { name: 'topics.txt', text: '<top></top>' },
    ]);
    expect(received?.options).toEqual({ corpusTopK: 7 });
    expect(replies()).toEqual([
      { type: 'progress', id: 3, stage: 'reading', done: 0, total: 2 },
      { type: 'progress', id: 3, stage: 'reading', done: 1, total: 2 },
      { type: 'progress', id: 3, stage: 'reading', done: 2, total: 2 },
      { type: 'progress', id: 3, stage: 'parsing', done: 0, total: 1 },
      { type: 'imported', id: 3, result },
    ]);
  });

  it('imports a real file with the real importer, and the result survives the trip to the main thread', async () => {
    const posted: ComputeReply[] = [];
    // structuredClone is what postMessage does to a reply: the set's Maps must come through whole.
    const handlers = createComputeHandlers({ post: (reply) => posted.push(structuredClone(reply)), importQuerySet });
    const line = { query_id: '__proto__', query: 'cats', documents: [{ id: 'constructor', text: 'a cat', relevance: 2 }, { id: 'toString', text: 'a dog' }] };
    const file = new File([JSON.stringify(line) + '\n'], 'queries.jsonl');
    await handlers.handle({ type: 'import', id: 1, files: [file], options: { corpusTopK: 100 } });
    const last = posted.at(-1);
    if (last?.type !== 'imported' || !last.result.ok) throw new Error(`expected an imported set, got ${JSON.stringify(last)}`);
    const [query] = last.result.set.queries;
    expect(query?.id).toBe('__proto__');
    expect(query?.candidates.map((c) => c.docId)).toEqual(['constructor', 'toString']);
    expect(query?.judgments.get('constructor')).toBe(2);
    expect(last.result.set.documents.get('toString')).toBe('a dog');
  });

  it('passes an importer failure through as an imported result, not an error', async () => {
    const result: ImportResult = { ok: false, message: 'No queries found in “a.txt”.', report: emptyReport() };
    const { handlers, replies } = setup({ importQuerySet: () => result });
    await handlers.handle({ type: 'import', id: 1, files: [{ name: 'a.txt', text: '' }], options: { corpusTopK: 100 } });
    expect(replies().at(-1)).toEqual({ type: 'imported', id: 1, result });
  });

  it('answers an unreadable file with an error that names it, and never calls the importer', async () => {
    let called = false;
    const { handlers, replies } = setup({ importQuerySet: (...args) => ((called = true), failingImporter(...args)) });
    const unreadable = { name: 'qrels.txt', text: () => Promise.reject(new Error('the file changed on disk')) } as unknown as File;
    await handlers.handle({ type: 'import', id: 9, files: [unreadable], options: { corpusTopK: 100 } });
    const last = replies().at(-1);
    expect(last?.type).toBe('error');
    if (last?.type !== 'error') return;
    expect(last.id).toBe(9);
    expect(last.error.message).toMatch(/^Reading the files failed: “qrels\.txt” could not be read \(Error: the file changed on disk\)\. Your current set is unchanged\./);
    expect(last.error.cause).toMatch(/the file changed on disk/);
    expect(called).toBe(false);
  });

  it('turns an exception in the importer into an error reply for a person', async () => {
    const { handlers, replies } = setup({
      importQuerySet: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    await handlers.handle({ type: 'import', id: 2, files: [{ name: 'a.jsonl', text: '{}' }], options: { corpusTopK: 100 } });
    const last = replies().at(-1);
    expect(last).toMatchObject({ type: 'error', id: 2, error: { message: expect.stringMatching(/^Importing the set failed unexpectedly \(TypeError: cannot read properties of undefined\)\. Your current set is unchanged\./) } });
    expect(last?.type === 'error' && last.error.cause).toMatch(/TypeError/);
  });

  it('stops between files when cancelled', async () => {
    const { handlers, replies } = setup({ importQuerySet: () => ({ ok: true, set: { name: '', queries: [], documents: new Map(), scoreKind: null }, report: emptyReport() }) });
    let release: (() => void) | undefined;
    const slow = { name: 'big.tsv', text: () => new Promise<string>((resolve) => (release = () => resolve('x'))) } as unknown as File;
    const running = handlers.handle({ type: 'import', id: 4, files: [slow, { name: 'b.tsv', text: 'y' }], options: { corpusTopK: 100 } });
    await handlers.handle({ type: 'cancel', id: 4 });
    release?.();
    await running;
    expect(replies().at(-1)).toEqual({ type: 'error', id: 4, error: { message: 'Cancelled.', cancelled: true } });
    expect(replies().some((r) => r.type === 'imported')).toBe(false);
  });
});

describe('compute handlers: bm25', () => {
  const protoQuery = { queryId: '__proto__', query: 'cat', texts: ['cat', 'dog', 'cat cat dog'] };
  const constructorQuery = { queryId: 'constructor', query: 'dog', texts: ['dog', 'bird'] };
  const request: Bm25Request = {
    type: 'bm25',
    id: 5,
    params: { k1: 1.2, b: 0 },
    tokenizer: plain,
    queries: [protoQuery, constructorQuery, { queryId: 'toString', query: 'cat', texts: [] }],
  };

  it('scores each query over its own candidates, as worked by hand', async () => {
    const { handlers, posted } = setup();
    await handlers.handle(request);
    const last = posted.at(-1);
    expect(last?.reply.type).toBe('bm25');
    if (last?.reply.type !== 'bm25') return;
    const [proto, ctor, empty] = last.reply.scores;
    // b = 0, so the length norm is just k1: weight = idf * tf * 2.2 / (tf + 1.2).
    // "cat" over 3 texts, in 2 of them: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.4700036292
    // text 0: tf 1 -> idf * 2.2 / 2.2 = 0.4700036292; text 1: 0; text 2: tf 2 -> idf * 4.4 / 3.2 = 0.6462549902
    expect(proto?.queryId).toBe('__proto__');
    expect([...(proto?.scores ?? [])].map((s) => s.toFixed(8))).toEqual(['0.47000363', '0.00000000', '0.64625499']);
    // "dog" over 2 texts, in 1: idf = ln(1 + 1.5 / 1.5) = ln 2 = 0.6931471806
    expect(ctor?.queryId).toBe('constructor');
    expect([...(ctor?.scores ?? [])].map((s) => s.toFixed(8))).toEqual(['0.69314718', '0.00000000']);
    expect(empty).toEqual({ queryId: 'toString', scores: new Float64Array(0) });
  });

  it('gives exactly what scoreBm25 gives on the main thread, with stemming and stopwords', async () => {
    const tokenizer = { stem: true, stopwords: true };
    const params = { k1: 0.9, b: 0.4 };
    const texts = ['The cats are running', 'a dog runs after the cat', 'nothing here', 'Cats, cats and more CATS'];
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'bm25', id: 1, params, tokenizer, queries: [{ queryId: 'q1', query: 'running cats', texts }] });
    const direct = scoreBm25(buildBm25Index(texts, tokenizer), 'running cats', params);
    const last = posted.at(-1)?.reply;
    expect(last?.type === 'bm25' && last.scores[0]?.scores).toEqual(direct);
    expect(direct[2]).toBe(0); // shares no term, so a broken comparison could not pass by accident
    expect(direct[0]).toBeGreaterThan(0);
  });

  it('transfers every score buffer instead of copying it', async () => {
    const { handlers, posted } = setup();
    await handlers.handle(request);
    const last = posted.at(-1);
    if (last?.reply.type !== 'bm25') throw new Error('expected a bm25 reply');
    expect(last.transfer).toHaveLength(3);
    last.reply.scores.forEach((entry, i) => expect(last.transfer?.[i]).toBe(entry.scores.buffer));
  });

  it('stops between queries when cancelled', async () => {
    const handlersRef: { current?: ReturnType<typeof setup>['handlers'] } = {};
    const yields: number[] = [];
    const context = setup({
      yieldEveryMs: 0,
      yieldToMessages: async () => {
        yields.push(yields.length);
        // The cancel message arrives while the job yields after its first query.
        if (yields.length === 1) await handlersRef.current?.handle({ type: 'cancel', id: 5 });
      },
    });
    handlersRef.current = context.handlers;
    await context.handlers.handle(request);
    expect(context.replies()).toEqual([
      { type: 'progress', id: 5, stage: 'retrieving', done: 0, total: 3 },
      { type: 'progress', id: 5, stage: 'retrieving', done: 1, total: 3 },
      { type: 'error', id: 5, error: { message: 'Cancelled.', cancelled: true } },
    ]);
    expect(yields).toHaveLength(1);
  });

  it('ignores a cancel for a request that is not running, so a later request with that id still runs', async () => {
    const { handlers, replies } = setup();
    await handlers.handle({ type: 'cancel', id: 5 });
    await handlers.handle(request);
    expect(replies().at(-1)?.type).toBe('bm25');
  });

  it('turns an exception while scoring into an error reply that names the query', async () => {
    const { handlers, replies } = setup();
    const broken = { ...request, queries: [{ queryId: 'constructor', query: 'cat', texts: [42 as unknown as string] }] };
    await handlers.handle(broken);
    const last = replies().at(-1);
    expect(last).toMatchObject({ type: 'error', id: 5, error: { message: expect.stringMatching(/^BM25 failed for query “constructor” \(TypeError: /) } });
    expect(last?.type === 'error' && last.error.cause).toMatch(/TypeError/);
  });

  it('refuses parameters out of range and duplicate query ids', async () => {
    const { handlers, replies } = setup();
    await handlers.handle({ ...request, id: 6, params: { k1: 1.2, b: 1.5 } });
    await handlers.handle({ ...request, id: 7, queries: [protoQuery, { ...constructorQuery, queryId: '__proto__' }] });
    expect(replies()).toEqual([
      { type: 'error', id: 6, error: { message: "BM25's b must be a number from 0 to 1, not 1.5.", cause: '{"k1":1.2,"b":1.5}' } },
      { type: 'error', id: 7, error: { message: 'Query id “__proto__” appears twice in one BM25 request; each query needs its own id.', cause: '{"k1":1.2,"b":0}' } },
    ]);
  });

  it('answers with an error when the reply itself cannot be posted', async () => {
    const posted: ComputeReply[] = [];
    const handlers = createComputeHandlers({
      importQuerySet: failingImporter,
      post: (reply) => {
        if (reply.type === 'bm25') throw new Error('DataCloneError: could not be cloned');
        posted.push(reply);
      },
    });
    await handlers.handle(request);
    expect(posted.at(-1)).toMatchObject({ type: 'error', id: 5, error: { message: expect.stringMatching(/^Computing BM25 failed \(Error: DataCloneError/) } });
  });

  it('answers a request of an unknown type with an error', async () => {
    const { handlers, replies } = setup();
    await handlers.handle({ type: 'index', id: 8 } as unknown as Bm25Request);
    expect(replies()).toEqual([{ type: 'error', id: 8, error: { message: 'The compute worker got a request it does not know.', cause: 'type index' } }]);
  });
});
