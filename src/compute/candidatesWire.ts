import type { Candidate } from '../core/types';

/**
 * Candidates as they cross between the worker and the page. 50,000 objects, each with its own text, cost
 * hundreds of milliseconds to copy through postMessage on the receiving side; one joined string, offsets
 * and columns cost a few. The page cuts each text back out with `slice`, which V8 does without copying.
 */
export interface CandidatesWire {
  ids: string[];
  /** Every text, one after another. */
  joined: string;
  /** Text i is joined.slice(ends[i - 1] ?? 0, ends[i]). */
  ends: Int32Array;
  /** NaN where a candidate has none. */
  scores: Float64Array;
  relevance: Float64Array;
}

export function encodeCandidates(candidates: readonly Candidate[]): CandidatesWire {
  const ends = new Int32Array(candidates.length);
  const scores = new Float64Array(candidates.length);
  const relevance = new Float64Array(candidates.length);
  let end = 0;
  candidates.forEach((c, i) => {
    end += c.text.length;
    ends[i] = end;
    scores[i] = c.score ?? Number.NaN;
    relevance[i] = c.relevance ?? Number.NaN;
  });
  return { ids: candidates.map((c) => c.id), joined: candidates.map((c) => c.text).join(''), ends, scores, relevance };
}

export function decodeCandidates(wire: CandidatesWire): Candidate[] {
  const candidates: Candidate[] = new Array<Candidate>(wire.ids.length);
  let start = 0;
  for (let i = 0; i < wire.ids.length; i += 1) {
    const end = wire.ends[i] ?? start;
    const candidate: Candidate = { id: wire.ids[i] ?? '', text: wire.joined.slice(start, end), index: i };
    const score = wire.scores[i] ?? Number.NaN;
    const grade = wire.relevance[i] ?? Number.NaN;
    if (!Number.isNaN(score)) candidate.score = score;
    if (!Number.isNaN(grade)) candidate.relevance = grade;
    candidates[i] = candidate;
    start = end;
  }
  return candidates;
}

/** The typed arrays to transfer with a wire. */
export const wireTransfer = (wire: CandidatesWire): Transferable[] => [wire.ends.buffer, wire.scores.buffer, wire.relevance.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
