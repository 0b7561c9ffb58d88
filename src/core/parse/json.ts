import type { RawItem } from './types';
import { explainJsonFailure } from './jsonError';
import { parseJson } from './jsonNumbers';
import { describeJsonKind, isPlainObject, liftWrappedFields, toRawItem } from './jsonItem';
import { guessField } from './fieldNames';
import { type IssueCollector, listFieldNames } from './issues';
import { ownField } from './records';

/** Keys under which APIs commonly return their list of documents, in priority order. */
const CONTAINER_KEYS = ['documents', 'results', 'hits', 'data'];

/** How far to follow containers inside containers (`{"hits":{"hits":[...]}}` needs 2). */
const MAX_CONTAINER_DEPTH = 3;

export const NOT_JSON_HINT = "If this isn't meant to be JSON, choose the Text format.";

/** Reads a JSON document list. On a fatal problem, reports an error and returns no items. */
export function readJson(raw: string, issues: IssueCollector, autoDetected: boolean): RawItem[] {
  let parsed: unknown;
  try {
    parsed = parseJson(raw);
  } catch (error) {
    const failure = explainJsonFailure(raw, error);
    // Without a place, the message is about the whole input, and the hint says why there is no line.
    const opening = failure.at ? `Invalid JSON at line ${failure.at.line}, column ${failure.at.column}` : 'The JSON is invalid';
    issues.add('invalid-json', {
      severity: 'error',
      line: failure.at?.line,
      column: failure.at?.column,
      message: `${opening}: ${failure.problem}. ${failure.hint}${autoDetected ? ` ${NOT_JSON_HINT}` : ''}`,
      cause: failure.cause,
    });
    return [];
  }
  const list = findDocumentList(parsed, issues);
  const items: RawItem[] = [];
  list.forEach((value, i) => {
    const item = toRawItem(value, i + 1, undefined, issues);
    if (item) items.push(item);
  });
  return items;
}

/** The array of documents: the value itself, or an array under a container key. */
function findDocumentList(value: unknown, issues: IssueCollector): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  if (!isPlainObject(value)) {
    issues.add('no-document-list', {
      severity: 'error',
      message: `The JSON is ${describeJsonKind(value)}, not a list of documents. Paste an array like ["first document", "second document"].`,
    });
    return [];
  }
  const contained = findInContainers(value, MAX_CONTAINER_DEPTH);
  if (contained) return contained;
  // An object that has a text field is itself one document.
  if (guessField('text', Object.keys(liftWrappedFields(value))) !== undefined) return [value];
  const arrayKeys = Object.keys(value).filter((key) => Array.isArray(ownField(value, key)));
  const [onlyKey] = arrayKeys;
  if (arrayKeys.length === 1 && onlyKey !== undefined) {
    issues.add('guessed-container', {
      severity: 'warning',
      message: `Read the documents from "${onlyKey}", the only list in the JSON object. Put them under "documents" to make that explicit.`,
    });
    return ownField(value, onlyKey) as unknown[];
  }
  issues.add('no-document-list', {
    severity: 'error',
    message:
      `The JSON is an object with no list of documents in it (its keys: ${listFieldNames(Object.keys(value))}). ` +
      `Paste an array of documents, or put them under "documents".`,
  });
  return [];
}

function findInContainers(value: Record<string, unknown>, depth: number): unknown[] | undefined {
  if (depth === 0) return undefined;
  for (const wanted of CONTAINER_KEYS) {
    const key = Object.keys(value).find((name) => name.toLowerCase() === wanted);
    if (key === undefined) continue;
    const inner = ownField(value, key);
    if (Array.isArray(inner)) return inner;
    if (isPlainObject(inner)) {
      const found = findInContainers(inner, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}
