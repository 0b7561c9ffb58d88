/**
 * The checks the query-set fuzz tests (*.fuzz.test.ts here) make of a reader's answer, in one place: issues name
 * their file and line (or say why they have none), self-contained queries have ids, texts and lines in the file.
 * Test-only; nothing in the app imports it. The rule for errors without a line is lineReaders.fuzz.test.ts's.
 */
import type { SetFile, SetFileParts, SetImportIssue } from '../types';
import { textLines } from './lines';

/**
 * An error without a line must say why it has none: a count of lines not listed one by one, a fact about the whole
 * file ("holds no queries at all", "is empty", "is not in a format we read"), or (linking) one about several files.
 */
export const SAYS_WHY_NO_LINE = /not listed one by one|at all| is empty\. | is not in a format we read\. |run files were given|not on one scale/;

/** What is wrong with one issue of `file`, as sentences; empty when nothing is. */
export function issueProblems(issue: SetImportIssue, lineCount: number): string[] {
  const problems: string[] = [];
  if (issue.message.trim() === '' || issue.message.includes('internal error')) problems.push(`issue message: ${JSON.stringify(issue.message)}`);
  if (issue.line !== undefined && (!Number.isInteger(issue.line) || issue.line < 1 || issue.line > lineCount)) problems.push(`issue line ${issue.line} of ${lineCount}`);
  if (issue.column !== undefined && (!Number.isInteger(issue.column) || issue.column < 1)) problems.push(`issue column ${issue.column}`);
  if (issue.line === undefined && issue.severity === 'error' && !SAYS_WHY_NO_LINE.test(issue.message)) problems.push(`error without a line: ${issue.message}`);
  return problems;
}

/** What is wrong with a self-contained reader's answer (query JSONL, long table). */
export function selfContainedProblems(parts: SetFileParts, file: SetFile, options: { queryTextRequired: boolean }): string[] {
  const problems: string[] = [];
  const lineCount = textLines(file.text).length;
  const inFile = (line: number) => Number.isInteger(line) && line >= 1 && line <= lineCount;
  if (parts.file !== file.name) problems.push(`file is ${parts.file}`);
  for (const issue of parts.issues) {
    if (issue.file !== file.name) problems.push(`issue names file ${issue.file}`);
    problems.push(...issueProblems(issue, lineCount));
  }
  // A repeated query id is allowed here (linking merges it into the first), and so is a table's query without text
  // (a topics file may give it; linking reports it when none does).
  for (const query of parts.queries ?? []) {
    if (query.id === '') problems.push('an empty query id');
    if (query.text === '' && options.queryTextRequired) problems.push(`query ${query.id} has no text`);
    if (!inFile(query.line)) problems.push(`query line ${query.line} of ${lineCount}`);
    for (const candidate of query.candidates) {
      if (candidate.docId === '') problems.push(`empty document id in query ${query.id}`);
      if (!inFile(candidate.line)) problems.push(`document line ${candidate.line} of ${lineCount}`);
      if (candidate.score !== undefined && !Number.isFinite(candidate.score)) problems.push(`score ${candidate.score}`);
      if (candidate.grade !== undefined && (!Number.isInteger(candidate.grade) || candidate.grade < 0 || candidate.grade > 3)) problems.push(`grade ${candidate.grade}`);
    }
  }
  return problems;
}
