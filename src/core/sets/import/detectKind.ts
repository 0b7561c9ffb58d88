/**
 * Which reader a file needs: from its name first (`topics.txt`, `corpus.jsonl`, `qrels/test.tsv`, `bm25.run`),
 * then from its first non-blank lines.
 *
 * `id<TAB>text` lines are either a collection or topics (MS MARCO's `collection.tsv` and `queries.dev.tsv` look
 * alike). A name that says topics or queries decides; otherwise long texts (over 80 characters on average) mean
 * a collection, and short ones topics.
 */
import type { SetFile, SetFileKind } from '../types';
import { isPlainObject } from '../../parse/jsonItem';
import { DOCUMENT_LIST_FIELDS, NEGATIVE_FIELDS, POSITIVE_FIELDS, QUERY_TEXT_FIELDS } from './queryJsonl';
import { columnsByRole, tableDelimiter } from './longTable';

/** How many non-blank lines the content tests look at. */
const SAMPLE_LINES = 20;
/** Above this mean text length, `id<TAB>text` lines are documents rather than queries. */
const COLLECTION_MIN_MEAN_LENGTH = 80;

export const ACCEPTED_FORMATS =
  'TREC topics (<top> blocks or qid<TAB>text), TREC run (qid Q0 docid rank score tag), TREC qrels (qid 0 docid grade), ' +
  'a collection (docid<TAB>text), BEIR corpus.jsonl, queries.jsonl and qrels/*.tsv (query-id, corpus-id, score), ' +
  'JSONL with one query and its documents per line ({"query", "documents"}), ' +
  'or a CSV/TSV table with one row per query and document (columns query or qid, and text or docid)';

export function detectSetFileKind(file: SetFile): SetFileKind | null {
  const lines = firstNonBlankLines(file.text, SAMPLE_LINES);
  const fromName = kindFromName(file.name, lines);
  // A JSONL file whose lines carry their own documents is self-contained, whatever it is called
  // (people name such files queries.jsonl too).
  if (fromName !== null && !(fromName === 'beir-queries' && isQueryJsonlLine(lines[0]))) return fromName;
  return kindFromContent(file, lines);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

function kindFromName(path: string, lines: readonly string[]): SetFileKind | null {
  const name = baseName(path);
  const folders = path.toLowerCase().split('/').slice(0, -1);
  if (name === 'queries.jsonl') return 'beir-queries';
  if (name === 'corpus.jsonl') return 'beir-corpus';
  if (name.startsWith('qrels') || name.endsWith('.qrels') || (folders.includes('qrels') && name.endsWith('.tsv'))) return qrelsKind(lines);
  if (name.startsWith('topics') || name.endsWith('.topics')) return 'trec-topics';
  if (/^runs?([^a-z]|$)/.test(name) || name.endsWith('.run')) return 'trec-run';
  if (name.startsWith('collection')) return 'collection';
  return null;
}

/** BEIR qrels have a `query-id corpus-id score` header, or three columns; TREC qrels four. */
function qrelsKind(lines: readonly string[]): 'trec-qrels' | 'beir-qrels' {
  const first = lines[0] ?? '';
  return /^query-id\s/i.test(first) || first.split(/\s+/).length === 3 ? 'beir-qrels' : 'trec-qrels';
}

function kindFromContent(file: SetFile, lines: readonly string[]): SetFileKind | null {
  const first = lines[0];
  if (first === undefined) return null;
  if (first.startsWith('{')) return jsonLineKind(file.name, first);
  if (/^<top>/i.test(first)) return 'trec-topics';
  if (/^query-id\tcorpus-id\tscore$/i.test(first)) return 'beir-qrels';
  if (isLongTableHeader(file)) return 'long-table';

  const tabFields = lines.map((line) => line.split('\t'));
  if (tabFields.every((fields) => fields.length === 2 && /^\S+$/.test(fields[0] as string))) {
    return idTextKind(file.name, tabFields.map((fields) => fields[1] as string));
  }
  const columns = lines.map((line) => line.split(/\s+/));
  if (columns.every((fields) => fields.length === 6 && fields[1] === 'Q0')) return 'trec-run';
  const integerLast = (fields: readonly string[]): boolean => /^-?\d+$/.test(fields[fields.length - 1] as string);
  if (columns.every((fields) => fields.length === 4 && integerLast(fields))) return 'trec-qrels';
  if (tabFields.every((fields) => fields.length === 3 && integerLast(fields))) return 'beir-qrels';
  return null;
}

function jsonLineKind(name: string, line: string): SetFileKind | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // A broken first line: still JSONL, most likely of queries with documents; its reader says what is wrong.
    return 'query-jsonl';
  }
  if (!isPlainObject(value)) return null;
  if (isQueryJsonlLine(line)) return 'query-jsonl';
  const keys = new Set(Object.keys(value).map((key) => key.toLowerCase()));
  const hasText = ['text', 'contents', 'body'].some((key) => keys.has(key));
  const hasId = ['_id', 'id', 'docid', 'doc_id'].some((key) => keys.has(key));
  if (!hasId || !hasText) return null;
  // BEIR's queries.jsonl and corpus.jsonl share a shape; queries are short, untitled, and their file says so.
  const text = value.text;
  const short = typeof text === 'string' && text.length <= 200 && !keys.has('title');
  if (/quer/.test(baseName(name)) && short) return 'beir-queries';
  // `_id` is BEIR's corpus; `id` with `contents` is Pyserini's JSONL collection. One reader reads both.
  return keys.has('_id') ? 'beir-corpus' : 'collection';
}

/** A JSON object line with a query text and a list of documents (or MTEB's positives and negatives). */
function isQueryJsonlLine(line: string | undefined): boolean {
  if (line === undefined || !line.startsWith('{')) return false;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return false;
  }
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value).map((key) => key.toLowerCase());
  const has = (names: readonly string[]): boolean => keys.some((key) => names.includes(key));
  return has(QUERY_TEXT_FIELDS) && (has(DOCUMENT_LIST_FIELDS) || has(POSITIVE_FIELDS) || has(NEGATIVE_FIELDS));
}

/**
 * A header with a query column and a document column. `qid,docid,relevance` alone is judgments, not
 * candidates: a table of neither texts nor scores is left to the qrels readers.
 */
function isLongTableHeader(file: SetFile): boolean {
  const start = file.text.search(/\S/);
  const end = file.text.indexOf('\n', start);
  const headerLine = file.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
  const cells = headerLine.split(tableDelimiter(file)).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  if (cells.length < 2) return false;
  const { byRole } = columnsByRole(cells);
  const hasQuery = byRole.has('queryText') || byRole.has('queryId');
  const hasDocument = byRole.has('text') || byRole.has('docId');
  const onlyJudgments = !byRole.has('text') && !byRole.has('queryText') && !byRole.has('score');
  return hasQuery && hasDocument && !onlyJudgments;
}

function idTextKind(name: string, texts: readonly string[]): 'collection' | 'trec-topics' {
  const base = baseName(name);
  if (/topic|quer/.test(base)) return 'trec-topics';
  if (/collection|corpus|passage|doc/.test(base)) return 'collection';
  const meanLength = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  return meanLength > COLLECTION_MIN_MEAN_LENGTH ? 'collection' : 'trec-topics';
}

function firstNonBlankLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < count && from < text.length) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end === -1 ? text.length : end).replace(/\r$/, '').trim();
    if (line !== '') lines.push(line);
    from = end === -1 ? text.length : end + 1;
  }
  return lines;
}
