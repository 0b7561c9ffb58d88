/**
 * Relevance judgments, in either of two layouts:
 * - TREC qrels, `qid iter docid grade`, whitespace separated (the iteration column is ignored, as trec_eval does);
 * - BEIR qrels, `query-id<TAB>corpus-id<TAB>score`, usually under that header line.
 * The first lines tell which: 3 tab-separated fields are BEIR's.
 * Grades are integers. A negative grade (junk or spam in some collections) is read as 0, not relevant, as
 * trec_eval treats it. A grade above 3 is kept as given, with a warning: the app shows grades 0 to 3.
 */
import type { SetFile, SetFileKind, SetFileParts } from '../types';
import { type Field, FirstLines, IssueList, guarded, isBlank, isTrecSkippable, plural, quote, readInteger, tabFields, textLines, whitespaceFields } from './lines';

type Qrel = NonNullable<SetFileParts['qrels']>[number];

/** The highest grade the app shows. */
const TOP_GRADE = 3;

interface Layout {
  kind: SetFileKind;
  columns: number;
  shape: string;
  skip: (line: string) => boolean;
  fields: (line: string) => Field[];
  /** Positions of the query id, document id and grade among the fields. */
  at: { query: number; doc: number; grade: number };
}

const TREC: Layout = {
  kind: 'trec-qrels',
  columns: 4,
  shape: 'qid iter docid grade',
  skip: isTrecSkippable,
  fields: whitespaceFields,
  at: { query: 0, doc: 2, grade: 3 },
};

const BEIR: Layout = {
  kind: 'beir-qrels',
  columns: 3,
  shape: 'query-id, tab, corpus-id, tab, score',
  skip: isBlank,
  fields: tabFields,
  at: { query: 0, doc: 1, grade: 2 },
};

export function readQrelsFile(file: SetFile): SetFileParts {
  return guarded(file.name, 'trec-qrels', () => {
    const lines = textLines(file.text);
    const firstIndex = lines.findIndex((line) => !isTrecSkippable(line));
    const first = firstIndex === -1 ? undefined : lines[firstIndex];
    const layout = looksLikeBeir(lines) ? BEIR : TREC;
    const headerIndex = layout === BEIR && first !== undefined && isBeirHeader(first) ? firstIndex : -1;
    return readLayout(file.name, lines, layout, headerIndex);
  });
}

/** The first lines vote: 3 tab-separated fields is BEIR; otherwise 4 whitespace-separated fields is TREC. */
function looksLikeBeir(lines: readonly string[]): boolean {
  let beir = 0;
  let trec = 0;
  for (let i = 0, seen = 0; i < lines.length && seen < 10; i += 1) {
    const line = lines[i] ?? '';
    if (isTrecSkippable(line)) continue;
    seen += 1;
    if (tabFields(line).length === BEIR.columns) beir += 1;
    else if (whitespaceFields(line).length === TREC.columns) trec += 1;
  }
  return beir > trec;
}

/** `query-id  corpus-id  score`: a first line whose score is not a number and whose names mention ids or queries. */
function isBeirHeader(line: string): boolean {
  const [query, , grade] = tabFields(line).map((field) => field.text.trim().toLowerCase());
  return grade !== undefined && readInteger(grade) === undefined && query !== undefined && /id|query/.test(query);
}

interface GradeNote {
  count: number;
  lines: number[];
}

function note(counter: GradeNote, line: number): void {
  counter.count += 1;
  if (counter.lines.length < 5) counter.lines.push(line);
}

function linesText(counter: GradeNote): string {
  const more = counter.count - counter.lines.length;
  return `${counter.count === 1 ? 'line' : 'lines'} ${counter.lines.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function readLayout(name: string, lines: readonly string[], layout: Layout, headerIndex: number): SetFileParts {
  const issues = new IssueList(name);
  const seen = new FirstLines();
  const qrels: Qrel[] = [];
  const negative: GradeNote = { count: 0, lines: [] };
  const aboveTop: GradeNote = { count: 0, lines: [] };
  let meaningfulLines = 0;
  lines.forEach((text, index) => {
    if (index === headerIndex || layout.skip(text)) return;
    meaningfulLines += 1;
    const line = index + 1;
    const fields = layout.fields(text);
    const queryId = fields[layout.at.query]?.text.trim();
    const docId = fields[layout.at.doc]?.text.trim();
    const gradeField = fields[layout.at.grade];
    if (fields.length !== layout.columns || !queryId || !docId || !gradeField) {
      const found = fields.length !== layout.columns ? `has ${plural(fields.length, 'column', 'columns')}` : 'has an empty id';
      const message = `Line ${line} ${found}; a judgment here is ${layout.columns} columns: ${layout.shape}. The line was skipped.`;
      issues.add('wrong number of columns', { severity: 'error', line, message });
      return;
    }
    const given = readInteger(gradeField.text.trim());
    if (given === undefined) {
      const message = `Line ${line}, column ${gradeField.column}: the grade ${quote(gradeField.text)} is not a whole number (judgments are 0, 1, 2 or 3). The line was skipped.`;
      issues.add('grade not a whole number', { severity: 'error', line, column: gradeField.column, message });
      return;
    }
    const earlier = seen.claim(queryId, docId, line);
    if (earlier !== undefined) {
      const message = `Line ${line}: document ${quote(docId)} is judged again for query ${quote(queryId)} (first on line ${earlier}). The first judgment is kept; this line was ignored.`;
      issues.add('duplicate judgment', { severity: 'warning', line, message });
      return;
    }
    if (given < 0) note(negative, line);
    if (given > TOP_GRADE) note(aboveTop, line);
    qrels.push({ queryId, docId, grade: Math.max(0, given), line });
  });
  if (negative.count > 0) {
    const message = `${plural(negative.count, 'judgment has', 'judgments have')} a negative grade (${linesText(negative)}), read as 0, not relevant, as trec_eval does.`;
    issues.add('negative grades', { severity: 'warning', line: negative.lines[0], message });
  }
  if (aboveTop.count > 0) {
    const message = `${plural(aboveTop.count, 'judgment has', 'judgments have')} a grade above ${TOP_GRADE} (${linesText(aboveTop)}), kept as given; note that the app shows grades 0 to ${TOP_GRADE}.`;
    issues.add('grades above 3', { severity: 'warning', line: aboveTop.lines[0], message });
  }
  if (meaningfulLines === 0) {
    issues.add('no judgments', { severity: 'error', message: 'The file holds no judgments at all: it is empty, blank, or holds only comments or a header. Check that this is the qrels file.' });
  }
  return { file: name, kind: layout.kind, qrels, issues: issues.finish() };
}
