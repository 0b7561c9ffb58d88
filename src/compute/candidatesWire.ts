import type { Candidate } from '../core/types';

/**
 * Candidates as they cross from the worker to the page. 50,000 objects, each with its own strings, cost
 * hundreds of milliseconds to copy through postMessage on the receiving side. Here the ids are one joined
 * string, and a text that occurs in the source (the text the page sent, which it still holds) is only its
 * offsets; other texts (unescaped JSON, say) are one joined string. The page cuts each string back out with
 * `slice`, which V8 does without copying.
 */
export interface CandidatesWire {
  /** Every id, one after another: id i is ids.slice(idEnds[i - 1] ?? 0, idEnds[i]). */
  ids: string;
  idEnds: Int32Array;
  /** Texts not found in the source, one after another. */
  joined: string;
  /** Text i is (inSource[i] ? source : joined).slice(textStarts[i], textEnds[i]). */
  textStarts: Int32Array;
  textEnds: Int32Array;
  inSource: Uint8Array;
  /** NaN where a candidate has none. */
  scores: Float64Array;
  relevance: Float64Array;
}

/**
 * Finds each text in `source`, in order from where the last one ended. After a first miss the rest go to
 * `joined`: a miss scans the whole remaining source, and one per document would be quadratic.
 */
export function encodeCandidates(candidates: readonly Candidate[], source = ''): CandidatesWire {
  const count = candidates.length;
  const idEnds = new Int32Array(count);
  const textStarts = new Int32Array(count);
  const textEnds = new Int32Array(count);
  const inSource = new Uint8Array(count);
  const scores = new Float64Array(count);
  const relevance = new Float64Array(count);
  const notFound: string[] = [];
  let idEnd = 0;
  let joinedEnd = 0;
  let cursor = 0;
  let searching = source.length > 0;
  candidates.forEach((c, i) => {
    idEnd += c.id.length;
    idEnds[i] = idEnd;
    const at = searching ? source.indexOf(c.text, cursor) : -1;
    if (at >= 0) {
      inSource[i] = 1;
      textStarts[i] = at;
      textEnds[i] = at + c.text.length;
      cursor = at + c.text.length;
    } else {
      searching = false;
      textStarts[i] = joinedEnd;
      joinedEnd += c.text.length;
      textEnds[i] = joinedEnd;
      notFound.push(c.text);
    }
    scores[i] = c.score ?? Number.NaN;
    relevance[i] = c.relevance ?? Number.NaN;
  });
  return { ids: candidates.map((c) => c.id).join(''), idEnds, joined: notFound.join(''), textStarts, textEnds, inSource, scores, relevance };
}

/** `source` must be the text the wire was encoded against. */
export function decodeCandidates(wire: CandidatesWire, source = ''): Candidate[] {
  const count = wire.idEnds.length;
  const candidates: Candidate[] = new Array<Candidate>(count);
  let idStart = 0;
  for (let i = 0; i < count; i += 1) {
    const idEnd = wire.idEnds[i] ?? idStart;
    const from = wire.inSource[i] === 1 ? source : wire.joined;
    const candidate: Candidate = { id: wire.ids.slice(idStart, idEnd), text: from.slice(wire.textStarts[i], wire.textEnds[i]), index: i };
    const score = wire.scores[i] ?? Number.NaN;
    const grade = wire.relevance[i] ?? Number.NaN;
    if (!Number.isNaN(score)) candidate.score = score;
    if (!Number.isNaN(grade)) candidate.relevance = grade;
    candidates[i] = candidate;
    idStart = idEnd;
  }
  return candidates;
}

/** The typed arrays to transfer with a wire. */
export const wireTransfer = (wire: CandidatesWire): Transferable[] =>
  [wire.idEnds, wire.textStarts, wire.textEnds, wire.inSource, wire.scores, wire.relevance].map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
