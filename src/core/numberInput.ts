/**
 * Reading a number the user typed into a bounded field (Top N, Max tokens, k, …). Pure: the field component
 * keeps the draft text and only commits what this accepts, so a bad value never reaches the store.
 */

export interface NumberBounds {
  min: number;
  max: number;
  /** Whole numbers only (Top N, batch size), or any decimal (BM25 k1 and b). */
  integer: boolean;
  /** The field's name as the user sees it, for messages: "Top N". */
  label: string;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Plain decimal notation only: no hex (0x10), no exponent (1e3), no Infinity; a sign so "-1" reads as too small. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Long enough to recognise what was typed, short enough for a one-line message. */
const QUOTE_LIMIT = 24;

/** A bound as people read it: 10000 -> "10,000", 0.5 -> "0.5". */
export function formatBound(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** The range shown beside a field: "1 to 10,000". */
export function formatBounds(bounds: Pick<NumberBounds, 'min' | 'max'>): string {
  return `${formatBound(bounds.min)} to ${formatBound(bounds.max)}`;
}

/** What the field accepts, in words: "a whole number from 1 to 10,000". */
export function describeBounds(bounds: NumberBounds): string {
  return `${bounds.integer ? 'a whole number' : 'a number'} from ${formatBounds(bounds)}`;
}

function quote(text: string): string {
  return `"${text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text}"`;
}

/**
 * Parses `text` as a number within `bounds`. Every failure names the field and its bounds, then says what
 * was wrong with the text: "Top N must be a whole number from 1 to 10,000. "0" is below 1."
 */
export function parseBoundedNumber(text: string, bounds: NumberBounds): ParsedNumber {
  const trimmed = text.trim();
  const rule = `${bounds.label} must be ${describeBounds(bounds)}.`;
  const fail = (detail: string): ParsedNumber => ({ ok: false, message: `${rule} ${detail}` });
  if (trimmed === '') return { ok: false, message: `${bounds.label} is empty. Enter ${describeBounds(bounds)}.` };
  if (trimmed.includes(',')) {
    // "10,000" (thousands) or "0,75" (a decimal comma): either way the comma is not read, so say how to type it.
    return fail(bounds.integer ? `Type ${quote(trimmed)} without commas.` : `Type ${quote(trimmed)} without commas, with "." for decimals.`);
  }
  if (!DECIMAL.test(trimmed)) return fail(`${quote(trimmed)} is not a number.`);
  const parsed = Number(trimmed);
  const value = parsed === 0 ? 0 : parsed; // "-0" is 0
  if (value < bounds.min) return fail(`${quote(trimmed)} is below ${formatBound(bounds.min)}.`);
  if (value > bounds.max) return fail(`${quote(trimmed)} is above ${formatBound(bounds.max)}.`);
  // After the range checks, so a 400-digit number (Infinity) reads as too large, not as a fraction.
  if (bounds.integer && !Number.isInteger(value)) return fail(`${quote(trimmed)} is not a whole number.`);
  return { ok: true, value };
}
