import { createStore, del, get, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { z } from 'zod';
import { SAVED_SET_VERSION, parseSavedSet, userJudgmentsSchema } from './setSchema';
import type { SavedSet } from './setSchema';
import { IndexedDbMissingError, classifyStorageError, describeStorageError, hasIndexedDb, storageRefusalReason } from './storageErrors';

export type { SavedSet } from './setSchema';

/**
 * The query set on screen and the user's judgments, kept in IndexedDB for the next visit.
 * Maps are stored as Maps (IndexedDB uses structured clone). Nothing here throws: every outcome is a value
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
    let raw: unknown;
    try {
      raw = await get<unknown>(CURRENT_SET_KEY, openStore());
    } catch (error) {
      // Only an unexplained failure may hide a save; storage that is full, blocked or absent holds none we could lose.
      const isSafeToOverwrite = classifyStorageError(error) !== 'other';
      const message = describeStorageError(error, WHAT, 'loading');
      keepSaved = isSafeToOverwrite ? null : `${message} So that nothing is lost, this page does not save over it.`;
      return { kind: 'unavailable', message, isSafeToOverwrite };
    }
    if (raw === undefined) return { kind: 'none', isSafeToOverwrite: true };

    const parsed = parseSavedSet(raw);
    if (parsed.kind === 'newer') {
      const message =
        `${WHAT} from your last visit was saved by a newer version of Rerank Playground (save format ${parsed.version}; ` +
        `this page reads format ${SAVED_SET_VERSION}). It was left untouched, and this page will not save over it. ` +
        'Open the newer version to use it, or clear the saved set to start over here.';
      keepSaved = message;
      return { kind: 'newer', version: parsed.version, message, isSafeToOverwrite: false };
    }
    if (parsed.kind === 'invalid') {
      const unread = `${WHAT} from your last visit could not be read: ${parsed.reason}.`;
      const backupFailure = await backUp(raw);
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
    const backupFailure = await backUp(raw);
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

  const saveSet = async (saved: SavedSet): Promise<StorageOutcome> => {
    if (keepSaved !== null) return { ok: false, reason: 'kept-saved-set', message: keepSaved };
    try {
      await set(CURRENT_SET_KEY, toRecord(saved), openStore());
      return { ok: true };
    } catch (error) {
      console.warn('Saving the query set failed', error);
      return { ok: false, reason: 'refused', message: describeStorageError(error, WHAT) };
    }
  };

  const clearSet = async (): Promise<StorageOutcome> => {
    try {
      await del(CURRENT_SET_KEY, openStore());
      await del(CURRENT_MARKS_KEY, openStore());
      keepSaved = null;
      return { ok: true };
    } catch (error) {
      const message = `The saved query set could not be cleared: ${storageRefusalReason(error)}. Reload the page and try again.`;
      return { ok: false, reason: 'refused', message };
    }
  };

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
