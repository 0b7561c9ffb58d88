/**
 * Splits delimited text (CSV or TSV) into records, RFC 4180 style: a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes (""). Lenient where that is harmless: spaces before an opening
 * quote are skipped, a quote inside an unquoted field is kept as is, and text after a closing quote is
 * kept (and flagged). Linear in the input: a quote that never closes means no quote follows it, so
 * the resumed reading after one never hits another.
 */
export interface DelimitedRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
  /** Set when a quoted field never closes; the record is then unusable and reading resumes on the next line. */
  unclosedQuote?: { line: number; column: number };
  /** 1-based number of the first field with text after its closing quote. */
  strayTextAfterQuote?: number;
}

const QUOTE = 34;
const SPACE = 32;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

export function splitRecords(src: string, delimiter: ',' | '\t'): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  const length = src.length;
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  // The next delimiter and line break at or after the last lookup, found with indexOf (fast) and reused
  // until passed, so each character is searched once overall. Valid because lookups only move forward. -1 = none left.
  let nextDelimiter = -2;
  let nextNewline = -2;
  const newlineAtOrAfter = (from: number): number => {
    if (nextNewline !== -1 && nextNewline < from) nextNewline = src.indexOf('\n', from);
    return nextNewline;
  };
  /** Index of the delimiter or line break that ends the field starting at `from`. */
  const fieldEnd = (from: number): number => {
    if (nextDelimiter !== -1 && nextDelimiter < from) nextDelimiter = src.indexOf(delimiter, from);
    const newline = newlineAtOrAfter(from);
    return Math.min(nextDelimiter === -1 ? length : nextDelimiter, newline === -1 ? length : newline);
  };
  /** Text from `from` to `end`, without the \r of a \r\n line end. */
  const cellText = (from: number, end: number): string =>
    end > from && src.charCodeAt(end - 1) === CARRIAGE_RETURN && (end === length || src.charCodeAt(end) === NEWLINE) ? src.slice(from, end - 1) : src.slice(from, end);
  /** Keeps `line` right across line breaks inside quotes. */
  const passLineBreaks = (from: number, to: number): void => {
    for (let nl = newlineAtOrAfter(from); nl !== -1 && nl < to; nl = newlineAtOrAfter(nl + 1)) {
      line += 1;
      lineStart = nl + 1;
    }
  };

  while (pos < length) {
    const record: DelimitedRecord = { line, cells: [] };
    let blank = true;
    for (;;) {
      let quote = pos;
      while (src.charCodeAt(quote) === SPACE) quote += 1;
      if (src.charCodeAt(quote) === QUOTE) {
        blank = false;
        const opened = { line, column: quote - lineStart + 1 };
        let value = '';
        let from = quote + 1;
        let close = src.indexOf('"', from);
        for (; close !== -1 && src.charCodeAt(close + 1) === QUOTE; close = src.indexOf('"', from)) {
          value += src.slice(from, close + 1); // a doubled quote stands for one
          from = close + 2;
        }
        if (close === -1) {
          record.unclosedQuote = opened;
          const nextLine = newlineAtOrAfter(quote);
          pos = nextLine === -1 ? length : nextLine + 1;
          line = opened.line + 1;
          lineStart = pos;
          break;
        }
        value += src.slice(from, close);
        passLineBreaks(quote, close);
        pos = close + 1;
        const end = fieldEnd(pos);
        const after = cellText(pos, end);
        if (after.trim() !== '') {
          record.strayTextAfterQuote ??= record.cells.length + 1;
          value += after;
        }
        pos = end;
        record.cells.push(value.includes('\r\n') ? value.replaceAll('\r\n', '\n') : value);
      } else {
        const end = fieldEnd(pos);
        const cell = cellText(pos, end);
        if (cell.trim() !== '') blank = false;
        record.cells.push(cell);
        pos = end;
      }
      if (pos < length && src.charCodeAt(pos) === delimiterCode) {
        pos += 1;
        continue;
      }
      if (pos < length) {
        pos += 1; // the line break
        line += 1;
        lineStart = pos;
      }
      break;
    }
    // Rows of nothing (a blank line, or only delimiters) are spacing, not records.
    if (!blank || record.unclosedQuote) records.push(record);
  }
  return records;
}
