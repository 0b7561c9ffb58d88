import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeBase64url } from '../core/share/base64url';
import { platformDeflateRaw } from '../core/share/compression';
import { hostilePayloads } from '../core/share/hostilePayloads';
import type { QuerySet } from '../core/sets/types';
import { decodeShareParam, readSessionFile } from '../core/share';

const KEY = 'co-live-key-5f4e3d2c1b0a9988';
const OTHER_KEY = 'sk-other-server-key-77665544';
const PAGE = 'http://localhost:5173/';

const set: QuerySet = {
  name: 'Shared set',
  scoreKind: 'retriever score',
  documents: new Map([
    ['__proto__', 'a document whose id is __proto__'],
    ['d2', 'second document'],
  ]),
  queries: [
    { id: 'constructor', text: 'first query', candidates: [{ docId: '__proto__', score: 2 }, { docId: 'd2', score: 1 }], judgments: new Map([['d2', 1]]) },
    { id: 'q2', text: 'second query', candidates: [{ docId: 'd2' }], judgments: new Map() },
  ],
};

/** A fresh store and share module, as on another person's page. */
async function freshApp() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const share = await import('./shareActions');
  const { PASTE_KEY, setQueryKey } = await import('./activeQuery');
  return { store: useAppStore, share, PASTE_KEY, setQueryKey };
}

type App = Awaited<ReturnType<typeof freshApp>>;

/** Every field a setup holds, changed from the defaults (store/*Slice.ts), on a paste. */
function changeEverything({ store }: App): void {
  const s = store.getState();
  s.setQuery('how do cross-encoders rank?');
  s.loadDocumentsFile('id\ttext\n__proto__\tfirst\nconstructor\tsecond\n', 'hits.tsv', 'tsv');
  s.setTextMode('paragraphs');
  s.setField('text', 'text');
  s.setField('id', 'id');
  s.setFirstStage('bm25');
  s.setBm25({ k1: 0.8, b: 0.3, stem: true, stopwords: true });
  s.setTopN(12);
  s.setCorpusTopK(300);
  s.setScoreDisplay('minmax');
  s.setMetricK(4);
  s.setGain('exponential');
  s.setSetMetric('rr');
  const first = s.columns[0];
  if (!first || first.config.kind !== 'local') throw new Error('the store starts with one local column');
  s.updateColumn(first.id, { ...first.config, model: 'Xenova/bge-reranker-base', device: 'wasm', dtype: 'q8', maxLength: 128, batchSize: 2 });
  s.addColumn({ kind: 'cohere', settings: { provider: 'custom', baseUrl: 'http://localhost:8000', model: 'bge-v2', maxTokensPerDoc: 900, timeoutMs: 9000, concurrency: 3 } });
  s.addColumn({ kind: 'bm25' });
  s.setCohereKey('http://localhost:8000', KEY);
  s.setCohereKey('https://api.cohere.com', OTHER_KEY);
  s.setJudgment('__proto__', 3);
  s.setJudgment('constructor', 0);
}

/** The fields a link carries, to compare two states by. */
function sharedFields({ store }: App) {
  const s = store.getState();
  return {
    query: s.query,
    documentsText: s.documentsText,
    format: s.format,
    textMode: s.textMode,
    fields: s.fields,
    presetId: s.presetId,
    fileName: s.fileName,
    formatFromFile: s.formatFromFile,
    firstStage: s.firstStage,
    bm25: s.bm25,
    topN: s.topN,
    corpusTopK: s.corpusTopK,
    scoreDisplay: s.scoreDisplay,
    metricK: s.metricK,
    gain: s.gain,
    setMetric: s.setMetric,
    columns: s.columns.map((c) => ({ id: c.id, config: c.config })),
    marks: s.judgmentsByQuery.get(s.query.trim()),
    querySet: s.querySet,
    activeQueryId: s.activeQueryId,
  };
}

async function linkOf(app: App): Promise<string> {
  const link = await app.share.shareLinkOf(app.store.getState(), PAGE);
  if (!link.ok) throw new Error(link.error.message);
  return link.value;
}

const paramOf = (link: string): string => link.slice(link.indexOf('#s=') + 3);

/** Opens a link on a page the way the app does once the user said yes. */
async function openLink(app: App, link: string): Promise<void> {
  const decoded = await decodeShareParam(paramOf(link));
  if (!decoded.ok) throw new Error(decoded.error.message);
  app.share.applySetup(decoded.value);
}

/** The JSON inside a link, unpacked by hand, to search for what must not be there. */
async function jsonInside(link: string): Promise<string> {
  const data = paramOf(link).split('.')[1] ?? '';
  const bytes = decodeBase64url(data);
  if (!bytes.ok) throw new Error('not base64url');
  const unpacked = await platformDeflateRaw.inflate(bytes.bytes, 50_000_000);
  if (!unpacked.ok) throw new Error('not deflate');
  return new TextDecoder().decode(unpacked.bytes);
}

describe('share links through the store', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('round-trips every field, each changed from its default, onto a fresh page', async () => {
    const teacher = await freshApp();
    const defaults = sharedFields(teacher);
    changeEverything(teacher);
    const expected = sharedFields(teacher);
    // Every field differs from its default, so a field the link dropped would show.
    for (const [name, value] of Object.entries(expected)) {
      if (name === 'querySet' || name === 'activeQueryId') continue; // Set apart: see the session file test.
      expect(value, name).not.toEqual(defaults[name as keyof typeof defaults]);
    }
    const link = await linkOf(teacher);
    expect(link.startsWith(`${PAGE}#s=1.`)).toBe(true);

    const student = await freshApp();
    await openLink(student, link);
    expect(sharedFields(student)).toEqual(expected);
  });

  it('never puts an API key in a link or a file, whatever the columns', async () => {
    const app = await freshApp();
    changeEverything(app);
    expect(app.store.getState().cohereKeyFor('http://localhost:8000')).toBe(KEY); // The keys are there to leak.
    const json = await jsonInside(await linkOf(app));
    expect(json).toContain('http://localhost:8000');
    expect(json).not.toContain(KEY);
    expect(json).not.toContain(OTHER_KEY);
    for (const includeScores of [true, false]) {
      const file = app.share.sessionFileOf(app.store.getState(), includeScores);
      expect(file.ok && file.value.text.includes(KEY)).toBe(false);
      expect(file.ok && file.value.text.includes(OTHER_KEY)).toBe(false);
    }
  });

  it('refuses to share when a key was pasted into the documents, and says where', async () => {
    const app = await freshApp();
    changeEverything(app);
    app.store.getState().setDocumentsText(`my key: ${KEY}`);
    const link = await app.share.shareLinkOf(app.store.getState(), PAGE);
    expect(link.ok === false && link.error.message).toContain('an API key you entered appears in the setup (at paste.documentsText)');
    expect(link.ok === false && link.error.message).not.toContain(KEY);
    expect(app.share.sessionFileOf(app.store.getState(), false).ok).toBe(false);
  });

  it('keeps hostile text as text: the query and a model name come back exactly', async () => {
    const teacher = await freshApp();
    const payload = hostilePayloads.join(' ');
    teacher.store.getState().setQuery(payload);
    const first = teacher.store.getState().columns[0];
    if (first?.config.kind !== 'local') throw new Error('no local column');
    teacher.store.getState().updateColumn(first.id, { ...first.config, model: hostilePayloads[1] ?? '' });
    const student = await freshApp();
    await openLink(student, await linkOf(teacher));
    expect(student.store.getState().query).toBe(payload);
    expect(student.store.getState().columns[0]?.config).toMatchObject({ model: '"><img src=x onerror=alert(1)>' });
  });
});

describe('session files through the store', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('carry a query set, its marks, the open query and every column’s scores to a fresh page', async () => {
    const teacher = await freshApp();
    changeEverything(teacher);
    const s = teacher.store.getState();
    s.showSet(set, null, 'q2');
    s.openQuery('constructor');
    s.setJudgment('__proto__', 2);
    s.openQuery('q2');
    const local = s.columns[0];
    if (!local) throw new Error('no column');
    const queryKey = teacher.setQueryKey('constructor');
    teacher.store.getState().patchRun(local.id, queryKey, { status: 'done', signature: 'sig', ids: ['__proto__', 'd2'], scores: new Map([['__proto__', 3.5], ['d2', -1.25]]), scoreKind: 'raw logit', ranOn: 'wasm q8', title: 'test/old-model', settings: ['max 256 tokens'] });
    // A run that did not finish is not a result to share.
    teacher.store.getState().patchRun(local.id, teacher.setQueryKey('q2'), { status: 'running', ids: ['d2'], scores: new Map([['d2', 1]]) });

    const file = teacher.share.sessionFileOf(teacher.store.getState(), true);
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.name).toBe('Shared_set.rerank.json');

    const student = await freshApp();
    const read = readSessionFile(file.value.text, file.value.name);
    if (!read.ok) throw new Error(read.error.message);
    student.share.applySetup(read.value);
    const state = student.store.getState();
    expect(state.querySet).toEqual(set);
    expect(state.activeQueryId).toBe('q2');
    expect(state.judgmentsByQuery.get(student.setQueryKey('constructor'))).toEqual(new Map([['__proto__', 2]]));
    const run = state.columns[0]?.runs.get(queryKey);
    expect(run).toMatchObject({ status: 'done', signature: 'sig', ids: ['__proto__', 'd2'], scoreKind: 'raw logit', ranOn: 'wasm q8' });
    // The model that made the scores stays named, even after the student switches the column's model.
    expect(run).toMatchObject({ title: 'test/old-model', settings: ['max 256 tokens'] });
    expect(run?.scores).toEqual(new Map([['__proto__', 3.5], ['d2', -1.25]]));
    expect(run?.notes).toEqual(['These scores came with the shared setup: no model was run on this device.']);
    expect(state.columns[0]?.runs.has(student.setQueryKey('q2'))).toBe(false);
    expect(state.columns.map((c) => c.config)).toEqual(teacher.store.getState().columns.map((c) => c.config));
  });

  it('leave the scores out when not asked, and the paste behind a set stays private', async () => {
    const teacher = await freshApp();
    changeEverything(teacher);
    teacher.store.getState().showSet(set, null);
    const file = teacher.share.sessionFileOf(teacher.store.getState(), false);
    expect(file.ok && file.value.text.includes('"runs"')).toBe(false);
    expect(file.ok && file.value.text.includes('how do cross-encoders rank?')).toBe(false);
  });
});

describe('keeping the work a setup replaces', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('knows a page that was never changed from the defaults', async () => {
    const app = await freshApp();
    expect(app.share.isUntouched(app.store.getState())).toBe(true);
    app.store.getState().setTopN(49);
    expect(app.share.isUntouched(app.store.getState())).toBe(false);
  });

  it('backs up everything, even the paste behind a set, other queries’ marks and the scores, and restores it', async () => {
    const { readBackup } = await import('../core/share');
    const app = await freshApp();
    changeEverything(app);
    const pasteQuery = app.store.getState().query;
    app.store.getState().setQuery('another pasted query');
    app.store.getState().setJudgment('constructor', 1);
    app.store.getState().showSet(set, null, 'q2');
    const column = app.store.getState().columns[0];
    if (!column) throw new Error('no column');
    app.store.getState().patchRun(column.id, app.PASTE_KEY, { status: 'done', signature: 's', ids: ['__proto__'], scores: new Map([['__proto__', 1.5]]) });
    const before = { ...sharedFields(app), marks: app.store.getState().judgmentsByQuery };
    const record = app.share.backupOf(app.store.getState());
    if (record === null) throw new Error('no backup');

    const other = await freshApp();
    const backup = readBackup(record);
    if (!backup) throw new Error('backup unreadable');
    other.share.restoreBackup(backup);
    expect({ ...sharedFields(other), marks: other.store.getState().judgmentsByQuery }).toEqual(before);
    // The marks of the first pasted query, which is not on screen, came back too.
    expect(other.store.getState().judgmentsByQuery.get(pasteQuery)).toEqual(new Map([['__proto__', 3], ['constructor', 0]]));
    const run = other.store.getState().columns[0]?.runs.get(other.PASTE_KEY);
    expect(run?.scores).toEqual(new Map([['__proto__', 1.5]]));
    // The user's own scores: no note saying they came from someone else.
    expect(run?.notes).toEqual([]);
  });
});
