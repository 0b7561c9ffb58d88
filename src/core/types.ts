/** One candidate document as read from the user's input. */
export interface Candidate {
  /** Stable id: from the input, or generated as `doc_1`, `doc_2`, ... in input order. */
  id: string;
  text: string;
  /** Position in the input (0-based). Ties are broken by it everywhere. */
  index: number;
  /** First-stage score supplied with the document (a retriever's score), if any. */
  score?: number;
  /** Graded relevance judgment supplied with the document (0..3), if any. */
  relevance?: number;
}

/** What a number in a ranking means. Shown to people: never a bare "score". */
export type ScoreKind = 'retriever score' | 'BM25' | 'input order' | 'raw logit' | 'relevance score' | 'cosine' | 'RRF' | 'weighted sum' | 'P(yes)';

export interface RankedEntry {
  id: string;
  /** 1-based rank in this ranking. */
  rank: number;
  score: number;
  /** The candidate's input position, kept for the tie rule. */
  index: number;
}

export interface Ranking {
  scoreKind: ScoreKind;
  entries: RankedEntry[];
}

/**
 * Graded relevance per document id: 0 not relevant, 1 somewhat, 2 relevant, 3 highly relevant.
 * A Map, because document ids are user data: `__proto__` or `constructor` is an id like any other.
 */
export type Judgments = ReadonlyMap<string, number>;

/** A result that is either a value or an error meant for a person, with a cause for a developer. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export interface AppError {
  /** What happened and what to do next, in words for the user. */
  message: string;
  /** Technical detail for a developer (never shown in place of the message). */
  cause?: string;
}
