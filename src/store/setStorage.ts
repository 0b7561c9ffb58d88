import { createStore, get, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { z } from 'zod';
import { SAVED_SET_VERSION, parseSavedSet, userJudgmentsSchema } from './setSchema';
import type { SavedSet } from './setSchema';
import { SET_STORAGE_FORMAT, deleteSetAndChunks, newSaveId, readSetRecord, saveIdOfHead, splitSet, sweepChunks, writeInOrder } from './setChunks';
import type { ChunkedRead } from './setChunks';
import { IndexedDbMissingError, classifyStorageError, describeStorageError, hasIndexedDb, storageRefusalReason } from './storageErrors';

export type { SavedSet } from './setSchema';

/**
 * The query set on screen and the user's judgments, kept in IndexedDB for the next visit.
 * Maps are stored as Maps (IndexedDB uses structured clone), the set in chunks (setChunks.ts) so that no task clones
 * more than a few megabytes; a whole-set record of format 1 is still read. Nothing here throws: every outcome is a value
 * with words for a person. A save this page cannot read is never written over before it is copied aside,
 * and a save from a newer version of the playground is never written over at all.
 */

export const SET_DB = 'rerank-playground';
export const SET_STORE = 'sets';
export const CURRENT_SET_KEY = 'set:current';
export const UNREADABLE_BACKUP_KEY = 'set:unreadable-backup';
/**
 * The user's marks and the open query, saved apart from the set: a judgment click then writes a few bytes,
 * not the whole set (a set of 300 queries × 100 candidates is megabytes to clone).
 */
export const CURRENT_MARKS_KEY = 'set:current:marks';

/** What changes while a set is open. `setSavedAt` ties the marks to the save of the set they belong to. */
export interface SavedMarks {
  setSavedAt: number;
  userJudgments: SavedSet['userJudgments'];
  activeQueryId: string | null;
}

const marksSchema = z.object({ setSavedAt: z.number(), userJudgments: userJudgmentsSchema, activeQueryId: z.string().nullable() });

export type StorageOutcome =
  | { ok: true }
  | { ok: false; reason: 'refused' | 'kept-saved-set'; message: string };

/** `isSafeToOverwrite` false: the caller must not save until the user clears the saved set (saveSet refuses too). */
export type LoadOutcome =
  | { kind: 'none'; isSafeToOverwrite: true }
  | { kind: 'ok'; saved: SavedSet; dropped: string[]; message: string | null; isSafeToOverwrite: true }
  | { kind: 'newer'; version: number; message: string; isSafeToOverwrite: false }
  | { kind: 'invalid'; message: string; isSafeToOverwrite: boolean }
  | { kind: 'unavailable'; message: string; isSafeToOverwrite: boolean };

export interface SetStorage {
  saveSet(saved: SavedSet): Promise<StorageOutcome>;
  /** Saves the marks and the open query of the set saved at `marks.setSavedAt`. */
  saveMarks(marks: SavedMarks): Promise<StorageOutcome>;
  loadSet(): Promise<LoadOutcome>;
  /** Forgets the saved set (not the unreadable backup), and lifts a refusal to save over it. */
  clearSet(): Promise<StorageOutcome>;
}

export interface SetStorageOptions {
  dbName?: string;
  storeName?: string;
  /** An idb-keyval store to use instead of (dbName, storeName); tests pass a failing one. */
  store?: UseStore;
}

const WHAT = 'The query set';

export function createSetStorage(options: SetStorageOptions = {}): SetStorage {
  let store: UseStore | undefined = options.store;
  // Set by loadSet when what is saved must not be written over; the message says why.
  let keepSaved: string | null = null;
  // The save id of the head last read or written here: its chunks go once a later save's head replaces it.
  let knownSaveId: string | null = null;
  // Saves and clears run one at a time, in call order, as single puts did: a slow save never lands after a later one.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };

  const openStore = (): UseStore => {
    if (store !== undefined) return store;
    if (!hasIndexedDb()) throw new IndexedDbMissingError();
    store = createStore(options.dbName ?? SET_DB, options.storeName ?? SET_STORE);
    return store;
  };

  /** Copies an unreadable or damaged save aside; returns null when done, else why not. */
  const backUp = async (raw: unknown): Promise<string | null> => {
    try {
      await set(UNREADABLE_BACKUP_KEY, raw, openStore());
      return null;
    } catch (error) {
      return storageRefusalReason(error);
    }
  };

  const loadSet = async (): Promise<LoadOutcome> => {
    knownSaveId = null;
    let raw: unknown;
    let read: ChunkedRead | null;
    try {
      ({ raw, read } = await readSetRecord(CURRENT_SET_KEY, openStore()));
    } catch (error) {
      // Only an unexplained failure may hide a save; storage that is full, blocked or absent holds none we could lose.
      const isSafeToOverwrite = classifyStorageError(error) !== 'other';
      const message = describeStorageError(error, WHAT, 'loading');
      keepSaved = isSafeToOverwrite ? null : `${message} So that nothing is lost, this page does not save over it.`;
      return { kind: 'unavailable', message, isSafeToOverwrite };
    }
    if (raw === undefined) return { kind: 'none', isSafeToOverwrite: true };
    // A damaged head counts as read: the next save may replace it once it is copied aside, and then its chunks go.
    if (read?.kind !== 'newer') knownSaveId = saveIdOfHead(raw);
    // The save as it was: a format-1 record, or a head's chunks joined into one.
    let whole: unknown = raw;
    let parsed: ReturnType<typeof parseSavedSet>;
    if (read === null) parsed = parseSavedSet(raw);
    else if (read.kind === 'ok') {
      whole = read.record;
      parsed = parseSavedSet(whole);
    } else if (read.kind === 'newer') parsed = read;
    else {
      whole = read.asFound;
      parsed = { kind: 'invalid', reason: read.reason };
    }
    if (parsed.kind === 'newer') {
      const message =
        `${WHAT} from your last visit was saved by a newer version of Rerank Playground (save format ${parsed.version}; ` +
        `this page reads formats ${SAVED_SET_VERSION} and ${SET_STORAGE_FORMAT}). It was left untouched, and this page will not save over it. ` +
        'Open the newer version to use it, or clear the saved set to start over here.';
      keepSaved = message;
      return { kind: 'newer', version: parsed.version, message, isSafeToOverwrite: false };
    }
    if (parsed.kind === 'invalid') {
      const unread = `${WHAT} from your last visit could not be read: ${parsed.reason}.`;
      const backupFailure = await backUp(whole);
      if (backupFailure === null) {
        const message = `${unread} A copy was kept in this browser's storage under "${UNREADABLE_BACKUP_KEY}", and the next save replaces the unreadable one. Import the set again to carry on.`;
        keepSaved = null;
        return { kind: 'invalid', message, isSafeToOverwrite: true };
      }
      const message = `${unread} It could not be copied aside (${backupFailure}), so this page will not save over it. Clear the saved set to start over.`;
      keepSaved = message;
      return { kind: 'invalid', message, isSafeToOverwrite: false };
    }

    keepSaved = null;
    await applyMarks(parsed.saved);
    if (parsed.dropped.length === 0) return { ...parsed, message: null, isSafeToOverwrite: true };
    // The next save writes only what was kept, so the save as it was is copied aside first.
    const backupFailure = await backUp(whole);
    const copy =
      backupFailure === null
        ? `A copy of the save as it was is kept in this browser's storage under "${UNREADABLE_BACKUP_KEY}".`
        : `They could not be copied aside (${backupFailure}); the next save leaves them out for good.`;
    const message =
      `${WHAT} "${parsed.saved.set.name}" was restored without ${parsed.dropped.length} damaged ` +
      `part${parsed.dropped.length === 1 ? '' : 's'}: ${listSome(parsed.dropped)}. ${copy}`;
    return { ...parsed, message, isSafeToOverwrite: true };
  };

  /** Later marks of the same save replace the ones saved with the set; marks that fail their schema are ignored. */
  const applyMarks = async (saved: SavedSet): Promise<void> => {
    try {
      const marks = marksSchema.safeParse(await get<unknown>(CURRENT_MARKS_KEY, openStore()));
      if (marks.success && marks.data.setSavedAt === saved.savedAt) {
        (saved as { userJudgments: SavedSet['userJudgments'] }).userJudgments = marks.data.userJudgments;
        (saved as { activeQueryId: string | null }).activeQueryId = marks.data.activeQueryId;
      }
    } catch {
      // The marks saved with the set stand.
    }
  };

  const saveMarks = async (marks: SavedMarks): Promise<StorageOutcome> => {
    if (keepSaved !== null) return { ok: false, reason: 'kept-saved-set', message: keepSaved };
    try {
      await set(CURRENT_MARKS_KEY, marks, openStore());
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: 'refused', message: describeStorageError(error, 'Your judgments') };
    }
  };

  /** The chunks first, the head last, then the replaced save's chunks: a save cut off anywhere leaves one readable. */
  const saveSet = (saved: SavedSet): Promise<StorageOutcome> => inTurn(async () => {
    if (keepSaved !== null) return { ok: false, reason: 'kept-saved-set', message: keepSaved };
    const saveId = newSaveId(Date.now());
    try {
      const { head, chunks } = splitSet(toRecord(saved), saveId);
      await writeInOrder([...chunks, [CURRENT_SET_KEY, head]], openStore());
    } catch (error) {
      console.warn('Saving the query set failed', error);
      return { ok: false, reason: 'refused', message: describeStorageError(error, WHAT) };
    }
    const replaced = knownSaveId;
    knownSaveId = saveId;
    try {
      await sweepChunks(openStore(), saveId, replaced, Date.now());
    } catch (error) {
      // Only space is lost: the next save sweeps them again.
      console.warn('Removing the chunks of an earlier query set save failed', error);
    }
    return { ok: true };
  });

  const clearSet = (): Promise<StorageOutcome> => inTurn(async () => {
    try {
      await deleteSetAndChunks(openStore(), [CURRENT_SET_KEY, CURRENT_MARKS_KEY]);
      keepSaved = null;
      knownSaveId = null;
      return { ok: true };
    } catch (error) {
      const message = `The saved query set could not be cleared: ${storageRefusalReason(error)}. Reload the page and try again.`;
      return { ok: false, reason: 'refused', message };
    }
  });

  return { saveSet, saveMarks, loadSet, clearSet };
}

/** The first few parts by name, the rest counted: the full list is in `dropped`. */
function listSome(parts: readonly string[], shown = 3): string {
  const named = parts.slice(0, shown).join('; ');
  return parts.length > shown ? `${named}; and ${parts.length - shown} more` : named;
}

/** Exactly the fields of a save, so nothing else the caller's objects carry ends up on disk. */
function toRecord(saved: SavedSet): SavedSet {
  const { name, queries, documents, scoreKind } = saved.set;
  return {
    version: SAVED_SET_VERSION,
    set: { name, queries, documents, scoreKind },
    userJudgments: saved.userJudgments,
    activeQueryId: saved.activeQueryId,
    savedAt: saved.savedAt,
  };
}

// The page's own storage; it touches IndexedDB only when first called.
const pageSetStorage = createSetStorage();

export const saveSet = (saved: SavedSet): Promise<StorageOutcome> => pageSetStorage.saveSet(saved);
export const saveMarks = (marks: SavedMarks): Promise<StorageOutcome> => pageSetStorage.saveMarks(marks);
export const loadSet = (): Promise<LoadOutcome> => pageSetStorage.loadSet();
export const clearSet = (): Promise<StorageOutcome> => pageSetStorage.clearSet();
