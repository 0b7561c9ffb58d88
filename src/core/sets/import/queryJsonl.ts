/**
 * JSONL with one query per line, each carrying its own documents:
 *   {"query": "...", "query_id"?: "...", "documents" | "candidates" | "hits": [ "text" | {text, id, score, relevance} ]}
 * Elasticsearch hits (`_id`, `_score`, `_source.text`) read too, and so does the MTEB reranking shape
 *   {"query": "...", "positive": [...], "negative": [...]}: positives are judged 1, negatives 0.
 */
import type { SetFile, SetFileParts } from '../types';
import { guessField, KNOWN_FIELD_NAMES } from '../../parse/fieldNames';
import { describeJsonKind, isPlainObject } from '../../parse/jsonItem';
import { readId, readNumber, readRelevance, readText, showValue } from '../../parse/values';
import { joinTitle } from './collection';
import { guarded, IssueList, isBlank, readJsonObjectLine, textLines } from './lines';

export const QUERY_TEXT_FIELDS = ['query', 'query_text', 'question'] as const;
export const QUERY_ID_FIELDS = ['query_id', 'qid', 'query-id', 'id', '_id'] as const;
export const DOCUMENT_LIST_FIELDS = ['documents', 'candidates', 'hits', 'docs', 'passages', 'results'] as const;
export const POSITIVE_FIELDS = ['positive', 'positives'] as const;
export const NEGATIVE_FIELDS = ['negative', 'negatives'] as const;
export const DOC_ID_FIELDS = [...KNOWN_FIELD_NAMES.id, 'pid', 'corpus_id', 'corpus-id'] as const;
export const RELEVANCE_FIELDS = [...KNOWN_FIELD_NAMES.relevance, 'grade'] as const;

/** A query of a self-contained file before its missing ids are generated. */
export interface DraftQuery {
  id?: string;
  text: string;
  line: number;
  /** 1-based place in the file (bad lines count too, so fixing one renames no other query): the n of `q${n}`. */
  position: number;
  candidates: DraftCandidate[];
}
export interface DraftCandidate {
  docId?: string;
  text: string;
  score?: number;
  grade?: number;
  line: number;
  /** 1-based place in its query's list: the n of a generated id. */
  position: number;
}
type SelfContainedQuery = NonNullable<SetFileParts['queries']>[number];

/**
 * Fills in missing ids: queries `q1`, `q2`, ... by their place in the file, documents `${queryId}-d${n}`, so they
 * never collide across queries. A generated id that the file already uses gets `#2`, `#3`, ... Linear: each try
 * past the first lands on an id the file gave, so the tries add up to at most the ids given.
 */
export function assignIds(drafts: readonly DraftQuery[]): SelfContainedQuery[] {
  const queryIds = new Set<string>();
  const docIds = new Set<string>();
  for (const draft of drafts) {
    if (draft.id !== undefined) queryIds.add(draft.id);
    for (const candidate of draft.candidates) if (candidate.docId !== undefined) docIds.add(candidate.docId);
  }
  const fresh = (base: string, taken: Set<string>): string => {
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}#${n}`;
    taken.add(id);
    return id;
  };
  return drafts.map((draft) => {
    const id = draft.id ?? fresh(`q${draft.position}`, queryIds);
    const candidates = draft.candidates.map(({ position, docId, ...rest }) => ({ docId: docId ?? fresh(`${id}-d${position}`, docIds), ...rest }));
    return { id, text: draft.text, line: draft.line, candidates };
  });
}

/** Parts of one file, with sentences about choices made while reading it (not problems: no warnings). */
export type PartsWithNotes = SetFileParts & { notes?: string[] };

/** The first of `names` (in their priority order) among `available`, ignoring case. */
export function findFieldName(names: readonly string[], available: readonly string[]): string | undefined {
  for (const name of names) {
    const match = available.find((field) => field.toLowerCase() === name);
    if (match !== undefined) return match;
  }
  return undefined;
}

export function readQueryJsonl(file: SetFile): PartsWithNotes {
  let readJudgmentLists = false;
  const parts: PartsWithNotes = guarded(file.name, 'query-jsonl', () => {
    const issues = new IssueList(file.name);
    const drafts: DraftQuery[] = [];
    let position = 0;
    textLines(file.text).forEach((text, i) => {
      if (isBlank(text)) return;
      const line = i + 1;
      position += 1;
      const value = readJsonObjectLine(text, line, issues);
      if (value === undefined) return;
      const draft = readQueryLine(value, line, position, issues);
      if (draft === undefined) return;
      drafts.push(draft.query);
      readJudgmentLists ||= draft.fromJudgmentLists;
    });
    if (position === 0) {
      issues.add('no queries', { severity: 'error', message: 'The file holds no queries at all: it is empty or blank. Each line should be {"query": "...", "documents": [...]}.' });
    }
    return { file: file.name, kind: 'query-jsonl', queries: assignIds(drafts), issues: issues.finish() };
  });
  if (readJudgmentLists) {
    // Listing positives first is the file's layout, not a ranking: taken as the first stage, it would put
    // every relevant document on top. The candidates carry no score, so the first stage ranks them (BM25).
    parts.notes = [
      `${file.name} lists each query's "positive" documents, then its "negative" ones (judged 1 and 0). ` +
        'That order is not a ranking and the documents carry no scores, so rank them with a first stage such as BM25 over the candidates, not by input order.',
    ];
  }
  return parts;
}

function readQueryLine(value: Record<string, unknown>, line: number, queryPosition: number, issues: IssueList): { query: DraftQuery; fromJudgmentLists: boolean } | undefined {
  const keys = Object.keys(value);
  const textKey = findFieldName(QUERY_TEXT_FIELDS, keys);
  const text = textKey === undefined ? undefined : readText(value[textKey]);
  if (text === undefined || text.kind !== 'ok' || text.value === '') {
    const found = textKey === undefined ? `it has ${listKeys(keys)}` : `its "${textKey}" is ${text?.kind === 'invalid' ? describeJsonKind(value[textKey]) : 'empty'}`;
    issues.add('no query text', { severity: 'error', line, message: `Line ${line} has no query text (${found}). Give each line a "query" field holding the query's text. The line was skipped.` });
    return undefined;
  }
  const query: DraftQuery = { text: text.value, line, position: queryPosition, candidates: [] };
  const idKey = findFieldName(QUERY_ID_FIELDS, keys);
  if (idKey !== undefined) {
    const id = readId(value[idKey]);
    if (id.kind === 'ok') query.id = id.value;
    else if (id.kind === 'invalid') issues.add('query id not text', { severity: 'warning', line, message: `Line ${line}: the query id ${id.shown} is not a string or number, so an id was generated.` });
  }

  const lists: { key: string; grade?: number }[] = [];
  for (const key of keys) {
    const name = key.toLowerCase();
    if ((DOCUMENT_LIST_FIELDS as readonly string[]).includes(name)) lists.push({ key });
    else if ((POSITIVE_FIELDS as readonly string[]).includes(name)) lists.push({ key, grade: 1 });
    else if ((NEGATIVE_FIELDS as readonly string[]).includes(name)) lists.push({ key, grade: 0 });
  }
  if (lists.length === 0) {
    issues.add('no document list', { severity: 'warning', line, message: `Line ${line} has no "documents", "candidates" or "hits" list, so its query has no candidates.` });
  }
  let position = 0;
  for (const { key, grade } of lists) {
    const items = documentList(value[key]);
    if (items === undefined) {
      issues.add('document list not a list', { severity: 'error', line, message: `Line ${line}: "${key}" is ${describeJsonKind(value[key])}, not a list of documents. Its documents were skipped.` });
      continue;
    }
    for (const item of items) {
      position += 1;
      const candidate = readDocument(item, line, position, issues);
      if (candidate === undefined) continue;
      if (grade !== undefined) candidate.grade = grade;
      query.candidates.push(candidate);
    }
  }
  return { query, fromJudgmentLists: lists.some((list) => list.grade !== undefined) };
}

/** A list, or Elasticsearch's `hits: {total, hits: [...]}`. */
function documentList(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Array.isArray(value.hits)) return value.hits as unknown[];
  return undefined;
}

function readDocument(value: unknown, line: number, position: number, issues: IssueList): DraftCandidate | undefined {
  const where = `Line ${line}, document ${position}`;
  if (typeof value === 'string') {
    if (value.trim() !== '') return { text: value.trim(), line, position };
    issues.add('empty document', { severity: 'warning', line, message: `${where} is empty and was skipped.` });
    return undefined;
  }
  if (!isPlainObject(value)) {
    issues.add('not a document', { severity: 'error', line, message: `${where} is ${describeJsonKind(value)}, not a document, and was skipped. Use a string, or an object with a "text" field.` });
    return undefined;
  }
  const fields = liftWrapped(value);
  const names = [...fields.keys()];
  const textKey = guessField('text', names);
  const idKey = findFieldName(DOC_ID_FIELDS, names);
  const text = textKey === undefined ? undefined : readText(fields.get(textKey));
  const id = idKey === undefined ? undefined : readId(fields.get(idKey));
  const titleKey = findFieldName(['title'], names);
  const title = titleKey === undefined ? undefined : readText(fields.get(titleKey));
  // BEIR's join, as the collection reader does it: title, a space, text.
  const joined = joinTitle(title?.kind === 'ok' ? title.value : '', text?.kind === 'ok' ? text.value : '');
  const candidate: DraftCandidate = { text: joined, line, position };
  if (id?.kind === 'ok') candidate.docId = id.value;
  if (candidate.text === '' && candidate.docId === undefined) {
    // With an id, a collection may still give the text; without one, nothing can.
    const looked = KNOWN_FIELD_NAMES.text.join(', ');
    issues.add('document without text or id', { severity: 'error', line, message: `${where} has no text (looked for ${looked}; it has ${listKeys(names)}) and no id, so it was skipped. Give it a "text" field.` });
    return undefined;
  }
  const scoreKey = guessField('score', names);
  if (scoreKey !== undefined) {
    const score = readNumber(fields.get(scoreKey));
    if (score.kind === 'ok') candidate.score = score.value;
    else if (score.kind === 'invalid') issues.add('score not a number', { severity: 'warning', line, message: `${where}: the score ${score.shown} is not a number, so it was left out.` });
  }
  const relevanceKey = findFieldName(RELEVANCE_FIELDS, names);
  if (relevanceKey !== undefined) {
    const raw = fields.get(relevanceKey);
    const grade = typeof raw === 'boolean' ? ({ kind: 'ok', value: raw ? 1 : 0 } as const) : readRelevance(raw);
    if (grade.kind === 'ok') candidate.grade = grade.value;
    else if (grade.kind === 'invalid') issues.add('relevance not a grade', { severity: 'warning', line, message: `${where}: the relevance ${showValue(raw)} is not a whole number from 0 to 3, so it was left out.` });
  }
  return candidate;
}

/** A hit's fields with its `_source` (Elasticsearch) or `document` (Cohere) lifted up; the hit's own fields win. */
function liftWrapped(value: Record<string, unknown>): Map<string, unknown> {
  const fields = new Map(Object.entries(value));
  for (const wrapper of ['_source', 'document']) {
    const inner = fields.get(wrapper);
    if (!isPlainObject(inner)) continue;
    fields.delete(wrapper);
    for (const [key, field] of Object.entries(inner)) if (!fields.has(key)) fields.set(key, field);
    break;
  }
  return fields;
}

export function listKeys(keys: readonly string[]): string {
  if (keys.length === 0) return 'no fields';
  const shown = keys.slice(0, 8).map((key) => `"${key}"`).join(', ');
  return keys.length > 8 ? `${shown} and ${keys.length - 8} more` : shown;
}
