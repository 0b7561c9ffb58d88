import type { RawItem } from './types';
import { OverflowedNumber } from './jsonNumbers';
import { type IssueCollector, itemLabel } from './issues';
import { newRecord, ownField } from './records';

/** Keys that wrap a document's own fields: Elasticsearch/OpenSearch hits (`_source`), Cohere results (`document`). */
const WRAPPER_KEYS = ['_source', 'document'] as const;

/** An object of fields, as JSON.parse or newRecord makes them; not an array, nor a value like OverflowedNumber. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** "a number", "an array", ...: a JSON value's kind, for messages. */
export function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof OverflowedNumber) return 'a number';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

/**
 * Lifts a wrapper's fields to the top, so `{_id, _score, _source: {text}}` reads as `{_id, _score, text}`.
 * On a name clash the outer field wins: `_id`/`_score` belong to the hit, not the stored document.
 */
export function liftWrappedFields(value: Record<string, unknown>): Record<string, unknown> {
  const wrapperKey = WRAPPER_KEYS.find((key) => isPlainObject(ownField(value, key)));
  if (wrapperKey === undefined) return value;
  const inner = ownField(value, wrapperKey) as Record<string, unknown>;
  // Field names are user data: toString, constructor and __proto__ are ordinary fields here.
  const lifted = newRecord();
  for (const [key, field] of Object.entries(value)) if (key !== wrapperKey) lifted[key] = field;
  for (const [key, field] of Object.entries(inner)) if (!Object.hasOwn(lifted, key)) lifted[key] = field;
  return lifted;
}

/** A JSON value as a document: a string, or an object of fields. Anything else is reported and skipped. */
export function toRawItem(value: unknown, item: number, line: number | undefined, issues: IssueCollector): RawItem | undefined {
  if (typeof value === 'string') return { item, line, value };
  if (isPlainObject(value)) return { item, line, value: liftWrappedFields(value) };
  issues.add('not-a-document', {
    severity: 'error',
    item,
    line,
    message: `${itemLabel(item, line)} is ${describeJsonKind(value)}, not a document, and was skipped. Use a string, or an object with a "text" field.`,
  });
  return undefined;
}
