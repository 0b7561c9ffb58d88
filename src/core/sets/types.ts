/**
 * A query set: the unit of work. A paste of one query and its documents is a set of one.
 * Every id here is user-given data, so lookups use `Map`, never a plain object
 * (`__proto__` or `constructor` is a document id like any other).
 */

/** Graded judgments of one query, by document id: 0 not relevant .. 3 highly relevant. */
export type GradeMap = ReadonlyMap<string, number>;

/** One candidate of one query: a document id, in the first stage's supplied order, with its score if one was supplied. */
export interface SetCandidate {
  docId: string;
  /** The first-stage score from a run file or the input; absent when none was given. */
  score?: number;
}

export interface SetQuery {
  /** The query id as given (a TREC/BEIR qid), or generated as `q1`, `q2`, ... in file order. */
  id: string;
  text: string;
  /** The candidates in supplied order (a run's rank order, or file order). */
  candidates: SetCandidate[];
  /** The judgments read from qrels or from the input's relevance fields. */
  judgments: GradeMap;
}

/** Where the set's candidate scores came from: shown to people, never a bare "score". */
export type SetScoreKind = 'retriever score' | 'BM25';

export interface QuerySet {
  /** A name for people: the main file's name, or the example's title. */
  name: string;
  queries: SetQuery[];
  /** The text of every document that any query refers to, by id; without a run, the whole corpus (for dense retrieval). */
  documents: ReadonlyMap<string, string>;
  /** What the supplied candidate scores mean; null when no query carries scores. */
  scoreKind: SetScoreKind | null;
}

/** One file handed to an importer: its name (used to tell its kind) and its whole text. */
export interface SetFile {
  name: string;
  text: string;
}

/** What each file was read as. */
export type SetFileKind =
  | 'trec-topics'
  | 'trec-run'
  | 'trec-qrels'
  | 'collection'
  | 'beir-corpus'
  | 'beir-queries'
  | 'beir-qrels'
  | 'query-jsonl'
  | 'long-table';

/** A problem in one file, located by line (and column where it helps), with what to do next. */
export interface SetImportIssue {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line in that file, when the problem has one. */
  line?: number;
  column?: number;
  message: string;
}

/** A reference that could not be linked: a run line, a qrel, a candidate. Listed, never dropped in silence. */
export interface UnlinkedReference {
  file: string;
  line: number;
  queryId: string;
  docId?: string;
}

/** What an import matched and what it did not. Every count here is also listed, never dropped silently. */
export interface ImportReport {
  files: { name: string; kind: SetFileKind; records: number }[];
  queries: number;
  documents: number;
  judgments: number;
  /** Queries with no candidates at all (after linking). */
  queriesWithoutCandidates: string[];
  /** Run lines (or candidates) whose document has no text in any collection given. */
  runLinesWithoutText: UnlinkedReference[];
  /** Qrels whose query is not in the set. */
  qrelsForUnknownQueries: UnlinkedReference[];
  /** Qrels whose document is not among that query's candidates nor in any collection. */
  qrelsForUnknownDocuments: UnlinkedReference[];
  /** Run lines for queries that no topics file names. */
  runLinesForUnknownQueries: UnlinkedReference[];
  issues: SetImportIssue[];
  /** Sentences about choices made while importing ("No run was given: BM25 over the corpus, top 100"). */
  notes: string[];
}

export interface ImportOptions {
  /** Without a run, the first stage is BM25 over the whole corpus: the top K per query. */
  corpusTopK: number;
}

export const DEFAULT_CORPUS_TOP_K = 100;

export type ImportResult =
  | { ok: true; set: QuerySet; report: ImportReport }
  | { ok: false; message: string; report: ImportReport };

/**
 * What one file contributes before linking. Each reader fills the parts its format holds;
 * `linkSet` joins the parts of all files into one QuerySet and its ImportReport.
 * Lines are 1-based, so the report can point at them.
 */
export interface SetFileParts {
  file: string;
  kind: SetFileKind;
  /** Query texts by id (topics, BEIR queries). */
  topics?: { id: string; text: string; line: number }[];
  /** Run lines in file order (TREC run). */
  run?: { queryId: string; docId: string; rank: number; score: number; line: number }[];
  /** Judgments in file order (TREC or BEIR qrels). */
  qrels?: { queryId: string; docId: string; grade: number; line: number }[];
  /** Document texts by id (a collection, a BEIR corpus; title and text already joined). */
  documents?: { id: string; text: string; line: number }[];
  /**
   * Self-contained queries (JSONL with one query per line, a long CSV): each with its own candidates,
   * whose texts come with them, and the judgments the file carried.
   */
  queries?: {
    id: string;
    text: string;
    line: number;
    candidates: { docId: string; text: string; score?: number; grade?: number; line: number }[];
  }[];
  issues: SetImportIssue[];
}
