import { delMany, get, promisifyRequest, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { z } from 'zod';
import type { SetQuery } from '../core/sets/types';
import { SAVED_SET_VERSION } from './setSchema';
import type { SavedSet } from './setSchema';

/**
 * How a query set lies in IndexedDB since save format 2: the queries and the documents in chunks of a few
 * megabytes, each written by its own put with a pause for the page between puts (IndexedDB clones a value on the
 * main thread inside put: one put of a 90 MB set blocked the page for 0.2–0.7 s), then a small head record under
 * the set's key that names its chunks. Chunk keys carry the save's id, so a save cut off half-way never touches the
 * chunks of the save its head still names.
 */

/** The save format of a head record. Format 1 is today's whole-set record (SAVED_SET_VERSION), still read. */
export const SET_STORAGE_FORMAT = 2;
export const CHUNK_PREFIX = 'set:chunk:';
/** About 2–4 MB to clone per chunk (Chromium keeps one-byte strings one byte a character). */
export const CHUNK_CHARS = 2_000_000;
export const CHUNK_MAX_DOCUMENTS = 2_000;
/** What a candidate or a judgment costs to clone, in characters of text (v8 serializes one in about 37 bytes). */
const ENTRY_WEIGHT = 40;
/** Chunks of a save that no head names and that are older than this are left over from a save cut off (a closed tab). */
export const ORPHAN_AGE_MS = 10 * 60 * 1000;

export type ChunkPart = 'queries' | 'documents';

const partSchema = z.object({ chunks: z.number().int().nonnegative(), count: z.number().int().nonnegative() });
const anything = z.unknown().optional();
const headSchema = z.object({
  version: z.literal(SET_STORAGE_FORMAT),
  // `<ms when the save began>.<random>`: safe in a key, and its age tells an orphan.
  saveId: z.string().regex(/^\d+\.[0-9a-z]+$/),
  set: z.object({ name: anything, scoreKind: anything }),
  userJudgments: anything,
  activeQueryId: anything,
  savedAt: anything,
  parts: z.object({ queries: partSchema, documents: partSchema }),
});
export type SetHead = z.infer<typeof headSchema>;

export const chunkKey = (saveId: string, part: ChunkPart, index: number): string => `${CHUNK_PREFIX}${saveId}:${part}:${index}`;

/** The save id a chunk key names, or null for a key that is not a chunk's. */
export function saveIdOfChunk(key: IDBValidKey): string | null {
  if (typeof key !== 'string' || !key.startsWith(CHUNK_PREFIX)) return null;
  const rest = key.slice(CHUNK_PREFIX.length);
  const end = rest.indexOf(':');
  return end < 0 ? null : rest.slice(0, end);
}

export function newSaveId(now: number): string {
  return `${now}.${Math.random().toString(36).slice(2, 10) || '0'}`;
}

/** Groups items in order, each group at most `maxItems` long and `budget` heavy (an item heavier than the budget goes alone). */
export function chunkBy<T>(items: Iterable<T>, weight: (item: T) => number, budget: number, maxItems: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let load = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && (load + w > budget || current.length >= maxItems)) {
      chunks.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const queryWeight = (query: SetQuery): number => query.id.length + query.text.length + ENTRY_WEIGHT * (1 + query.candidates.length + query.judgments.size);

/** The head and the chunks of a save, in the order they are written; nothing is cloned here. */
export function splitSet(saved: SavedSet, saveId: string): { head: SetHead; chunks: [string, unknown][] } {
  const { name, queries, documents, scoreKind } = saved.set;
  const queryChunks = chunkBy(queries, queryWeight, CHUNK_CHARS, Number.MAX_SAFE_INTEGER);
  const documentChunks = chunkBy(documents, ([id, text]) => id.length + text.length, CHUNK_CHARS, CHUNK_MAX_DOCUMENTS);
  const chunks: [string, unknown][] = [
    ...queryChunks.map((chunk, i): [string, unknown] => [chunkKey(saveId, 'queries', i), chunk]),
    ...documentChunks.map((chunk, i): [string, unknown] => [chunkKey(saveId, 'documents', i), new Map(chunk)]),
  ];
  const head: SetHead = {
    version: SET_STORAGE_FORMAT,
    saveId,
    set: { name, scoreKind },
    userJudgments: saved.userJudgments,
    activeQueryId: saved.activeQueryId,
    savedAt: saved.savedAt,
    parts: { queries: { chunks: queryChunks.length, count: queries.length }, documents: { chunks: documentChunks.length, count: documents.size } },
  };
  return { head, chunks };
}

/** Resolves in a later task, so the page can paint and answer input between two clones. */
export function nextTask(): Promise<void> {
  // setTimeout is throttled to once a second in a background tab; a MessageChannel is not.
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Writes each entry with its own put, a task apart, in order (the chunks, then the head last). On a failure the
 * entries written are removed (best effort), so a save cut off leaves the previous one as it was, and it rethrows.
 */
export async function writeInOrder(entries: readonly [string, unknown][], store: UseStore): Promise<void> {
  const written: string[] = [];
  try {
    for (const [key, value] of entries) {
      await nextTask();
      await set(key, value, store);
      written.push(key);
    }
  } catch (error) {
    await delMany(written, store).catch(() => undefined);
    throw error;
  }
}

export type ChunkedRead =
  | { kind: 'ok'; record: unknown }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; reason: string; saveId: string | null; asFound: unknown };

/** Whether a record under the set's key is a head (format 2 or later), not a whole set of format 1. */
export function isHead(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const version: unknown = Reflect.get(raw, 'version');
  return typeof version === 'number' && version > SAVED_SET_VERSION;
}

/**
 * Reads exactly the chunks a head names and joins them into a format-1 record for parseSavedSet, which checks it
 * as strictly as ever. A head whose chunks are missing, of the wrong kind or of the wrong size is invalid whole:
 * a set is never loaded half. `asFound` is the head with every chunk that was found, for the copy kept aside.
 */
export async function readChunked(raw: unknown, store: UseStore): Promise<ChunkedRead> {
  const version: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'version') : undefined;
  // Any version above 1 but 2 is one this page does not know, so it is left alone, as format 1 pages always did.
  if (typeof version === 'number' && version !== SET_STORAGE_FORMAT) return { kind: 'newer', version };
  const head = headSchema.safeParse(raw);
  if (!head.success) {
    const issue = head.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    return { kind: 'invalid', reason: `its head record is damaged (${where === '' ? '' : `${where}: `}${issue?.message ?? 'not valid'})`, saveId: null, asFound: raw };
  }
  const { saveId, parts } = head.data;
  const found = new Map<string, unknown>();
  const invalid = (reason: string): ChunkedRead => ({ kind: 'invalid', reason, saveId, asFound: { head: raw, chunks: found } });

  const queries: unknown[] = [];
  for (let i = 0; i < parts.queries.chunks; i++) {
    const chunk: unknown = await get<unknown>(chunkKey(saveId, 'queries', i), store);
    if (chunk !== undefined) found.set(chunkKey(saveId, 'queries', i), chunk);
    if (!Array.isArray(chunk)) return invalid(`part ${i + 1} of ${parts.queries.chunks} of its queries is ${chunk === undefined ? 'missing' : 'not a list'}`);
    for (const query of chunk) queries.push(query);
  }
  const documents = new Map<unknown, unknown>();
  for (let i = 0; i < parts.documents.chunks; i++) {
    const chunk: unknown = await get<unknown>(chunkKey(saveId, 'documents', i), store);
    if (chunk !== undefined) found.set(chunkKey(saveId, 'documents', i), chunk);
    if (!(chunk instanceof Map)) return invalid(`part ${i + 1} of ${parts.documents.chunks} of its documents is ${chunk === undefined ? 'missing' : 'not a Map'}`);
    for (const [id, text] of chunk as Map<unknown, unknown>) documents.set(id, text);
  }
  if (queries.length !== parts.queries.count) return invalid(`its chunks hold ${queries.length} queries, not the ${parts.queries.count} its head names`);
  if (documents.size !== parts.documents.count) return invalid(`its chunks hold ${documents.size} distinct documents, not the ${parts.documents.count} its head names`);

  const { set: headSet, userJudgments, activeQueryId, savedAt } = head.data;
  const record = { version: SAVED_SET_VERSION, set: { name: headSet.name, queries, documents, scoreKind: headSet.scoreKind }, userJudgments, activeQueryId, savedAt };
  return { kind: 'ok', record };
}

/**
 * Reads what is under `key` and, for a head, its chunks. When chunks are missing because another tab's save
 * replaced the head (and removed them) while they were read, it reads again: only a head that stays put while its
 * chunks are missing is damaged. Storage errors are thrown.
 */
export async function readSetRecord(key: string, store: UseStore): Promise<{ raw: unknown; read: ChunkedRead | null }> {
  for (let attempt = 1; ; attempt++) {
    const raw = await get<unknown>(key, store);
    if (!isHead(raw)) return { raw, read: null };
    const read = await readChunked(raw, store);
    if (read.kind !== 'invalid' || attempt === 3) return { raw, read };
    if (saveIdOfHead(await get<unknown>(key, store)) === read.saveId) return { raw, read };
  }
}

/** The save id a head names, read without validating the rest (for cleaning up after a damaged head). */
export function saveIdOfHead(raw: unknown): string | null {
  const saveId: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'saveId') : undefined;
  return typeof saveId === 'string' && /^\d+\.[0-9a-z]+$/.test(saveId) ? saveId : null;
}

/** Every chunk key in the store (keys only: nothing is cloned). */
export function chunkKeys(store: UseStore): Promise<IDBValidKey[]> {
  const range = IDBKeyRange.bound(CHUNK_PREFIX, `${CHUNK_PREFIX}\uffff`);
  return store('readonly', (objects) => promisifyRequest(objects.getAllKeys(range)));
}

/**
 * After a head was written: removes the chunks of the save it replaced, and chunks no head names that are older
 * than ORPHAN_AGE_MS (a younger one may belong to another tab's save still being written).
 */
export async function sweepChunks(store: UseStore, keep: string, replaced: string | null, now: number): Promise<void> {
  const stale = (await chunkKeys(store)).filter((key) => {
    const saveId = saveIdOfChunk(key);
    if (saveId === null || saveId === keep) return false;
    return saveId === replaced || Number(saveId.split('.')[0]) < now - ORPHAN_AGE_MS;
  });
  if (stale.length > 0) await delMany(stale, store);
}

/** Deletes the set's head, the marks and every chunk in one transaction: the set is gone whole or not at all. */
export function deleteSetAndChunks(store: UseStore, keys: readonly string[]): Promise<void> {
  const range = IDBKeyRange.bound(CHUNK_PREFIX, `${CHUNK_PREFIX}\uffff`);
  return store('readwrite', (objects) => {
    for (const key of keys) objects.delete(key);
    objects.delete(range);
    return promisifyRequest(objects.transaction);
  });
}
