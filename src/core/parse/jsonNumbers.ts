/**
 * JSON.parse turns a number too large for a double (1e400) into Infinity, which every message would then
 * show as "null". parseJson keeps such a number as written, so a message can say what it was.
 */
export class OverflowedNumber {
  constructor(readonly written: string) {}
}

/**
 * A quick test that lets almost every input skip the search below. A literal overflows when its integer digits
 * plus its exponent pass 308, so it needs an exponent of 3 or more digits, or else 210 or more digits in a row.
 */
const MIGHT_OVERFLOW = /[eE]\+?\d{3}|\d{200}/;

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;

/** JSON.parse, except that numbers too large for a double come back as OverflowedNumber. Throws as JSON.parse does. */
export function parseJson(text: string): unknown {
  const parsed: unknown = JSON.parse(text); // first, so a syntax error is about the text as given
  if (!MIGHT_OVERFLOW.test(text)) return parsed;
  // A nonce, so no string the user wrote can pass for a marked number.
  const marker = `\u0000overflow-${Math.random().toString(36).slice(2)}:`;
  const marked = markOverflowingNumbers(text, marker);
  if (marked === undefined) return parsed;
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? new OverflowedNumber(value.slice(marker.length)) : value,
  );
}

/** Valid JSON with each overflowing number literal replaced by a string of `marker` + the literal; undefined if none. */
function markOverflowingNumbers(text: string, marker: string): string | undefined {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let pos = 0;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === QUOTE) {
      pos = stringEnd(text, pos);
    } else if (code === MINUS || isDigit(code)) {
      const end = numberEnd(text, pos);
      const literal = text.slice(pos, end);
      if (!Number.isFinite(Number(literal))) {
        parts.push(text.slice(copiedUpTo, pos), JSON.stringify(marker + literal));
        copiedUpTo = end;
      }
      pos = end;
    } else {
      pos += 1;
    }
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

/** Index just past the string opening at `open`: the first quote not escaped by an odd run of backslashes. */
function stringEnd(text: string, open: number): number {
  for (let close = text.indexOf('"', open + 1); close !== -1; close = text.indexOf('"', close + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return close + 1;
  }
  return text.length;
}

/** Index just past the number starting at `start` (the text is valid JSON, so any of -+.eE and digits belong to it). */
function numberEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isNumberChar(text.charCodeAt(end))) end += 1;
  return end;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isNumberChar(code: number): boolean {
  return isDigit(code) || code === MINUS || code === 43 /* + */ || code === 46 /* . */ || code === 101 /* e */ || code === 69 /* E */;
}
