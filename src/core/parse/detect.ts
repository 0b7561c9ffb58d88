import type { DetectedFormat } from './types';
import { isKnownFieldName } from './fieldNames';

/** A header cell looks like a column name: short, starting with a letter or underscore. */
const COLUMN_NAME = /^[A-Za-z_][\w .-]{0,63}$/;

/**
 * Guesses the format from the start of the input, without parsing all of it.
 * - Starts with `[` or `{`: JSON, or JSONL when the first line is a complete JSON value and more lines
 *   follow. Even if it then fails to parse, the user most likely meant JSON, and the error says where.
 * - Starts with a quoted string on each of its first two lines: JSONL of strings.
 * - A first line of column names separated by tabs: TSV; by commas, with at least one name we
 *   recognise (`id,text,score`): CSV. Prose with commas rarely passes that test.
 * - Anything else: plain text.
 */
export function detectFormat(raw: string): DetectedFormat {
  const start = raw.search(/\S/);
  if (start === -1) return 'text';
  const [first = '', second] = firstTwoNonBlankLines(raw, start);
  const opener = raw[start];
  if (opener === '[' || opener === '{') {
    return second !== undefined && opener === '{' && parsesAsJson(first) ? 'jsonl' : 'json';
  }
  if (opener === '"' && second !== undefined && isJsonString(first) && isJsonString(second)) return 'jsonl';
  if (first.includes('\t') && looksLikeHeader(first.split('\t'), false)) return 'tsv';
  if (first.includes(',') && looksLikeHeader(first.split(','), true)) return 'csv';
  return 'text';
}

function firstTwoNonBlankLines(raw: string, start: number): [string, string | undefined] {
  const firstEnd = lineEnd(raw, start);
  const first = raw.slice(start, firstEnd).trim();
  let next = firstEnd + 1;
  while (next < raw.length) {
    const end = lineEnd(raw, next);
    const line = raw.slice(next, end).trim();
    if (line !== '') return [first, line];
    next = end + 1;
  }
  return [first, undefined];
}

const LINE_BREAK_CHAR = /[\r\n]/g;

/**
 * Where the line starting at `from` ends: at its \n, or its \r (lone, or the first half of \r\n).
 * One search for either character: two indexOf calls would rescan a file that has only one kind, per line.
 */
function lineEnd(raw: string, from: number): number {
  LINE_BREAK_CHAR.lastIndex = from;
  return LINE_BREAK_CHAR.exec(raw)?.index ?? raw.length;
}

function parsesAsJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function isJsonString(line: string): boolean {
  return line.startsWith('"') && parsesAsJson(line);
}

function looksLikeHeader(cells: readonly string[], needKnownName: boolean): boolean {
  const names = cells.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  if (names.length < 2 || !names.every((name) => COLUMN_NAME.test(name))) return false;
  return !needKnownName || names.some(isKnownFieldName);
}
