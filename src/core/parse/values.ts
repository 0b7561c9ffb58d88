import { OverflowedNumber } from './jsonNumbers';

/**
 * Reading single field values. Each returns a tagged result so the caller can word the warning
 * with the item's location. `overflows`: the value is a number too large for a double (1e400).
 */
export type Read<T> = { kind: 'ok'; value: T } | { kind: 'absent' } | { kind: 'invalid'; shown: string; overflows?: true };

/** Shared, since most fields of most items are absent and this runs per field per item. */
export const ABSENT = Object.freeze({ kind: 'absent' } as const);

/**
 * A plain decimal number: optional sign, digits with an optional point, optional exponent. Number() also
 * accepts hex (0x1F), binary, octal, "Infinity" and "" (as 0), none of which is a score or a grade.
 */
const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether `text`, trimmed, is a decimal number (see DECIMAL_NUMBER). */
export function isDecimalNumber(text: string): boolean {
  return DECIMAL_NUMBER.test(text.trim());
}

/** How a bad value appears inside a message: strings quoted, other things by their JSON, numbers as written. */
export function showValue(value: unknown): string {
  let shown: string;
  if (value instanceof OverflowedNumber) shown = value.written;
  else if (typeof value === 'number') shown = String(value); // JSON would show Infinity and NaN as null
  else shown = JSON.stringify(value) ?? String(value);
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Numbers, and strings that hold a decimal one (CSV cells are always strings). Blank = absent. */
export function readNumber(value: unknown): Read<number> {
  if (isBlank(value)) return ABSENT;
  if (value instanceof OverflowedNumber) return { kind: 'invalid', shown: showValue(value), overflows: true };
  let number = Number.NaN;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && isDecimalNumber(value)) number = Number(value);
  if (Number.isFinite(number)) return { kind: 'ok', value: number };
  // Only a decimal number can overflow; NaN is just not a number.
  return Number.isNaN(number) ? { kind: 'invalid', shown: showValue(value) } : { kind: 'invalid', shown: showValue(value), overflows: true };
}

/** A graded judgment: a whole number 0..3. */
export function readRelevance(value: unknown): Read<number> {
  const number = readNumber(value);
  if (number.kind !== 'ok') return number;
  return Number.isInteger(number.value) && number.value >= 0 && number.value <= 3 ? number : { kind: 'invalid', shown: showValue(value) };
}

/** Ids may be strings or numbers; `7` and `"7"` are the same id. A number too large for a double is kept as written. */
export function readId(value: unknown): Read<string> {
  if (isBlank(value)) return ABSENT;
  if (typeof value === 'string') return { kind: 'ok', value: value.trim() };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'ok', value: String(value) };
  if (value instanceof OverflowedNumber) return { kind: 'ok', value: value.written };
  return { kind: 'invalid', shown: showValue(value) };
}

/** Text may also come as a number or boolean; objects and arrays are not text. Blank = absent. */
export function readText(value: unknown): Read<string> {
  if (typeof value === 'string') return { kind: 'ok', value: value.trim() };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'ok', value: String(value) };
  if (value instanceof OverflowedNumber) return { kind: 'ok', value: value.written };
  if (value === undefined || value === null) return ABSENT;
  return { kind: 'invalid', shown: showValue(value) };
}
