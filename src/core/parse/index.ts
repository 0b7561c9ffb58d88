import type { Candidate } from '../types';
import type { DetectedFormat, FieldsInfo, ParseOptions, ParseResult, RawItem } from './types';
import { readDelimited } from './csv';
import { detectFormat } from './detect';
import { collectFieldNames, resolveFields } from './fields';
import { buildCandidates } from './finalize';
import { IssueCollector } from './issues';
import { readJson } from './json';
import { readJsonLines } from './jsonl';
import { readPlainText } from './text';

export type { DetectedFormat, FieldMapping, FieldsInfo, InputFormat, ParseIssue, ParseOptions, ParseResult, TextMode } from './types';
export { KNOWN_FIELD_NAMES } from './fieldNames';
export { detectFormat } from './detect';

export const DEFAULT_PARSE_OPTIONS: ParseOptions = { format: 'auto', textMode: 'auto', fields: {} };

/** Turns pasted or uploaded text into candidates, with every problem reported by line and/or item. */
export function parseDocuments(raw: string, options: ParseOptions): ParseResult {
  const source = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // a byte-order mark from some editors
  const format: DetectedFormat = options.format === 'auto' ? detectFormat(source) : options.format;
  const issues = new IssueCollector();

  if (format === 'text') {
    const { items, mode } = readPlainText(source, options.textMode);
    const candidates = buildCandidates(items, undefined, issues);
    return { candidates, format, textMode: mode, fields: undefined, issues: issues.finish() };
  }

  let items: RawItem[];
  let available: string[];
  if (format === 'csv' || format === 'tsv') {
    const table = readDelimited(source, format === 'csv' ? ',' : '\t', issues);
    items = table.items;
    available = table.columns;
  } else {
    items = format === 'json' ? readJson(source, issues, options.format === 'auto') : readJsonLines(source, issues);
    available = collectFieldNames(items);
  }

  const hasObjects = format === 'csv' || format === 'tsv' || items.some((item) => typeof item.value !== 'string');
  let fields: FieldsInfo | undefined;
  let candidates: Candidate[] = [];
  if (!hasObjects) {
    candidates = buildCandidates(items, undefined, issues);
  } else if (items.length > 0 || available.length > 0) {
    const used = resolveFields(items, available, options.fields, issues);
    fields = { available, used };
    if (used.text !== undefined) candidates = buildCandidates(items, used, issues);
  }
  return { candidates, format, fields, issues: issues.finish() };
}
