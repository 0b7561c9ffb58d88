/**
 * TREC qrels import and export: one judgment per line, `qid iter docid grade`,
 * whitespace separated. The iteration column is ignored (trec_eval ignores it too).
 *
 * Reading rules:
 * - Blank lines and lines starting with `#` are passed over silently.
 * - A line without exactly 4 columns, a grade that is not an integer, a grade above 3,
 *   a document id the app does not know, or a second judgment for the same document
 *   is skipped, with its line number and a reason. Everything else is kept.
 * - A negative grade (some collections use -1 or -2 for junk or spam) is read as 0,
 *   not relevant, which is how trec_eval treats it; a note says how many were.
 * - The app judges one query at a time. If the file holds several query ids, the one
 *   asked for is used, else the first in the file; a note says which, and lines of
 *   other queries are left out without being listed as skipped.
 */

export interface SkippedLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line as it was, without its line break. */
  text: string;
  /** Why it was not used, worded to fit in parentheses: "unknown id 'doc_9'". */
  reason: string;
}

export interface ParsedQrels {
  judgments: Map<string, number>;
  skipped: SkippedLine[];
  /** Every query id in the file, in order of first appearance. */
  queryIds: string[];
  /** The query whose judgments were read; null when the file holds no usable line. */
  queryId: string | null;
  /** Sentences for the user about choices made while reading (several queries, negative grades). */
  notes: string[];
}

export const MAX_GRADE = 3;
const QRELS_COLUMNS = 4;
const INTEGER_PATTERN = /^[+-]?\d+$/;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

interface QrelsLine {
  line: number;
  text: string;
  qid: string;
  docId: string;
  grade: string;
}

/** Splits the text into numbered lines, separating well-formed ones from bad ones. */
function splitLines(text: string): { rows: QrelsLine[]; skipped: SkippedLine[] } {
  const rows: QrelsLine[] = [];
  const skipped: SkippedLine[] = [];
  text.split(/\r?\n/).forEach((raw, position) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const columns = trimmed.split(/\s+/);
    const line = position + 1;
    const [qid, , docId, grade] = columns;
    if (columns.length !== QRELS_COLUMNS || qid === undefined || docId === undefined || grade === undefined) {
      skipped.push({ line, text: raw, reason: `found ${plural(columns.length, 'column', 'columns')}, expected 4` });
      return;
    }
    rows.push({ line, text: raw, qid, docId, grade });
  });
  return { rows, skipped };
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function parseQrels(text: string, knownIds: ReadonlySet<string>, qid?: string): ParsedQrels {
  const { rows, skipped } = splitLines(text);
  const queryIds = uniqueInOrder(rows.map((row) => row.qid));
  const notes: string[] = [];
  const queryId = qid ?? queryIds[0] ?? null;

  if (qid !== undefined && !queryIds.includes(qid) && queryIds.length > 0) {
    notes.push(`The file has no judgments for query '${qid}'. It holds: ${queryIds.join(', ')}.`);
  } else if (queryIds.length > 1 && queryId !== null) {
    const otherLines = rows.filter((row) => row.qid !== queryId).length;
    notes.push(
      `The file holds ${queryIds.length} queries (${queryIds.join(', ')}). Using '${queryId}'; ` +
        `${plural(otherLines, 'line for other queries was', 'lines for other queries were')} left out.`,
    );
  }

  const judgments = new Map<string, number>();
  const lineOfJudgment = new Map<string, number>();
  let negativeGrades = 0;
  for (const row of rows) {
    if (row.qid !== queryId) continue;
    const skip = (reason: string): void => {
      skipped.push({ line: row.line, text: row.text, reason });
    };
    if (!INTEGER_PATTERN.test(row.grade)) {
      skip(`grade '${row.grade}' is not an integer`);
      continue;
    }
    const grade = Number(row.grade);
    if (grade > MAX_GRADE) {
      skip(`grade ${grade} is outside 0..${MAX_GRADE}`);
      continue;
    }
    if (!knownIds.has(row.docId)) {
      skip(`unknown id '${row.docId}'`);
      continue;
    }
    const earlierLine = lineOfJudgment.get(row.docId);
    if (earlierLine !== undefined) {
      skip(`repeats the judgment for '${row.docId}' on line ${earlierLine}`);
      continue;
    }
    if (grade < 0) negativeGrades += 1;
    judgments.set(row.docId, Math.max(0, grade));
    lineOfJudgment.set(row.docId, row.line);
  }

  if (negativeGrades > 0) {
    notes.push(`${plural(negativeGrades, 'negative grade was', 'negative grades were')} read as 0 (not relevant).`);
  }
  skipped.sort((a, b) => a.line - b.line);
  return { judgments, skipped, queryIds, queryId, notes };
}

/** Whitespace would split a qrels column in two, so it becomes "_". */
function asColumn(value: string): string {
  const replaced = value.trim().replace(/\s+/g, '_');
  return replaced === '' ? '_' : replaced;
}

/**
 * One `qid 0 docid grade` line per judged document, sorted by document id (by UTF-16
 * code units, not locale, so the output is the same everywhere), ending in a newline.
 * Whitespace inside the query id or a document id is replaced by "_"; such a document
 * id will not match on the way back in.
 */
export function formatQrels(judgments: ReadonlyMap<string, number>, qid: string): string {
  const queryColumn = asColumn(qid);
  const lines = [...judgments]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([docId, grade]) => `${queryColumn} 0 ${asColumn(docId)} ${String(grade)}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** How many skipped lines the report names before it says "and N more". */
const REPORTED_LINES = 5;

/**
 * A sentence listing the lines that could not be used, or null when every line was used:
 * "Could not use 2 lines: line 3 (unknown id 'doc_9'), line 5 (grade 'x' is not an integer)."
 */
export function qrelsReport(skipped: readonly SkippedLine[]): string | null {
  if (skipped.length === 0) return null;
  const named = skipped.slice(0, REPORTED_LINES).map((entry) => `line ${entry.line} (${entry.reason})`);
  const rest = skipped.length - named.length;
  const more = rest > 0 ? `, and ${rest} more` : '';
  return `Could not use ${plural(skipped.length, 'line', 'lines')}: ${named.join(', ')}${more}.`;
}
