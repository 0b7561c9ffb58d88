/**
 * Joins the parts read from each file into one QuerySet and an ImportReport.
 * Queries come from topics and self-contained files; documents from collections and self-contained candidates;
 * a run (or, without one, BM25 over the corpus) gives the candidates; qrels give the judgments.
 * Nothing that fails to link is dropped in silence: it is counted and listed in the report.
 */
import { DEFAULT_CORPUS_TOP_K, type ImportOptions, type ImportReport, type ImportResult, type SetImportIssue } from '../types';
import { IssueList } from './lines';
import { buildSet, type KnownDocument, type LinkedQuery, noQueriesMessage } from './linkedSet';
import type { PartsWithNotes } from './queryJsonl';

/** First-stage retrieval over a whole corpus: the top K documents per query id, best first. */
export type CorpusRetriever = (
  queries: { id: string; text: string }[],
  documents: ReadonlyMap<string, string>,
  topK: number,
) => Map<string, { docId: string; score: number }[]>;

/** A file no reader recognised: it contributes only its issues. */
export interface UnrecognizedFile {
  file: string;
  kind: null;
  issues: SetImportIssue[];
}

export type LinkInput = PartsWithNotes | UnrecognizedFile;

/** Linking's issues, kept per file so that each file's list is capped and summarised like its reader's. */
class LinkIssues {
  private readonly byFile = new Map<string, IssueList>();
  add(file: string, kind: string, issue: Omit<SetImportIssue, 'file'>): void {
    let list = this.byFile.get(file);
    if (list === undefined) this.byFile.set(file, (list = new IssueList(file)));
    list.add(kind, issue);
  }
  finish(): SetImportIssue[] {
    return [...this.byFile.values()].flatMap((list) => list.finish());
  }
}

const where = (file: string, line: number): string => `${file}, line ${line}`;

export function linkSet(inputs: readonly LinkInput[], options: ImportOptions, retrieve: CorpusRetriever): ImportResult {
  const report: ImportReport = {
    files: [], queries: 0, documents: 0, judgments: 0, queriesWithoutCandidates: [], runLinesWithoutText: [],
    qrelsForUnknownQueries: [], qrelsForUnknownDocuments: [], runLinesForUnknownQueries: [], issues: [], notes: [],
  };
  const parts: PartsWithNotes[] = [];
  for (const input of inputs) {
    report.issues.push(...input.issues);
    if (input.kind === null) continue;
    parts.push(input);
    const records = (input.topics?.length ?? 0) + (input.run?.length ?? 0) + (input.qrels?.length ?? 0) + (input.documents?.length ?? 0) + (input.queries?.length ?? 0);
    report.files.push({ name: input.file, kind: input.kind, records });
    report.notes.push(...(input.notes ?? []));
  }
  const issues = new LinkIssues();
  const documents = collectDocuments(parts, issues);
  const queries = collectQueries(parts, documents, report, issues);

  const runs = parts.filter((part) => (part.run?.length ?? 0) > 0);
  let usedBm25 = false;
  if (runs.length > 0) {
    attachRuns(runs, queries, documents, report, issues);
  } else {
    usedBm25 = retrieveFromCorpus(parts, queries, documents, options, retrieve, report, issues);
  }
  attachQrels(parts, queries, documents, report, issues);
  report.issues.push(...issues.finish());

  if (queries.size === 0) return { ok: false, message: noQueriesMessage(parts, documents.size, inputs), report };
  const set = buildSet(parts, queries, documents, usedBm25, report);
  return { ok: true, set, report };
}

function collectDocuments(parts: readonly PartsWithNotes[], issues: LinkIssues): Map<string, KnownDocument> {
  const documents = new Map<string, KnownDocument>();
  const add = (id: string, text: string, file: string, line: number): void => {
    if (text === '') return;
    const known = documents.get(id);
    if (known === undefined) documents.set(id, { text, file, line });
    else if (known.text !== text) {
      issues.add(file, 'document id with two texts', {
        severity: 'warning', line,
        message: `${where(file, line)}: document "${id}" has a different text than at ${where(known.file, known.line)}; the first text was kept.`,
      });
    }
  };
  for (const part of parts) {
    for (const doc of part.documents ?? []) add(doc.id, doc.text, part.file, doc.line);
    for (const query of part.queries ?? []) for (const candidate of query.candidates) add(candidate.docId, candidate.text, part.file, candidate.line);
  }
  return documents;
}

/** Topics first, in file order, then self-contained queries; a repeated id merges into the first. */
function collectQueries(parts: readonly PartsWithNotes[], documents: ReadonlyMap<string, KnownDocument>, report: ImportReport, issues: LinkIssues): Map<string, LinkedQuery> {
  const queries = new Map<string, LinkedQuery>();
  const define = (id: string, text: string, file: string, line: number): LinkedQuery => {
    let query = queries.get(id);
    if (query === undefined) {
      query = { id, text, file, line, candidates: [], candidateIds: new Set(), judgments: new Map() };
      queries.set(id, query);
    } else if (query.text === '') {
      query.text = text;
    } else if (text !== '' && text !== query.text) {
      issues.add(file, 'query id with two texts', {
        severity: 'warning', line,
        message: `${where(file, line)}: query "${id}" has a different text than at ${where(query.file, query.line)}; the first text was kept.`,
      });
    }
    return query;
  };
  for (const part of parts) for (const topic of part.topics ?? []) define(topic.id, topic.text, part.file, topic.line);
  for (const part of parts) {
    for (const selfContained of part.queries ?? []) {
      const query = define(selfContained.id, selfContained.text, part.file, selfContained.line);
      for (const candidate of selfContained.candidates) {
        if (!documents.has(candidate.docId)) {
          report.runLinesWithoutText.push({ file: part.file, line: candidate.line, queryId: query.id, docId: candidate.docId });
          continue;
        }
        addCandidate(query, candidate.docId, candidate.score, part.file, candidate.line, issues);
        if (candidate.grade !== undefined) judge(query, candidate.docId, candidate.grade, part.file, candidate.line, issues);
      }
    }
  }
  for (const [id, query] of queries) {
    if (query.text !== '') continue;
    queries.delete(id);
    issues.add(query.file, 'query without text', {
      severity: 'error', line: query.line,
      message: `${where(query.file, query.line)}: query "${id}" has no text, so it was left out. Give the table a query column, or add a topics file that names it.`,
    });
  }
  return queries;
}

function addCandidate(query: LinkedQuery, docId: string, score: number | undefined, file: string, line: number, issues: LinkIssues): void {
  if (query.candidateIds.has(docId)) {
    issues.add(file, 'document listed twice for a query', {
      severity: 'warning', line,
      message: `${where(file, line)}: document "${docId}" is listed twice for query "${query.id}"; only its first (best) place was kept.`,
    });
    return;
  }
  query.candidateIds.add(docId);
  query.candidates.push(score === undefined ? { docId } : { docId, score });
}

function judge(query: LinkedQuery, docId: string, grade: number, file: string, line: number, issues: LinkIssues): void {
  const known = query.judgments.get(docId);
  if (known === undefined) query.judgments.set(docId, grade);
  else if (known !== grade) {
    issues.add(file, 'conflicting judgment', {
      severity: 'warning', line,
      message: `${where(file, line)}: document "${docId}" is judged ${grade} for query "${query.id}", but ${known} earlier; the first judgment was kept.`,
    });
  }
}

/** trec_eval ranks a run by score, not by its rank column: score descending, then rank, then file order. */
function attachRuns(runs: readonly PartsWithNotes[], queries: Map<string, LinkedQuery>, documents: ReadonlyMap<string, KnownDocument>, report: ImportReport, issues: LinkIssues): void {
  if (runs.length > 1) {
    issues.add(runs[1]?.file ?? '', 'several runs', {
      severity: 'warning',
      message: `${runs.length} run files were given (${runs.map((run) => run.file).join(', ')}); their lines were merged per query and ranked by score. Import one run at a time to compare runs.`,
    });
  }
  const linesByQuery = new Map<string, { file: string; docId: string; rank: number; score: number; line: number }[]>();
  for (const run of runs) {
    for (const entry of run.run ?? []) {
      if (!queries.has(entry.queryId)) {
        report.runLinesForUnknownQueries.push({ file: run.file, line: entry.line, queryId: entry.queryId, docId: entry.docId });
        continue;
      }
      let lines = linesByQuery.get(entry.queryId);
      if (lines === undefined) linesByQuery.set(entry.queryId, (lines = []));
      lines.push({ file: run.file, ...entry });
    }
  }
  for (const [queryId, lines] of linesByQuery) {
    const query = queries.get(queryId) as LinkedQuery;
    lines.sort((a, b) => b.score - a.score || a.rank - b.rank); // stable: file order breaks the last ties
    for (const line of lines) {
      if (!documents.has(line.docId)) report.runLinesWithoutText.push({ file: line.file, line: line.line, queryId, docId: line.docId });
      else addCandidate(query, line.docId, line.score, line.file, line.line, issues);
    }
  }
}

/** Without a run, queries that have no candidates get the corpus's BM25 top K. Returns whether it ran. */
function retrieveFromCorpus(
  parts: readonly PartsWithNotes[], queries: ReadonlyMap<string, LinkedQuery>, documents: ReadonlyMap<string, KnownDocument>,
  options: ImportOptions, retrieve: CorpusRetriever, report: ImportReport, issues: LinkIssues,
): boolean {
  const corpusFile = parts.find((part) => (part.documents?.length ?? 0) > 0)?.file;
  const waiting = [...queries.values()].filter((query) => query.candidates.length === 0);
  if (corpusFile === undefined || waiting.length === 0) return false;
  const topK = Number.isFinite(options.corpusTopK) ? Math.max(1, Math.floor(options.corpusTopK)) : DEFAULT_CORPUS_TOP_K;
  const texts = new Map<string, string>();
  for (const [id, doc] of documents) texts.set(id, doc.text);
  const found = retrieve(waiting.map(({ id, text }) => ({ id, text })), texts, topK);
  if (waiting.length < queries.size && [...queries.values()].some((query) => query.candidates.some((candidate) => candidate.score !== undefined))) {
    issues.add(corpusFile, 'scores on two scales', {
      severity: 'warning',
      message: `Some queries came with their own candidates and scores, and ${waiting.length} without: those got BM25 over the corpus. The two kinds of score are not on one scale; import them as separate sets to compare them.`,
    });
  }
  for (const query of waiting) {
    for (const { docId, score } of found.get(query.id) ?? []) {
      if (query.candidateIds.has(docId) || !documents.has(docId)) continue;
      query.candidateIds.add(docId);
      query.candidates.push({ docId, score });
    }
  }
  report.notes.push(`No run was given: the first stage is BM25 over the whole corpus (${texts.size} documents), top ${topK} per query.`);
  return true;
}

function attachQrels(parts: readonly PartsWithNotes[], queries: ReadonlyMap<string, LinkedQuery>, documents: ReadonlyMap<string, KnownDocument>, report: ImportReport, issues: LinkIssues): void {
  for (const part of parts) {
    for (const qrel of part.qrels ?? []) {
      const reference = { file: part.file, line: qrel.line, queryId: qrel.queryId, docId: qrel.docId };
      const query = queries.get(qrel.queryId);
      if (query === undefined) report.qrelsForUnknownQueries.push(reference);
      // A judged document in the collection but not retrieved stays: it is a relevant document the run missed (recall).
      else if (!query.candidateIds.has(qrel.docId) && !documents.has(qrel.docId)) report.qrelsForUnknownDocuments.push(reference);
      else judge(query, qrel.docId, qrel.grade, part.file, qrel.line, issues);
    }
  }
}
