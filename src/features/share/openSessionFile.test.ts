import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleSetSetup } from '../../core/share/sampleSetups';
import { writeSessionFile } from '../../core/share/sessionFile';
import type { SharedSetup } from '../../core/share/types';
import type { AppError, Result } from '../../core/types';
import { createComputeClient, type WorkerLike } from '../../compute/client';
import { createComputeHandlers } from '../../compute/handlers';
import type { ComputeReply } from '../../compute/protocol';

/** The real client and the real worker handlers, joined by a stand-in Worker that clones each reply as postMessage does. */
function inProcessClient() {
  return createComputeClient(() => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage: (request) => void handlers.handle(request),
      terminate: () => undefined,
    };
    const handlers = createComputeHandlers({
      post: (reply) => worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent<ComputeReply>),
      importQuerySet: () => {
        throw new Error('not called');
      },
    });
    return worker;
  });
}

async function freshPage() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('../../store');
  const flow = await import('./openFlow');
  flow.setPreviousWorkStorage(null);
  return { store: useAppStore, flow };
}

function sessionFile(name: string): File {
  const written = writeSessionFile(sampleSetSetup(), { includeScores: true, secrets: [] });
  if (!written.ok) throw new Error(written.error.message);
  return new File([written.value], name);
}

describe('opening a session file through the compute worker', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('puts the file’s set on an untouched page, ids __proto__ and constructor included', async () => {
    const page = await freshPage();
    const client = inProcessClient();
    expect(await page.flow.openSessionFile(sessionFile('constructor.rerank.json'), (file) => client.readSession(file))).toBe('applied');
    const state = page.store.getState();
    expect(state.querySet?.name).toBe('Workshop set');
    expect(state.querySet?.documents.get('constructor')).toBe('Document about constructors.');
    expect(state.querySet?.queries.map((q) => q.id)).toEqual(['__proto__', 'q2']);
    expect(page.flow.useShareStore.getState()).toMatchObject({ problem: null, notice: 'Opened "constructor.rerank.json".' });
  });

  it('says it is reading while the worker reads, then reports a damaged file with the reader’s message', async () => {
    const page = await freshPage();
    const client = inProcessClient();
    let notice: string | null = null;
    const opened = page.flow.openSessionFile(new File(['{"app": "rerank-playground", "version": 1}'], 'broken.rerank.json'), (file) => {
      notice = page.flow.useShareStore.getState().notice;
      return client.readSession(file);
    });
    expect(await opened).toBe('refused');
    expect(notice).toBe('Reading "broken.rerank.json"…');
    expect(page.flow.useShareStore.getState()).toMatchObject({
      notice: null,
      problem:
        'The file "broken.rerank.json" holds a setup that is not valid: at paste, a required field is missing (expected object). Choose the file again, or ask for a new copy. Nothing here was changed.',
    });
    expect(page.store.getState().querySet).toBeNull();
  });

  it('drops a file whose reading was overtaken by a file chosen after it', async () => {
    const page = await freshPage();
    const client = inProcessClient();
    let releaseFirst: () => void = () => undefined;
    const first = page.flow.openSessionFile(sessionFile('first.rerank.json'), async (file) => {
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      return client.readSession(file);
    });
    const refused: Result<SharedSetup, AppError> = { ok: false, error: { message: 'second failed' } };
    expect(await page.flow.openSessionFile(sessionFile('second.rerank.json'), () => Promise.resolve(refused))).toBe('refused');
    releaseFirst();
    expect(await first).toBe('superseded');
    expect(page.store.getState().querySet).toBeNull();
    expect(page.flow.useShareStore.getState().problem).toBe('second failed');
  });
});

describe('differInSize', () => {
  it('tells setups apart by their sets and pastes, and never calls a setup different from itself', async () => {
    const { differInSize } = await import('./openFlow');
    const { samplePasteSetup } = await import('../../core/share/sampleSetups');
    expect(differInSize(sampleSetSetup(), sampleSetSetup())).toBe(false);
    expect(differInSize(samplePasteSetup(), samplePasteSetup())).toBe(false);
    expect(differInSize(samplePasteSetup(), sampleSetSetup())).toBe(true);
    const set = sampleSetSetup();
    const fewer = { ...set, querySet: set.querySet && { ...set.querySet, set: { ...set.querySet.set, documents: new Map([['constructor', 'x']]) } } };
    expect(differInSize(set, fewer)).toBe(true);
    const paste = samplePasteSetup();
    const longer = { ...paste, paste: paste.paste && { ...paste.paste, documentsText: `${paste.paste.documentsText} ` } };
    expect(differInSize(paste, longer)).toBe(true);
    // Same sizes, different text: left to sameSetup.
    const other = { ...paste, paste: paste.paste && { ...paste.paste, documentsText: paste.paste.documentsText.replace('A', 'B') } };
    expect(differInSize(paste, other)).toBe(false);
  });
});
