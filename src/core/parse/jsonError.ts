import { findJsonSyntaxError, MAX_DEPTH } from './jsonSyntax';
import { lineColumnAt, type LineColumn } from './locate';

export interface JsonFailure {
  /** Where it broke, when known. */
  at?: LineColumn;
  problem: string;
  hint: string;
  /** The native parser's own message. */
  cause: string;
}

/** Why there is no line to name, and what to look for instead. */
export const UNLOCATED_HINT =
  `Where it breaks could not be found (it nests more than ${MAX_DEPTH} levels deep, or the browser gave no position); ` +
  "check that every '[' and '{' is closed and has no trailing comma.";

/** Explains why `source` failed JSON.parse, with the line and column of the break. */
export function explainJsonFailure(source: string, nativeError: unknown): JsonFailure {
  const cause = nativeError instanceof Error ? nativeError.message : String(nativeError);
  const found = findJsonSyntaxError(source);
  if (found) return { at: lineColumnAt(source, found.offset), problem: found.problem, hint: found.hint, cause };
  // Our scanner saw no error (or gave up on deep nesting): fall back to the native position, if any.
  const position = /at position (\d+)/.exec(cause)?.[1];
  if (position !== undefined) return { at: lineColumnAt(source, Number(position)), problem: cause, hint: 'Check the JSON near that point.', cause };
  return { problem: cause, hint: UNLOCATED_HINT, cause };
}
