/**
 * A long table: CSV or TSV with a header and one row per (query, document), e.g.
 *   qid,query,docid,text,score,relevance
 * Rows are grouped by qid, or by the query's text when there is no qid column (ids are then generated q1, q2, ...).
 */
import type { SetFile } from '../types';
import { type DelimitedRecord, splitRecords } from '../../parse/csvRecords';
import { KNOWN_FIELD_NAMES } from '../../parse/fieldNames';
import { readId, readNumber, readRelevance } from '../../parse/values';
import { guarded, IssueList } from './lines';
import { assignIds, DOC_ID_FIELDS, type DraftCandidate, type DraftQuery, type PartsWithNotes, QUERY_TEXT_FIELDS, RELEVANCE_FIELDS } from './queryJsonl';

/** Header names for each column's role, lowercase, in priority order. */
export const LONG_TABLE_COLUMNS = {
  queryText: QUERY_TEXT_FIELDS,
  queryId: ['qid', 'query_id', 'query-id', 'queryid'],
  docId: DOC_ID_FIELDS,
  text: [...KNOWN_FIELD_NAMES.text, 'doc_text'],
  score: KNOWN_FIELD_NAMES.score,
  relevance: RELEVANCE_FIELDS,
} as const satisfies Record<string, readonly string[]>;

type Role = keyof typeof LONG_TABLE_COLUMNS;

/** The delimiter: the extension's, else a tab when the header holds one, else a comma. */
export function tableDelimiter(file: SetFile): ',' | '\t' {
  const name = file.name.toLowerCase();
  if (/\.(tsv|tab)$/.test(name)) return '\t';
  if (name.endsWith('.csv')) return ',';
  const start = file.text.search(/\S/);
  const end = start === -1 ? -1 : file.text.indexOf('\n', start);
  const header = start === -1 ? '' : file.text.slice(start, end === -1 ? undefined : end);
  return header.includes('\t') ? '\t' : ',';
}

/**
 * Column index of each role. Header names are user data and may repeat thousands of times:
 * one pass into a Map (first occurrence wins), never a search per cell.
 */
export function columnsByRole(headerCells: readonly string[]): { byRole: Map<Role, number>; repeated: Map<string, number> } {
  const firstIndex = new Map<string, number>();
  const repeated = new Map<string, number>();
  headerCells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (!firstIndex.has(name)) firstIndex.set(name, index);
    else repeated.set(name, (repeated.get(name) ?? 1) + 1);
  });
  const byRole = new Map<Role, number>();
  for (const role of Object.keys(LONG_TABLE_COLUMNS) as Role[]) {
    const name = LONG_TABLE_COLUMNS[role].find((candidate) => firstIndex.has(candidate));
    if (name !== undefined) byRole.set(role, firstIndex.get(name) as number);
  }
  return { byRole, repeated };
}

export function readLongTable(file: SetFile): PartsWithNotes {
  return guarded(file.name, 'long-table', () => {
    const issues = new IssueList(file.name);
    const queries = readRows(file, issues);
    return { file: file.name, kind: 'long-table', queries: assignIds(queries), issues: issues.finish() };
  });
}

interface Header {
  line: number;
  width: number;
  byRole: Map<Role, number>;
  /** The column's name as written, for messages: "Line 4, column "Score"". */
  names: readonly string[];
}

function readRows(file: SetFile, issues: IssueList): DraftQuery[] {
  const delimiter = tableDelimiter(file);
  const [headerRecord, ...rows] = splitRecords(file.text, delimiter);
  const header = headerRecord === undefined ? undefined : readHeader(file.name, headerRecord, issues);
  if (header === undefined) return [];
  const groups = new Map<string, DraftQuery>();
  const warnedTexts = new Set<string>();
  for (const row of rows) {
    const line = row.line;
    if (row.unclosedQuote) {
      const { column } = row.unclosedQuote;
      const message = `Line ${line}: a quoted field opens at line ${row.unclosedQuote.line}, column ${column} and never closes, so the row was skipped. Add the closing double quote.`;
      issues.add('unclosed quote', { severity: 'error', line: row.unclosedQuote.line, column, message });
      continue;
    }
    if (row.cells.length !== header.width) {
      const hint = row.cells.length > header.width ? `Put double quotes around fields that contain a ${delimiter === ',' ? 'comma' : 'tab'}.` : 'Check for a missing field.';
      issues.add('wrong number of fields', { severity: 'error', line, message: `Line ${line} has ${row.cells.length} fields but the header has ${header.width}, so the row was skipped. ${hint}` });
      continue;
    }
    readRow(row.cells, line, header, groups, warnedTexts, issues);
  }
  return [...groups.values()];
}

function readHeader(fileName: string, record: DelimitedRecord, issues: IssueList): Header | undefined {
  const line = record.line;
  if (record.unclosedQuote) {
    const { column } = record.unclosedQuote;
    issues.add('unclosed quote in header', { severity: 'error', line: record.unclosedQuote.line, column, message: `The header row (line ${line}) opens a quote at column ${column} that never closes. Add the closing double quote.` });
    return undefined;
  }
  const names = record.cells.map((cell) => cell.trim());
  const { byRole, repeated } = columnsByRole(names);
  if (repeated.size > 0) {
    const listedRepeats = [...repeated].slice(0, 5).map(([name, count]) => `"${name}" (${count} times)`).join(', ');
    const more = repeated.size > 5 ? ` and ${repeated.size - 5} more` : '';
    issues.add('repeated column names', { severity: 'warning', line, message: `The header (line ${line}) repeats ${listedRepeats}${more}; only the first column of each name was read. Give each column its own name.` });
  }
  const found = names.slice(0, 10).map((name) => `"${name}"`).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
  const missing = (what: string, roles: readonly Role[], advice: string): undefined => {
    const looked = roles.flatMap((role) => LONG_TABLE_COLUMNS[role]).join(', ');
    issues.add(`no ${what} column`, { severity: 'error', line, message: `${fileName}: the header (line ${line}) has no ${what} column: looked for ${looked}, found ${found}. ${advice}` });
    return undefined;
  };
  if (!byRole.has('queryText') && !byRole.has('queryId')) return missing('query', ['queryText', 'queryId'], 'Name the query column "query" (its text) or "qid".');
  if (!byRole.has('text') && !byRole.has('docId')) return missing('document', ['text', 'docId'], 'Name the document column "text" (or "docid", with a collection file beside it).');
  return { line, width: names.length, byRole, names };
}

function readRow(cells: readonly string[], line: number, header: Header, groups: Map<string, DraftQuery>, warnedTexts: Set<string>, issues: IssueList): void {
  const cell = (role: Role): string | undefined => {
    const index = header.byRole.get(role);
    return index === undefined ? undefined : (cells[index] ?? '').trim();
  };
  const at = (role: Role): string => `Line ${line}, column "${header.names[header.byRole.get(role) ?? -1] ?? role}"`;

  const queryText = cell('queryText') ?? '';
  const qid = header.byRole.has('queryId') ? readId(cell('queryId')) : undefined;
  if (qid !== undefined && qid.kind !== 'ok') {
    issues.add('no query id', { severity: 'error', line, message: `${at('queryId')} is empty, so the row was skipped. Give every row its query id.` });
    return;
  }
  if (qid === undefined && queryText === '') {
    issues.add('no query text', { severity: 'error', line, message: `${at('queryText')} is empty, so the row was skipped. Give every row its query.` });
    return;
  }
  const key = qid?.value ?? queryText;
  let query = groups.get(key);
  if (query === undefined) {
    query = { text: queryText, line, position: groups.size + 1, candidates: [] };
    if (qid !== undefined) query.id = qid.value;
    groups.set(key, query);
  } else if (query.text === '') {
    query.text = queryText;
  } else if (queryText !== '' && queryText !== query.text && !warnedTexts.has(key)) {
    warnedTexts.add(key);
    issues.add('query text differs', { severity: 'warning', line, message: `${at('queryText')}: query "${key}" has a different text than on line ${query.line}; the first was kept.` });
  }

  const docId = readId(cell('docId'));
  const text = cell('text') ?? '';
  if (text === '' && docId.kind !== 'ok') {
    issues.add('no document', { severity: 'error', line, message: `Line ${line} has neither a document text nor a document id, so the row was skipped.` });
    return;
  }
  const candidate: DraftCandidate = { text, line, position: query.candidates.length + 1 };
  if (docId.kind === 'ok') candidate.docId = docId.value;
  const score = readNumber(cell('score'));
  if (score.kind === 'ok') candidate.score = score.value;
  else if (score.kind === 'invalid') issues.add('score not a number', { severity: 'warning', line, message: `${at('score')}: ${score.shown} is not a number, so the score was left out.` });
  const grade = readRelevance(cell('relevance'));
  if (grade.kind === 'ok') candidate.grade = grade.value;
  else if (grade.kind === 'invalid') issues.add('relevance not a grade', { severity: 'warning', line, message: `${at('relevance')}: ${grade.shown} is not a whole number from 0 to 3, so the judgment was left out.` });
  query.candidates.push(candidate);
}
