/**
 * Long documents in split mode: cut a document's tokens into overlapping windows that each fit the model
 * beside the query, then turn the windows' scores into one score for the document (MaxP, FirstP or mean).
 * Pure: token counts in, spans and scores out.
 */

export type WindowAggregate = 'max' | 'first' | 'mean';

/** A local column's handling of documents longer than max tokens. `stride` is the overlap between windows, in tokens. */
export type LongDocumentsSetting = { mode: 'truncate' } | { mode: 'split'; stride: number; aggregate: WindowAggregate };

export const defaultLongDocuments: LongDocumentsSetting = { mode: 'truncate' };
/** What the settings offer when the user switches to split: a quarter-window overlap at 512 tokens, MaxP. */
export const defaultSplit: LongDocumentsSetting = { mode: 'split', stride: 128, aggregate: 'max' };
export const MAX_STRIDE = 4096;

/**
 * The largest stride the settings accept at this max length: below the smallest window any query can leave
 * (the query keeps at most half the room after up to 4 special tokens), so a run never refuses it.
 */
export function maxStrideFor(maxLength: number): number {
  return Math.max(0, Math.min(MAX_STRIDE, Math.ceil((maxLength - 4) / 2) - 1));
}

/** A span of document tokens, [start, end): start included, end excluded. */
export interface TokenSpan {
  start: number;
  end: number;
}

export type WindowPlan = { ok: true; windows: TokenSpan[] } | { ok: false; message: string };

/**
 * Windows of at most `budget` tokens over `total` tokens; each starts `budget - stride` after the previous,
 * so neighbours share `stride` tokens. The last window ends at `total` and may be shorter. A document that
 * fits (or is empty) gets one window.
 */
export function planWindows(total: number, budget: number, stride: number): WindowPlan {
  if (!Number.isInteger(budget) || budget < 1) return { ok: false, message: `Each window must hold at least 1 document token, not ${budget}. Raise max tokens or shorten the query.` };
  if (!Number.isInteger(stride) || stride < 0) return { ok: false, message: `The stride (overlap) must be a whole number of tokens, 0 or more, not ${stride}.` };
  if (stride >= budget) {
    return {
      ok: false,
      message: `The stride (overlap) of ${stride} tokens is not below the ${budget} document tokens a window holds, so the windows would never move forward. Lower the stride below ${budget}, or raise max tokens.`,
    };
  }
  const windows: TokenSpan[] = [];
  const step = budget - stride;
  for (let start = 0; ; start += step) {
    const end = Math.min(start + budget, total);
    windows.push({ start, end });
    if (end >= total) break;
  }
  return { ok: true, windows };
}

/**
 * Query and per-window document budget within maxLength, as HF's `longest_first` would split a pair whose
 * document is long: the query stays whole when it takes at most half the room, else it keeps half.
 */
export function splitBudget(maxLength: number, specialTokens: number, queryTokens: number): { queryKeep: number; documentBudget: number } {
  const room = Math.max(0, maxLength - specialTokens);
  const queryKeep = 2 * queryTokens <= room ? queryTokens : Math.floor(room / 2);
  return { queryKeep, documentBudget: room - queryKeep };
}

export interface Aggregated {
  score: number;
  /** The window shown as the reason: the best one for max and mean (the first of equals), 0 for first. */
  winner: number;
}

/** One document score from its windows' scores. @throws RangeError on no windows. */
export function aggregateWindows(scores: readonly number[], aggregate: WindowAggregate): Aggregated {
  if (scores.length === 0) throw new RangeError('aggregateWindows needs at least one window score');
  let best = 0;
  scores.forEach((score, i) => {
    if (score > (scores[best] ?? -Infinity)) best = i;
  });
  if (aggregate === 'first') return { score: scores[0] ?? Number.NaN, winner: 0 };
  if (aggregate === 'max') return { score: scores[best] ?? Number.NaN, winner: best };
  return { score: scores.reduce((sum, s) => sum + s, 0) / scores.length, winner: best };
}

/** A piece of the text with its character span [start, end) and how many tokens it became. */
export interface TokenizedChunk {
  charStart: number;
  charEnd: number;
  tokens: number;
}

/**
 * The characters a token span covers, given the text's chunks in order: from the chunk holding token
 * `start` to the end of the chunk holding token `end - 1`. An empty span maps to an empty character span.
 */
export function charSpanOf(span: TokenSpan, chunks: readonly TokenizedChunk[]): { charStart: number; charEnd: number } {
  let charStart: number | undefined;
  let charEnd = 0;
  let seen = 0;
  for (const chunk of chunks) {
    const first = seen;
    seen += chunk.tokens;
    if (chunk.tokens === 0) continue;
    if (charStart === undefined && span.start < seen) charStart = chunk.charStart;
    if (span.end - 1 >= first && span.end - 1 < seen) {
      charEnd = chunk.charEnd;
      break;
    }
  }
  if (charStart === undefined || span.end <= span.start) return { charStart: charStart ?? 0, charEnd: charStart ?? 0 };
  return { charStart, charEnd };
}
