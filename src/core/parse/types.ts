import type { Candidate } from '../types';

export type InputFormat = 'auto' | 'text' | 'json' | 'jsonl' | 'csv' | 'tsv';
export type DetectedFormat = Exclude<InputFormat, 'auto'>;
export type TextMode = 'lines' | 'paragraphs';

/**
 * Which input field feeds each candidate property. `undefined` = guess it from the field names.
 * `''` = none (only for id, score and relevance: the text can't be turned off, so `''` means guess).
 */
export interface FieldMapping {
  text?: string;
  id?: string;
  score?: string;
  relevance?: string;
}

export interface ParseOptions {
  format: InputFormat;
  textMode: TextMode | 'auto';
  fields: FieldMapping;
}

/**
 * An error names its `line` or `item`. One with neither is about the whole input, and its message opens by
 * saying so ("The JSON ...", "The input ..."), or it is the count standing for errors not listed ("…and 3 more ...").
 * parse.fuzz.test.ts checks this rule.
 */
export interface ParseIssue {
  severity: 'error' | 'warning';
  /** For a person: what happened, where, and what to do next. */
  message: string;
  /** 1-based line in the raw input. */
  line?: number;
  /** 1-based column in that line. */
  column?: number;
  /** 1-based position among the raw items (documents) of the input. */
  item?: number;
  /** Technical detail for a developer, e.g. the native parser's message. */
  cause?: string;
}

export interface FieldsInfo {
  /** Every field name seen, in first-seen order (for a field menu). */
  available: string[];
  /** The fields actually read. `text` is unset only when no text field could be found (then there are no candidates). */
  used: FieldMapping;
}

export interface ParseResult {
  candidates: Candidate[];
  /** The format actually used. */
  format: DetectedFormat;
  /** For text: the reading in force. */
  textMode?: TextMode;
  /** For structured input holding objects; undefined for text and for lists of plain strings. */
  fields: FieldsInfo | undefined;
  /** Errors first, then warnings; each names its line and/or item. */
  issues: ParseIssue[];
}

/** One document as read by a format reader, before fields are mapped. */
export interface RawItem {
  /** 1-based position among the raw items, counting items that turn out bad (keeps generated ids stable). */
  item: number;
  /** 1-based line where the item starts, when the format has a meaningful one. */
  line?: number;
  value: string | Record<string, unknown>;
}
