/** The last step of linking: the QuerySet itself, its name, and the message when there is no set to make. */
import type { ImportReport, QuerySet, SetCandidate, SetFileKind } from '../types';
import type { LinkInput } from './link';
import type { PartsWithNotes } from './queryJsonl';

/** A query while linking: where it was first defined, its candidates in order, and a Set so each document enters once. */
export interface LinkedQuery {
  id: string;
  text: string;
  file: string;
  line: number;
  candidates: SetCandidate[];
  candidateIds: Set<string>;
  judgments: Map<string, number>;
}

/** A document's text and where it was first seen, for the warning when an id comes back with another text. */
export interface KnownDocument {
  text: string;
  file: string;
  line: number;
}

export function buildSet(parts: readonly PartsWithNotes[], queries: ReadonlyMap<string, LinkedQuery>, documents: ReadonlyMap<string, KnownDocument>, usedBm25: boolean, report: ImportReport): QuerySet {
  const kept = new Map<string, string>();
  const keep = (docId: string): void => {
    const doc = documents.get(docId);
    if (doc !== undefined && !kept.has(docId)) kept.set(docId, doc.text);
  };
  // Without a run the corpus stays whole: a dense first stage retrieves from all of it (store/denseCorpus.ts).
  if (usedBm25) for (const docId of documents.keys()) keep(docId);
  let supplied = false;
  for (const query of queries.values()) {
    for (const candidate of query.candidates) keep(candidate.docId);
    for (const docId of query.judgments.keys()) keep(docId);
    if (query.candidates.length === 0) report.queriesWithoutCandidates.push(query.id);
    if (!usedBm25 && query.candidates.some((candidate) => candidate.score !== undefined)) supplied = true;
    report.judgments += query.judgments.size;
  }
  const dropped = documents.size - kept.size;
  if (dropped > 0) {
    const are = dropped === 1 ? 'is' : 'are';
    report.notes.push(`${dropped} of the ${documents.size} documents given ${are} neither a candidate nor judged for any query, so they were left out of the set.`);
  }
  report.queries = queries.size;
  report.documents = kept.size;
  return {
    name: setName(parts),
    queries: [...queries.values()].map(({ id, text, candidates, judgments }) => ({ id, text, candidates, judgments })),
    documents: kept,
    scoreKind: usedBm25 ? 'BM25' : supplied ? 'retriever score' : null,
  };
}

/** The main file names the set: a run, a self-contained file, then a corpus (by its folder: BEIR's dataset name). */
const NAME_PRIORITY: readonly SetFileKind[] = ['trec-run', 'query-jsonl', 'long-table', 'beir-corpus', 'collection', 'trec-topics', 'beir-queries', 'trec-qrels', 'beir-qrels'];
const BEIR_KINDS = new Set<SetFileKind>(['beir-corpus', 'beir-queries', 'beir-qrels']);

const UNNAMED_SET = 'Imported set';

function setName(parts: readonly PartsWithNotes[]): string {
  const main = NAME_PRIORITY.map((kind) => parts.find((part) => part.kind === kind)).find((part) => part !== undefined);
  if (main === undefined) return UNNAMED_SET;
  // A blank segment ("", " ", "a//b") names nothing: the set would show with no name.
  const segments = main.file.split('/').filter((segment) => segment.trim() !== '');
  if (BEIR_KINDS.has(main.kind)) {
    const folders = segments.slice(0, -1).filter((folder) => folder.toLowerCase() !== 'qrels');
    const dataset = folders[folders.length - 1];
    if (dataset !== undefined) return dataset;
  }
  return segments[segments.length - 1] ?? UNNAMED_SET;
}

export function noQueriesMessage(parts: readonly PartsWithNotes[], documentCount: number, inputs: readonly LinkInput[]): string {
  const held: string[] = [];
  if (documentCount > 0) held.push('documents');
  if (parts.some((part) => (part.run?.length ?? 0) > 0)) held.push('a run');
  if (parts.some((part) => (part.qrels?.length ?? 0) > 0)) held.push('judgments');
  const next = 'Add a topics file (qid<TAB>text, or TREC <top> blocks) or BEIR queries.jsonl, or give a JSONL file with one query and its documents per line.';
  if (inputs.length === 0) return `No files were given. ${next}`;
  if (held.length === 0) return `No queries could be read from ${inputs.map((input) => input.file).join(', ')} (see the problems listed). ${next}`;
  const list = held.length === 1 ? held[0] : `${held.slice(0, -1).join(', ')} and ${held[held.length - 1]}`;
  return `These files hold ${list} but no queries. ${next}`;
}
