/**
 * Query-set import: each file is read by the reader its kind needs (detectKind.ts), then the parts are
 * linked into one QuerySet with a report of everything that did not link (link.ts).
 */
import { DEFAULT_CORPUS_TOP_K, type ImportOptions, type ImportResult, type SetFile, type SetFileKind } from '../types';
import { readBeirQueries } from './beirQueries';
import { readCollection } from './collection';
import { bm25CorpusRetriever } from './corpusRetrieval';
import { ACCEPTED_FORMATS, detectSetFileKind } from './detectKind';
import { type CorpusRetriever, type LinkInput, linkSet } from './link';
import { readLongTable } from './longTable';
import { type PartsWithNotes, readQueryJsonl } from './queryJsonl';
import { readQrelsFile } from './qrelsFile';
import { readTrecRun } from './trecRun';
import { readTrecTopics } from './trecTopics';

export { ACCEPTED_FORMATS, detectSetFileKind } from './detectKind';
export { bm25CorpusRetriever, defaultCorpusBm25, topScoring, type Bm25CorpusOptions } from './corpusRetrieval';
export { linkSet, type CorpusRetriever, type LinkInput, type UnrecognizedFile } from './link';
export { readLongTable } from './longTable';
export { readQueryJsonl, type PartsWithNotes } from './queryJsonl';
export { readBeirQueries, readCollection, readQrelsFile, readTrecRun, readTrecTopics };

const READERS: Record<SetFileKind, (file: SetFile) => PartsWithNotes> = {
  'trec-topics': readTrecTopics,
  'trec-run': readTrecRun,
  'trec-qrels': readQrelsFile,
  'beir-qrels': readQrelsFile,
  collection: readCollection,
  'beir-corpus': readCollection,
  'beir-queries': readBeirQueries,
  'query-jsonl': readQueryJsonl,
  'long-table': readLongTable,
};

/** Reads one file with the reader its name or content calls for; a file that fits no format says which ones would. */
export function readSetFile(file: SetFile): LinkInput {
  if (!/\S/.test(file.text)) {
    return { file: file.name, kind: null, issues: [{ severity: 'error', file: file.name, message: `${file.name} is empty. Check that you chose the right file.` }] };
  }
  const kind = detectSetFileKind(file);
  if (kind === null) {
    const message = `${file.name} is not in a format we read. Accepted: ${ACCEPTED_FORMATS}. Rename the file after its kind (topics.txt, run.txt, qrels.txt, collection.tsv, corpus.jsonl) if its content is one of these.`;
    return { file: file.name, kind: null, issues: [{ severity: 'error', file: file.name, message }] };
  }
  try {
    return READERS[kind](file);
  } catch (error) {
    // Readers are written not to throw; this net keeps one bad file from taking the whole import down.
    const cause = error instanceof Error ? error.message : String(error);
    return { file: file.name, kind, issues: [{ severity: 'error', file: file.name, message: `${file.name} could not be read (internal error: ${cause}). Please report this with the file.` }] };
  }
}

export function importQuerySet(
  files: SetFile[],
  options: ImportOptions = { corpusTopK: DEFAULT_CORPUS_TOP_K },
  retrieve: CorpusRetriever = bm25CorpusRetriever(),
): ImportResult {
  return linkSet(files.map(readSetFile), options, retrieve);
}
