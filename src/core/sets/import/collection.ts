/**
 * A document collection: JSONL with an id and a text field per line (a BEIR `corpus.jsonl` has `_id`,
 * `title` and `text`), or TSV `id<TAB>text` (MS MARCO `collection.tsv`), with or without a header line.
 * Title and text are joined as BEIR joins them: `(title + " " + text).trim()`.
 */
import type { SetFile, SetFileKind, SetFileParts } from '../types';
import { type JsonObject, IssueList, fieldsOf, guarded, idText, isBlank, keepFirstOfEach, pickField, plural, quote, readJsonObjectLine, tabFields, textLines } from './lines';

type Document = NonNullable<SetFileParts['documents']>[number];

const ID_FIELDS = ['_id', 'id', 'docid', 'doc_id'] as const;
const TEXT_FIELDS = ['text', 'contents', 'body'] as const;
const TITLE_FIELD = 'title';

export function readCollection(file: SetFile): SetFileParts {
  return guarded(file.name, 'collection', () => {
    const lines = textLines(file.text);
    const issues = new IssueList(file.name);
    const firstIndex = lines.findIndex((line) => !isBlank(line));
    const first = lines[firstIndex];
    let kind: SetFileKind = 'collection';
    let documents: Document[] = [];
    if (first === undefined) {
      issues.add('no documents', { severity: 'error', message: 'The file holds no documents at all: it is empty or blank. Check that this is the collection file.' });
    } else if (/^\s*[{[]/.test(first)) {
      const read = readJsonDocuments(lines, issues);
      documents = read.documents;
      if (read.usesUnderscoreId) kind = 'beir-corpus';
    } else {
      documents = readTsvDocuments(lines, firstIndex, issues);
    }
    return { file: file.name, kind, documents: keepFirstOfEach(documents, 'document', issues), issues: issues.finish() };
  });
}

/** BEIR's join: the title, a space, the text, trimmed; just the text when there is no title. */
export function joinTitle(title: string, text: string): string {
  return title === '' ? text.trim() : `${title} ${text}`.trim();
}

function readJsonDocuments(lines: readonly string[], issues: IssueList): { documents: Document[]; usesUnderscoreId: boolean } {
  const documents: Document[] = [];
  let usesUnderscoreId: boolean | undefined;
  lines.forEach((text, index) => {
    if (isBlank(text)) return;
    const line = index + 1;
    const object = readJsonObjectLine(text, line, issues);
    if (!object) return;
    const idField = pickField(object, ID_FIELDS);
    usesUnderscoreId ??= idField === undefined ? undefined : idField.name === '_id';
    const document = documentOf(object, line, issues);
    if (document) documents.push(document);
  });
  return { documents, usesUnderscoreId: usesUnderscoreId ?? false };
}

function documentOf(object: JsonObject, line: number, issues: IssueList): Document | undefined {
  const id = idText(pickField(object, ID_FIELDS)?.value);
  if (id === undefined) {
    const message = `Line ${line} has no document id: it ${fieldsOf(object)}. A document needs "_id", "id", "docid" or "doc_id" (a string or a number). The line was skipped.`;
    issues.add('no document id', { severity: 'error', line, message });
    return undefined;
  }
  const textField = pickField(object, TEXT_FIELDS);
  const text = textOf(textField?.value);
  if (text === undefined) {
    const problem = textField === undefined ? `has no text field: it ${fieldsOf(object)}` : `has a "${textField.name}" that is not a string`;
    const message = `Line ${line}: document ${quote(id)} ${problem}. Its text goes in "text", "contents" or "body". The line was skipped.`;
    issues.add('no document text', { severity: 'error', line, message });
    return undefined;
  }
  const titleValue = object[TITLE_FIELD];
  const title = Object.hasOwn(object, TITLE_FIELD) ? textOf(titleValue) : '';
  if (title === undefined && titleValue !== null) {
    issues.add('title not a string', { severity: 'warning', line, message: `Line ${line}: the "title" of document ${quote(id)} is not a string; only its text was used.` });
  }
  const joined = joinTitle(title ?? '', text);
  if (joined === '') {
    issues.add('empty document', { severity: 'error', line, message: `Line ${line}: document ${quote(id)} has an empty text and no title, so there is nothing to rank. The line was skipped.` });
    return undefined;
  }
  return { id, text: joined, line };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

const HEADER_IDS = new Set(['id', '_id', 'docid', 'doc_id', 'pid', 'passage_id']);
const HEADER_TEXTS = new Set(['text', 'contents', 'body', 'passage']);

interface TsvColumns {
  id: number;
  text: number;
  title: number | undefined;
  /** The text column is the last: it runs to the end of the line, tabs and all. */
  textIsLast: boolean;
}

/** A header like `id<TAB>text` or `id<TAB>text<TAB>title` (DPR's layout) names the columns. */
function headerColumns(line: string): TsvColumns | undefined {
  const names = tabFields(line).map((field) => field.text.trim().toLowerCase());
  const id = names.findIndex((name) => HEADER_IDS.has(name));
  const text = names.findIndex((name) => HEADER_TEXTS.has(name));
  if (id === -1 || text === -1) return undefined;
  const title = names.indexOf(TITLE_FIELD);
  return { id, text, title: title === -1 ? undefined : title, textIsLast: text === names.length - 1 };
}

function readTsvDocuments(lines: readonly string[], firstIndex: number, issues: IssueList): Document[] {
  const header = headerColumns(lines[firstIndex] ?? '');
  const columns = header ?? { id: 0, text: 1, title: undefined, textIsLast: true };
  // A missing title column is no error: the title is optional.
  const needed = Math.max(columns.id, columns.text) + 1;
  const shape = header ? `the ${needed} columns its header names` : 'the document id, a tab, then its text';
  const documents: Document[] = [];
  lines.forEach((text, index) => {
    if (isBlank(text) || (header && index === firstIndex)) return;
    const line = index + 1;
    const fields = tabFields(text);
    const textField = fields[columns.text];
    const id = fields[columns.id]?.text.trim() ?? '';
    if (fields.length < needed || !textField) {
      const found = fields.length === 1 ? 'has no tab' : `has ${plural(fields.length, 'column', 'columns')}`;
      issues.add('too few columns', { severity: 'error', line, message: `Line ${line} ${found}; a document line holds ${shape}. The line was skipped.` });
      return;
    }
    if (id === '') {
      issues.add('no document id', { severity: 'error', line, column: fields[columns.id]?.column, message: `Line ${line} has an empty document id. The line was skipped.` });
      return;
    }
    const body = columns.textIsLast ? text.slice(textField.column - 1) : textField.text;
    const title = columns.title === undefined ? '' : (fields[columns.title]?.text ?? '');
    const joined = joinTitle(title, body);
    if (joined === '') {
      issues.add('empty document', { severity: 'error', line, column: textField.column, message: `Line ${line}: document ${quote(id)} has no text. The line was skipped.` });
      return;
    }
    documents.push({ id, text: joined, line });
  });
  return documents;
}
