/**
 * Splits delimited text (CSV or TSV) into records, RFC 4180 style: a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes (""). Lenient where that is harmless: spaces before an opening
 * quote are skipped, a quote inside an unquoted field is kept as is, and text after a closing quote is
 * kept (and flagged). A line ends at \n, \r\n or a lone \r (old Mac files); inside quotes each becomes \n.
 * Linear in the input: a quote that never closes means no quote follows it, so
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

  // The next delimiter, \n and \r at or after the last lookup, found with indexOf (fast) and reused until
  // passed, so each character is searched once overall. Valid because lookups only move forward. -1 = none left.
  let nextDelimiter = -2;
  let nextNewline = -2;
  let nextCarriageReturn = -2;
  /** Index of the next line break (\n, \r\n or a lone \r) at or after `from`, or -1. */
  const lineBreakAtOrAfter = (from: number): number => {
    if (nextNewline !== -1 && nextNewline < from) nextNewline = src.indexOf('\n', from);
    if (nextCarriageReturn !== -1 && nextCarriageReturn < from) nextCarriageReturn = src.indexOf('\r', from);
    if (nextNewline === -1 || nextCarriageReturn === -1) return Math.max(nextNewline, nextCarriageReturn);
    return Math.min(nextNewline, nextCarriageReturn);
  };
  /** 2 for the \r\n at `at`, else 1. */
  const lineBreakLength = (at: number): number => (src.charCodeAt(at) === CARRIAGE_RETURN && src.charCodeAt(at + 1) === NEWLINE ? 2 : 1);
  /** Index of the delimiter or line break that ends the field starting at `from`. */
  const fieldEnd = (from: number): number => {
    if (nextDelimiter !== -1 && nextDelimiter < from) nextDelimiter = src.indexOf(delimiter, from);
    const lineBreak = lineBreakAtOrAfter(from);
    return Math.min(nextDelimiter === -1 ? length : nextDelimiter, lineBreak === -1 ? length : lineBreak);
  };
  /** Keeps `line` right across line breaks inside quotes. */
  const passLineBreaks = (from: number, to: number): void => {
    for (let at = lineBreakAtOrAfter(from); at !== -1 && at < to; at = lineBreakAtOrAfter(lineStart)) {
      line += 1;
      lineStart = at + lineBreakLength(at);
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
        // The closing quote is the first one not doubled; a doubled quote ("") stands for one.
        let close = src.indexOf('"', quote + 1);
        let doubled = false;
        while (close !== -1 && src.charCodeAt(close + 1) === QUOTE) {
          doubled = true;
          close = src.indexOf('"', close + 2);
        }
        if (close === -1) {
          record.unclosedQuote = opened;
          const lineBreak = lineBreakAtOrAfter(quote);
          pos = lineBreak === -1 ? length : lineBreak + lineBreakLength(lineBreak);
          line = opened.line + 1;
          lineStart = pos;
          break;
        }
        const inner = src.slice(quote + 1, close);
        let value = doubled ? inner.split('""').join('"') : inner; // split/join: several times faster than replaceAll here
        passLineBreaks(quote, close);
        pos = close + 1;
        const end = fieldEnd(pos);
        const after = src.slice(pos, end);
        if (after.trim() !== '') {
          record.strayTextAfterQuote ??= record.cells.length + 1;
          value += after;
        }
        pos = end;
        record.cells.push(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value); // one kind of line break inside
      } else {
        const end = fieldEnd(pos);
        const cell = src.slice(pos, end);
        if (cell.trim() !== '') blank = false;
        record.cells.push(cell);
        pos = end;
      }
      if (pos < length && src.charCodeAt(pos) === delimiterCode) {
        pos += 1;
        continue;
      }
      if (pos < length) {
        pos += lineBreakLength(pos);
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
