import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviousWorkStorage } from './openFlow';

const PAGE = 'http://localhost:5173/';

function memoryPreviousWork(): PreviousWorkStorage & { record: string | null } {
  const storage = {
    record: null as string | null,
    save: (record: string) => {
      storage.record = record;
      return Promise.resolve(true);
    },
    load: () => Promise.resolve(storage.record),
    clear: () => {
      storage.record = null;
      return Promise.resolve();
    },
  };
  return storage;
}

/** A fresh page: store, share actions and flow; `previous` outlives a reload, as IndexedDB does. */
async function freshPage(previous: PreviousWorkStorage | null = memoryPreviousWork()) {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('../../store');
  const actions = await import('../../store/shareActions');
  const flow = await import('./openFlow');
  flow.setPreviousWorkStorage(previous);
  return { store: useAppStore, actions, flow };
}

type Page = Awaited<ReturnType<typeof freshPage>>;

/** What the user sees, to compare pages by. */
function screenOf({ store }: Page) {
  const s = store.getState();
  return { query: s.query, documentsText: s.documentsText, topN: s.topN, columns: s.columns.map((c) => c.config), judgments: s.judgmentsByQuery, querySet: s.querySet };
}

/** A teacher's link: a query, documents, top N and an extra column, away from the defaults. */
async function teacherLink(): Promise<string> {
  const teacher = await freshPage();
  teacher.store.getState().setQuery('teacher query');
  teacher.store.getState().setDocumentsText('first\nsecond');
  teacher.store.getState().setTopN(5);
  teacher.store.getState().addColumn({ kind: 'bm25' });
  const link = await teacher.actions.shareLinkOf(teacher.store.getState(), PAGE);
  if (!link.ok) throw new Error(link.error.message);
  return link.value.slice(link.value.indexOf('#s=') + 3);
}

async function studentWithWork(previous?: PreviousWorkStorage | null): Promise<Page> {
  const page = await freshPage(previous);
  page.store.getState().setQuery('my own query');
  page.store.getState().setJudgment('doc_1', 2);
  return page;
}

describe('opening a link never silently replaces work', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('asks first, changes nothing until the answer, and "Restore what was here" brings the work back', async () => {
    const link = await teacherLink();
    const student = await studentWithWork();
    const before = screenOf(student);

    expect(await student.flow.openShareParam(link)).toBe('asked');
    expect(student.flow.useShareStore.getState().pending?.from).toEqual({ kind: 'link' });
    expect(screenOf(student)).toEqual(before);

    await student.flow.acceptPendingSetup();
    expect(student.store.getState().query).toBe('teacher query');
    expect(student.store.getState().topN).toBe(5);
    expect(student.flow.useShareStore.getState()).toMatchObject({ pending: null, previous: { inThisTabOnly: false } });
    expect(student.flow.useShareStore.getState().notice).toContain('"Restore what was here" brings it back');

    expect((await student.flow.restorePreviousWork()).ok).toBe(true);
    expect(screenOf(student)).toEqual(before);
    expect(student.flow.useShareStore.getState().previous).toBeNull();
  });

  it('keeps the work across a reload, so it can be restored on the next visit', async () => {
    const storage = memoryPreviousWork();
    const link = await teacherLink();
    const student = await studentWithWork(storage);
    const before = screenOf(student);
    await student.flow.openShareParam(link);
    await student.flow.acceptPendingSetup();
    expect(storage.record).not.toBeNull();

    const reloaded = await freshPage(storage);
    await reloaded.flow.findPreviousWork();
    expect(reloaded.flow.useShareStore.getState().previous?.savedAt).toBeGreaterThan(0);
    expect((await reloaded.flow.restorePreviousWork()).ok).toBe(true);
    expect(screenOf(reloaded)).toEqual(before);
    expect(storage.record).toBeNull();
  });

  it('keeps the work in this tab when the browser refuses to store it, and says so', async () => {
    const refusing: PreviousWorkStorage = { save: () => Promise.resolve(false), load: () => Promise.resolve(null), clear: () => Promise.resolve() };
    const student = await studentWithWork(refusing);
    const before = screenOf(student);
    await student.flow.openShareParam(await teacherLink());
    await student.flow.acceptPendingSetup();
    expect(student.flow.useShareStore.getState().previous?.inThisTabOnly).toBe(true);
    expect((await student.flow.restorePreviousWork()).ok).toBe(true);
    expect(screenOf(student)).toEqual(before);
  });

  it('leaves everything as it was when the user keeps their work', async () => {
    const student = await studentWithWork();
    const before = screenOf(student);
    await student.flow.openShareParam(await teacherLink());
    student.flow.declinePendingSetup();
    expect(student.flow.useShareStore.getState()).toMatchObject({ pending: null, previous: null, notice: 'The shared setup was not opened; your work is as it was.' });
    expect(screenOf(student)).toEqual(before);
  });

  it('opens at once on a page that was never changed, and still keeps what was there', async () => {
    const link = await teacherLink();
    const fresh = await freshPage();
    expect(await fresh.flow.openShareParam(link)).toBe('applied');
    expect(fresh.store.getState().query).toBe('teacher query');
    expect(fresh.flow.useShareStore.getState().previous).not.toBeNull();
  });

  it('opens a link of what is already on screen without asking, and keeps no copy', async () => {
    const link = await teacherLink();
    const page = await freshPage();
    await page.flow.openShareParam(link);
    await page.flow.forgetPreviousWork();
    expect(await page.flow.openShareParam(link)).toBe('applied');
    expect(page.flow.useShareStore.getState().previous).toBeNull();
  });

  it('reports a damaged link and keeps everything', async () => {
    const link = await teacherLink();
    const student = await studentWithWork();
    const before = screenOf(student);
    expect(await student.flow.openShareParam(link.slice(0, 40))).toBe('refused');
    expect(student.flow.useShareStore.getState().problem).toMatch(/^This link is damaged: it was cut off \(the data ends early, after 40 characters\)/);
    expect(student.flow.useShareStore.getState().pending).toBeNull();
    expect(screenOf(student)).toEqual(before);
  });

  it('reports a corrupted session file and keeps everything', async () => {
    const student = await studentWithWork();
    const before = screenOf(student);
    expect(await student.flow.openSessionFileText('{"app": "rerank-playground", "version": 1}', 'broken.rerank.json')).toBe('refused');
    expect(student.flow.useShareStore.getState().problem).toBe(
      'The file "broken.rerank.json" holds a setup that is not valid: at paste, a required field is missing (expected object). Choose the file again, or ask for a new copy. Nothing here was changed.',
    );
    expect(screenOf(student)).toEqual(before);
  });

  it('says so when the kept work cannot be read back, and changes nothing', async () => {
    const broken: PreviousWorkStorage = { save: () => Promise.resolve(true), load: () => Promise.resolve('{"savedAt": 1, "session": "not json", "pasteMarks": []}'), clear: () => Promise.resolve() };
    const page = await studentWithWork(broken);
    const before = screenOf(page);
    const restored = await page.flow.restorePreviousWork();
    expect(restored.ok === false && restored.error.message).toBe('Your earlier work could not be read back, so nothing was changed.');
    expect(screenOf(page)).toEqual(before);
  });
});

describe('the IndexedDB copy of the replaced work', () => {
  it('saves, loads and clears a record', async () => {
    const { indexedDbPreviousWork } = await import('./previousWork');
    const storage = indexedDbPreviousWork();
    if (!storage) throw new Error('fake-indexeddb provides indexedDB');
    expect(await storage.load()).toBeNull();
    expect(await storage.save('{"savedAt":1}')).toBe(true);
    expect(await storage.load()).toBe('{"savedAt":1}');
    await storage.clear();
    expect(await storage.load()).toBeNull();
  });
});
