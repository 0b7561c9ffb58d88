/**
 * What the line-based set readers share: splitting a file into lines, cutting a line into fields
 * with their columns, capped issue lists, duplicate tracking, and reading one JSON object per line.
 */
import { explainJsonFailure } from '../../parse/jsonError';
import { listFieldNames } from '../../parse/issues';
import type { SetFileKind, SetFileParts, SetImportIssue } from '../types';

/**
 * The file's lines, without a UTF-8 byte-order mark. Lines end at \n, \r\n or a lone \r
 * (classic Mac files end lines with CR only). One split: the pieces share the text's memory in V8.
 */
export function textLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

export function isBlank(line: string): boolean {
  return !/\S/.test(line);
}

/** TREC files pass over blank lines and lines whose first visible character is `#`. */
export function isTrecSkippable(line: string): boolean {
  return /^\s*(#|$)/.test(line);
}

/** One field of a line and its 1-based column (UTF-16 code units, as editors count). */
export interface Field {
  text: string;
  column: number;
}

/** What `\s` matches, as a character code test: a scan by hand is several times faster than a global regex. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Fields separated by runs of whitespace, as trec_eval reads them. */
export function whitespaceFields(line: string): Field[] {
  const fields: Field[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i += 1) {
    const space = i === line.length || isSpace(line.charCodeAt(i));
    if (!space && start === -1) start = i;
    else if (space && start !== -1) {
      fields.push({ text: line.slice(start, i), column: start + 1 });
      start = -1;
    }
  }
  return fields;
}

/** Fields separated by single tabs (TSV: an empty field stays a field). */
export function tabFields(line: string): Field[] {
  const fields: Field[] = [];
  let start = 0;
  for (let tab = line.indexOf('\t'); tab !== -1; tab = line.indexOf('\t', start)) {
    fields.push({ text: line.slice(start, tab), column: start + 1 });
    start = tab + 1;
  }
  fields.push({ text: line.slice(start), column: start + 1 });
  return fields;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function readInteger(text: string): number | undefined {
  return INTEGER.test(text) ? Number(text) : undefined;
}

/** A finite decimal number (no hex, no "Infinity", no "NaN"); undefined otherwise. */
export function readFiniteNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Quotes a piece of input for a message, cut short so that one huge line cannot make a huge message. */
export function quote(text: string, max = 60): string {
  return `'${text.length > max ? `${text.slice(0, max)}…` : text}'`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Beyond this many issues of one kind only a count (with the line range) is listed. */
export const MAX_LISTED_PER_KIND = 20;

interface KindCount {
  severity: SetImportIssue['severity'];
  count: number;
  firstHidden?: number;
  lastHidden?: number;
}

/** Issues of one file, at most MAX_LISTED_PER_KIND listed per kind, every one counted. */
export class IssueList {
  private readonly listed: SetImportIssue[] = [];
  private readonly kinds = new Map<string, KindCount>();

  constructor(private readonly file: string) {}

  /** Whether the next issue of `kind` will be listed: lets a caller skip a costly explanation. */
  willList(kind: string): boolean {
    return (this.kinds.get(kind)?.count ?? 0) < MAX_LISTED_PER_KIND;
  }

  /** `kind` is a short noun phrase for the summary line: "wrong number of columns". */
  add(kind: string, issue: Omit<SetImportIssue, 'file'>): void {
    const entry = this.kinds.get(kind) ?? { severity: issue.severity, count: 0 };
    entry.count += 1;
    this.kinds.set(kind, entry);
    if (entry.count <= MAX_LISTED_PER_KIND) {
      const { severity, line, column, message } = issue;
      this.listed.push({ severity, file: this.file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), message });
    } else if (issue.line !== undefined) {
      entry.firstHidden ??= issue.line;
      entry.lastHidden = issue.line;
    }
  }

  /** Errors first, then warnings; each group by line, followed by its "…and N more" lines. */
  finish(): SetImportIssue[] {
    // Stable: issues of one line keep the order they were added in.
    const byLine = [...this.listed].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
    const summaries: SetImportIssue[] = [];
    for (const [kind, entry] of this.kinds) {
      const hidden = entry.count - MAX_LISTED_PER_KIND;
      if (hidden <= 0) continue;
      const where = entry.firstHidden === undefined ? '' : entry.firstHidden === entry.lastHidden ? `, line ${entry.firstHidden}` : `, lines ${entry.firstHidden} to ${entry.lastHidden}`;
      const message = `…and ${plural(hidden, 'more line', 'more lines')} like this (${kind})${where}; not listed one by one.`;
      summaries.push({ severity: entry.severity, file: this.file, message });
    }
    const bySeverity = (severity: SetImportIssue['severity']) => [
      ...byLine.filter((issue) => issue.severity === severity),
      ...summaries.filter((issue) => issue.severity === severity),
    ];
    return [...bySeverity('error'), ...bySeverity('warning')];
  }
}

/** Remembers where each id (or pair of ids) was first seen, to report duplicates with both lines. */
export class FirstLines {
  private readonly lines = new Map<string, Map<string, number>>();

  /** The line where (a, b) was first seen; records `line` and answers undefined when this is the first time. */
  claim(a: string, b: string, line: number): number | undefined {
    let inner = this.lines.get(a);
    if (!inner) {
      inner = new Map();
      this.lines.set(a, inner);
    }
    const earlier = inner.get(b);
    if (earlier === undefined) inner.set(b, line);
    return earlier;
  }
}

/** Keeps the first item of each id, with a warning naming both lines for every later one. */
export function keepFirstOfEach<T extends { id: string; line: number }>(items: readonly T[], noun: 'query' | 'document', issues: IssueList): T[] {
  const firstLine = new Map<string, number>();
  const kept: T[] = [];
  for (const item of items) {
    const earlier = firstLine.get(item.id);
    if (earlier === undefined) {
      firstLine.set(item.id, item.line);
      kept.push(item);
    } else {
      const message = `Line ${item.line}: ${noun} ${quote(item.id)} appears again (first on line ${earlier}). The first is kept; this one was ignored.`;
      issues.add(`duplicate ${noun} id`, { severity: 'warning', line: item.line, message });
    }
  }
  return kept;
}

/**
 * Runs a reader, turning anything it throws into an error issue: a bad file must never take the app down.
 * Readers are written not to throw; the fuzz test checks that this net is never used.
 */
export function guarded(file: string, kind: SetFileKind, read: () => SetFileParts): SetFileParts {
  try {
    return read();
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    const message = `The file could not be read (internal error: ${cause}). Please report this with the file.`;
    return { file, kind, issues: [{ severity: 'error', file, message }] };
  }
}

/** A JSON object's fields, read from one line. */
export type JsonObject = Record<string, unknown>;

/** Parses one line as a JSON object; reports and answers undefined when it is not one. */
export function readJsonObjectLine(text: string, line: number, issues: IssueList): JsonObject | undefined {
  const kind = 'not valid JSON';
  // A thrown parse error costs microseconds: a million junk lines that cannot be JSON are counted without one.
  if (!issues.willList(kind) && cannotBeJson(text)) {
    issues.add(kind, { severity: 'error', line, message: '' });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Explaining costs a scan of the line: only do it for issues that will be listed.
    if (!issues.willList(kind)) {
      issues.add(kind, { severity: 'error', line, message: '' });
      return undefined;
    }
    const failure = explainJsonFailure(text, error);
    const column = failure.at?.column;
    const where = column === undefined ? '' : `, column ${column}`;
    const hint = failure.problem.startsWith('unexpected text after') ? 'Put each JSON object on a line of its own.' : failure.hint;
    issues.add(kind, { severity: 'error', line, column, message: `Line ${line}${where} is not valid JSON: ${failure.problem}. ${hint} The line was skipped.` });
    return undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  issues.add('not a JSON object', { severity: 'error', line, message: `Line ${line} holds ${what}, not a JSON object with fields. The line was skipped.` });
  return undefined;
}

/** True when the line is surely not JSON: it starts with no JSON value, opens an object it never closes, or starts like true, false or null without being one ("not json": no throw per line). */
function cannotBeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined || !/[{["\-0-9tfn]/.test(first)) return true;
  if (first === 't' || first === 'f' || first === 'n') return !/^\s*(?:true|false|null)\s*$/.test(text);
  return first === '{' && !/}\s*$/.test(text);
}

/** The first of `names` that the object has as its own field. */
export function pickField(object: JsonObject, names: readonly string[]): { name: string; value: unknown } | undefined {
  for (const name of names) if (Object.hasOwn(object, name)) return { name, value: object[name] };
  return undefined;
}

/** An id as a trimmed string: strings and finite numbers qualify; empty is no id. */
export function idText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  return text === '' ? undefined : text;
}

/** "has fields "title", "url"": what a person needs to see why a line did not fit. */
export function fieldsOf(object: JsonObject): string {
  const names = Object.keys(object);
  return names.length === 0 ? 'has no fields' : `has ${listFieldNames(names)}`;
}
