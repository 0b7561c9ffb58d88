import type { Result } from '../../core/types';

/** A validated answer of one rerank call: scores aligned with the documents sent in that call. */
export interface ParsedRerankAnswer {
  scores: number[];
  billedUnits: Record<string, number>;
  warnings: string[];
}

/** Why an answer was not the expected JSON; `problem` names the first thing wrong, for the message. */
export type AnswerProblem =
  | { kind: 'not-json' }
  | { kind: 'wrong-shape'; problem: string }
  | { kind: 'missing-documents'; missing: number[] };

/** Start of a body, on one line, to quote in a message. Callers redact it. */
export function snippet(body: string, maxChars = 120): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '(empty)';
  return oneLine.length > maxChars ? `${oneLine.slice(0, maxChars)}…` : oneLine;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses `{results: [{index, relevance_score}], meta}` for a call that sent `docCount` documents.
 * The results come sorted by relevance, so each score is placed by its `index`, never by position.
 */
export function parseRerankAnswer(body: string, docCount: number): Result<ParsedRerankAnswer, AnswerProblem> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: { kind: 'not-json' } };
  }
  const wrong = (problem: string): Result<ParsedRerankAnswer, AnswerProblem> => ({
    ok: false,
    error: { kind: 'wrong-shape', problem },
  });
  if (!isRecord(json)) return wrong('the answer is not a JSON object');
  const results = json.results;
  if (!Array.isArray(results)) return wrong('it has no "results" list');

  const scores: (number | undefined)[] = new Array<number | undefined>(docCount).fill(undefined);
  for (const [position, item] of results.entries()) {
    if (!isRecord(item)) return wrong(`results[${position}] is not an object`);
    const { index, relevance_score: score } = item;
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      return wrong(`results[${position}].index is not a whole number`);
    }
    if (index < 0 || index >= docCount) {
      return wrong(`results[${position}].index is ${index}, outside 0..${docCount - 1}`);
    }
    if (scores[index] !== undefined) return wrong(`document ${index} appears twice in "results"`);
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      return wrong(`results[${position}].relevance_score is not a number`);
    }
    scores[index] = score;
  }

  const missing = scores.flatMap((score, index) => (score === undefined ? [index] : []));
  if (missing.length > 0) return { ok: false, error: { kind: 'missing-documents', missing } };

  const complete = scores.filter((score): score is number => score !== undefined);
  const meta = isRecord(json.meta) ? json.meta : {};
  return {
    ok: true,
    value: {
      scores: complete,
      billedUnits: readBilledUnits(meta.billed_units),
      warnings: Array.isArray(meta.warnings) ? meta.warnings.filter((w): w is string => typeof w === 'string') : [],
    },
  };
}

/**
 * A record for unit names the server chose. No prototype: a unit named `__proto__` is kept as a unit, and
 * `constructor` or `toString` start from nothing, not from Object's own members.
 */
export function emptyBilledUnits(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function readBilledUnits(value: unknown): Record<string, number> {
  const units = emptyBilledUnits();
  if (!isRecord(value)) return units;
  for (const [name, amount] of Object.entries(value)) {
    if (typeof amount === 'number' && Number.isFinite(amount)) units[name] = amount;
  }
  return units;
}

/** Adds `more` into `total`, unit by unit. `total` comes from `emptyBilledUnits`, so any unit name is safe. */
export function addBilledUnits(total: Record<string, number>, more: Record<string, number>): void {
  for (const [name, amount] of Object.entries(more)) {
    const sofar = Object.hasOwn(total, name) ? total[name] : undefined;
    total[name] = (sofar ?? 0) + amount;
  }
}

/** The server's own words from an error body: the JSON `message` field, else the text, shortened. */
export function serverMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (isRecord(json) && typeof json.message === 'string' && json.message.trim() !== '') {
      return snippet(json.message, 300);
    }
  } catch {
    // Not JSON: fall through to the text itself.
  }
  return snippet(body, 300);
}
