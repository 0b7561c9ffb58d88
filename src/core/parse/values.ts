/**
 * Reading single field values. Each returns a tagged result so the caller can word the warning
 * with the item's location.
 */
export type Read<T> = { kind: 'ok'; value: T } | { kind: 'absent' } | { kind: 'invalid'; shown: string };

/** Shared, since most fields of most items are absent and this runs per field per item. */
export const ABSENT = Object.freeze({ kind: 'absent' } as const);

/** How a bad value appears inside a message: strings quoted, other things by their JSON. */
export function showValue(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Numbers, and strings that hold one (CSV cells are always strings). Blank = absent. */
export function readNumber(value: unknown): Read<number> {
  if (isBlank(value)) return ABSENT;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isFinite(number) ? { kind: 'ok', value: number } : { kind: 'invalid', shown: showValue(value) };
}

/** A graded judgment: a whole number 0..3. */
export function readRelevance(value: unknown): Read<number> {
  const number = readNumber(value);
  if (number.kind !== 'ok') return number;
  return Number.isInteger(number.value) && number.value >= 0 && number.value <= 3 ? number : { kind: 'invalid', shown: showValue(value) };
}

/** Ids may be strings or numbers; `7` and `"7"` are the same id. */
export function readId(value: unknown): Read<string> {
  if (isBlank(value)) return ABSENT;
  if (typeof value === 'string') return { kind: 'ok', value: value.trim() };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'ok', value: String(value) };
  return { kind: 'invalid', shown: showValue(value) };
}

/** Text may also come as a number or boolean; objects and arrays are not text. Blank = absent. */
export function readText(value: unknown): Read<string> {
  if (typeof value === 'string') return { kind: 'ok', value: value.trim() };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'ok', value: String(value) };
  if (value === undefined || value === null) return ABSENT;
  return { kind: 'invalid', shown: showValue(value) };
}
