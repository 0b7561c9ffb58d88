import { z } from 'zod';
import type { QuerySet, SetQuery } from '../core/sets/types';

/**
 * What a saved query set looks like, and how a save read back from IndexedDB is checked before it reaches the store.
 * Damage is contained: a malformed query is dropped and named, the rest is kept; only a record whose frame
 * (version, set, queries, documents) is unusable is refused whole.
 */

export const SAVED_SET_VERSION = 1;

export interface SavedSet {
  version: typeof SAVED_SET_VERSION;
  set: QuerySet;
  /**
   * The user's own grades, which override the set's judgments: by query id, then document id.
   * `null` marks a document unjudged although the set grades it (the store's JudgmentOverrides).
   */
  userJudgments: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  activeQueryId: string | null;
  /** Date.now() of the save. */
  savedAt: number;
}

// z.number() refuses NaN and ±Infinity in zod 4; .int() also refuses fractions.
const gradeMapSchema = z.map(z.string(), z.number().int());
const candidateSchema = z.object({ docId: z.string(), score: z.number().optional() });

export const setQuerySchema = z.object({
  id: z.string(),
  text: z.string(),
  candidates: z.array(candidateSchema),
  judgments: gradeMapSchema,
});

/**
 * Document texts by id, checked in place: z.map would copy every entry into a new Map, and for 30,000
 * documents that copy (and its garbage) was most of the time a load took.
 */
export const documentsSchema = z.custom<ReadonlyMap<string, string>>(
  (value) => value instanceof Map && everyEntryIsText(value),
  'Invalid input: expected a Map of document ids to texts',
);
const gradeOverrideSchema = z.number().int().nullable();
const overrideMapSchema = z.map(z.string(), gradeOverrideSchema);
export const userJudgmentsSchema = z.map(z.string(), overrideMapSchema);
export const scoreKindSchema = z.enum(['retriever score', 'BM25']).nullable();

/**
 * The frame a save needs to be usable at all; its other parts may be missing or damaged (zod 4 wants
 * `.optional()` for that even on unknown) and are checked one by one afterwards.
 */
const anything = z.unknown().optional();
const frameSchema = z.object({
  version: z.literal(SAVED_SET_VERSION),
  set: z.object({
    name: anything,
    queries: z.array(z.unknown()),
    documents: z.custom<ReadonlyMap<unknown, unknown>>((value) => value instanceof Map, 'Invalid input: expected a Map'),
    scoreKind: anything,
  }),
  userJudgments: anything,
  activeQueryId: anything,
  savedAt: anything,
});

/** A fully valid save, all or nothing (what `saveSet` writes). */
export const savedSetSchema = z.object({
  version: z.literal(SAVED_SET_VERSION),
  set: z.object({ name: z.string(), queries: z.array(setQuerySchema), documents: documentsSchema, scoreKind: scoreKindSchema }),
  userJudgments: userJudgmentsSchema,
  activeQueryId: z.string().nullable(),
  savedAt: z.number(),
});

export type ParsedSave =
  | { kind: 'ok'; saved: SavedSet; dropped: string[] }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; reason: string };

const FALLBACK_NAME = 'Restored query set';

/** Checks a save read back from storage; never throws. `dropped` names every part left out, in words. */
export function parseSavedSet(raw: unknown): ParsedSave {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'invalid', reason: `the save is not a record (found ${describeFound(raw)})` };
  }
  const version: unknown = Reflect.get(raw, 'version');
  if (typeof version === 'number' && version > SAVED_SET_VERSION) return { kind: 'newer', version };
  const frame = frameSchema.safeParse(raw);
  if (!frame.success) return { kind: 'invalid', reason: `its frame is damaged (${firstIssue(frame.error)})` };

  const dropped: string[] = [];
  const { set: rawSet, userJudgments, activeQueryId, savedAt } = frame.data;
  const queries = keepValidQueries(rawSet.queries, dropped);
  const documents = keepValidDocuments(rawSet.documents, dropped);

  const name = z.string().safeParse(rawSet.name);
  if (!name.success) dropped.push(`the set's name (${firstIssue(name.error)}); it is now "${FALLBACK_NAME}"`);
  const scoreKind = scoreKindSchema.safeParse(rawSet.scoreKind);
  if (!scoreKind.success) dropped.push(`what the candidate scores mean (${firstIssue(scoreKind.error)})`);

  const set: QuerySet = {
    name: name.success ? name.data : FALLBACK_NAME,
    queries,
    documents,
    scoreKind: scoreKind.success ? scoreKind.data : null,
  };
  return {
    kind: 'ok',
    saved: {
      version: SAVED_SET_VERSION,
      set,
      userJudgments: keepValidUserJudgments(userJudgments, dropped),
      activeQueryId: keepActiveQuery(activeQueryId, queries, dropped),
      savedAt: keepSavedAt(savedAt, dropped),
    },
    dropped,
  };
}

function keepValidQueries(rawQueries: readonly unknown[], dropped: string[]): SetQuery[] {
  const kept: SetQuery[] = [];
  const seen = new Set<string>();
  rawQueries.forEach((rawQuery, i) => {
    const parsed = setQuerySchema.safeParse(rawQuery);
    const label = queryLabel(rawQuery, i);
    if (!parsed.success) dropped.push(`${label}: ${firstIssue(parsed.error)}`);
    else if (seen.has(parsed.data.id)) dropped.push(`${label}: the same id as an earlier query`);
    else {
      seen.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  return kept;
}

/**
 * The Map if it is wholly valid (one pass), else its valid entries, naming each entry left out.
 * The entries at fault are read from zod's issues (their path starts with the key), so a large Map
 * is not checked again one safeParse per entry.
 */
function keepValidEntries<V>(
  map: ReadonlyMap<unknown, unknown>,
  mapSchema: z.ZodType<Map<string, V>>,
  dropped: string[],
  what: string,
): Map<string, V> {
  const whole = mapSchema.safeParse(map);
  if (whole.success) return whole.data;
  const problems = new Map<unknown, string>();
  for (const issue of whole.error.issues) {
    const [key, ...where] = issue.path;
    if (key === undefined || problems.has(key)) continue;
    problems.set(key, where.length === 0 ? issue.message : `${where.map(String).join('.')}: ${issue.message}`);
  }
  const clean = new Map<unknown, unknown>();
  for (const [key, value] of map) {
    if (typeof key !== 'string') dropped.push(`${what} with a key that is not text (found ${describeFound(key)})`);
    else if (problems.has(key)) dropped.push(`${what} ${JSON.stringify(key)}: ${problems.get(key)}`);
    else clean.set(key, value);
  }
  const kept = mapSchema.safeParse(clean);
  if (kept.success) return kept.data;
  // Not expected (every entry at fault is gone), but never a silent loss.
  dropped.push(`every ${what} (${firstIssue(kept.error)})`);
  return new Map();
}

function keepValidDocuments(map: ReadonlyMap<unknown, unknown>, dropped: string[]): ReadonlyMap<string, string> {
  const whole = documentsSchema.safeParse(map);
  if (whole.success) return whole.data;
  const kept = new Map<string, string>();
  for (const [id, text] of map) {
    if (typeof id !== 'string') dropped.push(`the text of a document whose id is not text (found ${describeFound(id)})`);
    else if (typeof text !== 'string') dropped.push(`the text of document ${JSON.stringify(id)} (found ${describeFound(text)})`);
    else kept.set(id, text);
  }
  return kept;
}

function everyEntryIsText(map: ReadonlyMap<unknown, unknown>): boolean {
  for (const [id, text] of map) if (typeof id !== 'string' || typeof text !== 'string') return false;
  return true;
}

function keepValidUserJudgments(raw: unknown, dropped: string[]): Map<string, Map<string, number | null>> {
  if (!(raw instanceof Map)) {
    dropped.push(`your own judgments (found ${describeFound(raw)} instead of a Map)`);
    return new Map();
  }
  const whole = userJudgmentsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const kept = new Map<string, Map<string, number | null>>();
  const entries: Map<unknown, unknown> = raw;
  for (const [queryId, grades] of entries) {
    if (typeof queryId !== 'string') {
      dropped.push(`your own judgments under a query id that is not text (found ${describeFound(queryId)})`);
    } else if (!(grades instanceof Map)) {
      dropped.push(`your own judgments for query ${JSON.stringify(queryId)} (found ${describeFound(grades)} instead of a Map)`);
    } else {
      const what = `your judgment for query ${JSON.stringify(queryId)} of document`;
      kept.set(queryId, keepValidEntries(grades, overrideMapSchema, dropped, what));
    }
  }
  return kept;
}

function keepActiveQuery(raw: unknown, queries: readonly SetQuery[], dropped: string[]): string | null {
  if (raw === null) return null;
  if (typeof raw !== 'string') {
    dropped.push(`which query was open (found ${describeFound(raw)} instead of a query id)`);
    return null;
  }
  if (queries.some((query) => query.id === raw)) return raw;
  dropped.push(`which query was open: ${JSON.stringify(raw)} is not in the restored set`);
  return null;
}

function keepSavedAt(raw: unknown, dropped: string[]): number {
  const parsed = z.number().safeParse(raw);
  if (parsed.success) return parsed.data;
  dropped.push(`when the set was saved (${firstIssue(parsed.error)})`);
  return 0;
}

function queryLabel(rawQuery: unknown, index: number): string {
  const id: unknown = typeof rawQuery === 'object' && rawQuery !== null ? Reflect.get(rawQuery, 'id') : undefined;
  const position = `position ${index + 1}`;
  return typeof id === 'string' ? `query ${JSON.stringify(id)} (${position})` : `the query at ${position}`;
}

/** The first problem zod found, with where it is: "candidates.2.score: Invalid input: expected number, received string". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'is not valid';
  const where = issue.path.map(String).join('.');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

function describeFound(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a Map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
