import { create } from 'zustand';
import { backupSavedAt, decodeShareParam, readBackup, readSessionFile, sameSetup, type SharedSetup, type ShareSource } from '../../core/share';
import type { AppError, Result } from '../../core/types';
import { computeClient } from '../../compute/client';
import { useAppStore } from '../../store';
import { applySetup, backupOf, isUntouched, restoreBackup, setupOfState, SHARE_SCOPE } from '../../store/shareActions';

/**
 * Opening a link or file never silently replaces the user's work: a setup different from what is on screen
 * waits for the user's answer, and what it replaces is kept (in memory and in IndexedDB) until restored
 * or forgotten. A small store of its own: this is the flow's state, not work to keep.
 */

/** Where the replaced work is kept (IndexedDB in the app: previousWork.ts; a Map in tests). */
export interface PreviousWorkStorage {
  save(record: string): Promise<boolean>;
  load(): Promise<string | null>;
  clear(): Promise<void>;
}

export interface ShareFlowState {
  /** A setup that would replace the work on screen, waiting for the user's answer. */
  pending: { setup: SharedSetup; from: ShareSource } | null;
  /** Why the last link or file could not be opened (nothing was changed). */
  problem: string | null;
  /** What the last action did, in words. */
  notice: string | null;
  /** The work a setup replaced, while it can be restored. */
  previous: { savedAt: number; inThisTabOnly: boolean } | null;
}

export const useShareStore = create<ShareFlowState>()(() => ({ pending: null, problem: null, notice: null, previous: null }));

let previousStorage: PreviousWorkStorage | null = null;
/** The last backup, also in memory: storage may refuse it, and this tab still has it. */
let previousRecord: string | null = null;

export function setPreviousWorkStorage(storage: PreviousWorkStorage | null): void {
  previousStorage = storage;
}

async function keepPreviousWork(): Promise<void> {
  const record = backupOf(useAppStore.getState());
  if (record === null) return;
  previousRecord = record;
  const saved = previousStorage ? await previousStorage.save(record).catch(() => false) : false;
  useShareStore.setState({ previous: { savedAt: backupSavedAt(record) ?? Date.now(), inThisTabOnly: !saved } });
}

const nameOf = (from: ShareSource): string => (from.kind === 'link' ? 'the shared setup' : `"${from.name}"`);

/**
 * Setups whose sets or pastes differ in size cannot be the same: no need to write both out as JSON (as
 * sameSetup does, 100 MB for a large set, hundreds of milliseconds on the page) to tell.
 */
export function differInSize(a: SharedSetup, b: SharedSetup): boolean {
  const sizeOf = ({ paste, querySet }: SharedSetup) => [paste?.documentsText.length ?? -1, querySet?.set.queries.length ?? -1, querySet?.set.documents.size ?? -1].join('/');
  return sizeOf(a) !== sizeOf(b);
}

/**
 * Offers a setup from a link or file. The same as what is on screen: shown at once. Otherwise the user is
 * asked, unless nothing here was ever changed from the defaults; either way what was here is kept.
 */
export async function offerSetup(setup: SharedSetup, from: ShareSource): Promise<'applied' | 'asked'> {
  const state = useAppStore.getState();
  const current = setupOfState(state, SHARE_SCOPE);
  const same = !differInSize(current, setup) && sameSetup(current, setup);
  useShareStore.setState({ problem: null, notice: null });
  if (!same && !isUntouched(state)) {
    useShareStore.setState({ pending: { setup, from } });
    return 'asked';
  }
  if (!same) await keepPreviousWork();
  applySetup(setup);
  useShareStore.setState({ notice: `Opened ${nameOf(from)}.` });
  return 'applied';
}

export async function acceptPendingSetup(): Promise<void> {
  const pending = useShareStore.getState().pending;
  if (!pending) return;
  await keepPreviousWork();
  applySetup(pending.setup);
  useShareStore.setState({ pending: null, notice: `Opened ${nameOf(pending.from)}. Your earlier work is kept: "Restore what was here" brings it back.` });
}

export function declinePendingSetup(): void {
  const pending = useShareStore.getState().pending;
  useShareStore.setState({ pending: null, notice: pending ? `${nameOf(pending.from)} was not opened; your work is as it was.`.replace(/^./, (c) => c.toUpperCase()) : null });
}

export function reportShareProblem(message: string): void {
  useShareStore.setState({ problem: message, notice: null });
}

/** Reads the kept work back (validated like any file), puts it on screen, then forgets it. */
export async function restorePreviousWork(): Promise<Result<true>> {
  const record = previousRecord ?? (await previousStorage?.load().catch(() => null)) ?? null;
  const backup = record === null ? null : readBackup(record);
  if (!backup) return { ok: false, error: { message: 'Your earlier work could not be read back, so nothing was changed.' } };
  useShareStore.setState({ pending: null });
  restoreBackup(backup);
  await forgetPreviousWork();
  useShareStore.setState({ notice: 'Your earlier work is back.' });
  return { ok: true, value: true };
}

export async function forgetPreviousWork(): Promise<void> {
  previousRecord = null;
  await previousStorage?.clear().catch(() => undefined);
  useShareStore.setState({ previous: null });
}

/** At start-up: whether work kept on an earlier visit can still be restored. */
export async function findPreviousWork(): Promise<void> {
  const record = await previousStorage?.load().catch(() => null);
  const savedAt = record ? backupSavedAt(record) : null;
  if (savedAt !== null) useShareStore.setState({ previous: { savedAt, inThisTabOnly: false } });
}

export type OpenOutcome = 'applied' | 'asked' | 'refused';

/** A link's share parameter: opened, asked about, or its problem reported. */
export async function openShareParam(value: string): Promise<OpenOutcome> {
  const decoded = await decodeShareParam(value);
  if (!decoded.ok) {
    reportShareProblem(decoded.error.message);
    return 'refused';
  }
  return offerSetup(decoded.value, { kind: 'link' });
}

/** Reads a session file (the compute worker reads and validates it: the page never blocks on a large one). */
export type ReadSession = (file: File) => Promise<Result<SharedSetup, AppError>>;

let latestFileOpen = 0;

/** A chosen session file: read off the main thread, then opened, asked about, or its problem reported. A file chosen while another is read wins. */
export async function openSessionFile(file: File, read: ReadSession = (f) => computeClient().readSession(f)): Promise<OpenOutcome | 'superseded'> {
  const mine = ++latestFileOpen;
  useShareStore.setState({ problem: null, notice: `Reading "${file.name}"…` });
  const setup = await read(file);
  if (mine !== latestFileOpen) return 'superseded';
  if (!setup.ok) {
    reportShareProblem(setup.error.message);
    return 'refused';
  }
  return offerSetup(setup.value, { kind: 'file', name: file.name });
}

/** A session file's text at hand (tests): read on this thread. */
export async function openSessionFileText(text: string, name: string): Promise<OpenOutcome> {
  const read = readSessionFile(text, name);
  if (!read.ok) {
    reportShareProblem(read.error.message);
    return 'refused';
  }
  return offerSetup(read.value, { kind: 'file', name });
}
