import type { RawItem } from './types';
import { splitRecords } from './csvRecords';
import { type IssueCollector, itemLabel } from './issues';
import { newRecord } from './records';

export interface TableRead {
  items: RawItem[];
  /** Column names from the header, made unique. */
  columns: string[];
}

/**
 * Reads CSV or TSV with a header row. Each data row is an item; a bad row (wrong number of fields,
 * unclosed quote) is reported with its line and skipped, and the other rows are still read.
 */
export function readDelimited(raw: string, delimiter: ',' | '\t', issues: IssueCollector): TableRead {
  const [header, ...rows] = splitRecords(raw, delimiter);
  if (header === undefined) return { items: [], columns: [] };
  const kind = delimiter === ',' ? 'comma' : 'tab';
  if (header.unclosedQuote) {
    issues.add('bad-header', {
      severity: 'error',
      line: header.unclosedQuote.line,
      column: header.unclosedQuote.column,
      message: `The header row (line ${header.line}) opens a quote at column ${header.unclosedQuote.column} that never closes. Add the closing double quote.`,
    });
    return { items: [], columns: [] };
  }
  const columns = columnNames(header.cells, header.line, issues);
  const items: RawItem[] = [];
  rows.forEach((row, i) => {
    const item = i + 1;
    const where = itemLabel(item, row.line);
    if (row.unclosedQuote) {
      issues.add('unclosed-quote', {
        severity: 'error',
        item,
        line: row.unclosedQuote.line,
        column: row.unclosedQuote.column,
        message: `${where}: a quoted field opens at line ${row.unclosedQuote.line}, column ${row.unclosedQuote.column} and never closes, so the row was skipped. Add the closing double quote.`,
      });
      return;
    }
    if (row.cells.length !== columns.length) {
      const hint =
        row.cells.length > columns.length
          ? `Put double quotes around fields that contain a ${kind}.`
          : `Check for a missing field, or a line break outside quotes.`;
      issues.add('wrong-field-count', {
        severity: 'error',
        item,
        line: row.line,
        message: `${where} has ${countFields(row.cells.length)} but the header has ${columns.length}, so the row was skipped. ${hint}`,
      });
      return;
    }
    if (row.strayTextAfterQuote !== undefined) {
      issues.add('stray-quote', {
        severity: 'warning',
        item,
        line: row.line,
        message: `${where}: field ${row.strayTextAfterQuote} has text after its closing quote; it was kept as part of the field. Inside quotes, write a quote as "".`,
      });
    }
    const value = newRecord(); // a column may be called __proto__
    columns.forEach((name, column) => (value[name] = row.cells[column]));
    items.push({ item, line: row.line, value });
  });
  return { items, columns };
}

function countFields(count: number): string {
  return count === 1 ? '1 field' : `${count} fields`;
}

/**
 * Trimmed header names; blank ones become `column_3`, repeats become `text_2`, so fields stay distinct.
 * Linear: each base name remembers its next suffix to try, so 20,000 repeats of one name don't rescan from _2.
 */
function columnNames(cells: readonly string[], line: number, issues: IssueCollector): string[] {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return cells.map((cell, i) => {
    const trimmed = cell.trim();
    let name = trimmed === '' ? `column_${i + 1}` : trimmed;
    if (taken.has(name)) {
      const base = name;
      let suffix = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}_${suffix}`)) suffix += 1;
      nextSuffix.set(base, suffix + 1);
      name = `${base}_${suffix}`;
      issues.add('duplicate-column', {
        severity: 'warning',
        line,
        message: `The header (line ${line}) names "${trimmed}" more than once; column ${i + 1} was read as "${name}". Give each column its own name.`,
      });
    }
    taken.add(name);
    return name;
  });
}
