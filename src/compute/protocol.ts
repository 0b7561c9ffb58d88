/**
 * Typed messages between the main thread (ComputeClient) and the compute worker. Every request carries an
 * `id`; every reply names the request it answers, so the client drops replies nobody waits for any more.
 */
import type { Bm25Parameters } from '../core/retrieval/bm25';
import type { TokenizerOptions } from '../core/retrieval/tokenize';
import type { ParseOptions, ParseResult } from '../core/parse';
import type { CandidatesWire } from './candidatesWire';
import type { ImportOptions, ImportResult, SetFile } from '../core/sets/types';
import type { ShareError } from '../core/share/failures';
import type { Result } from '../core/types';
import type { SessionWire } from './sessionWire';

/**
 * A file to import: a browser File (read with `file.text()` inside the worker, so a large file's text never
 * sits on the main thread) or a SetFile whose text is already at hand (a paste, an example).
 */
export type ComputeFile = File | SetFile;

export interface ImportRequest {
  type: 'import';
  id: number;
  files: ComputeFile[];
  options: ImportOptions;
}

/** One query's BM25 job: the query text and the texts of its own candidates, in candidate order. */
export interface Bm25Query {
  queryId: string;
  query: string;
  texts: string[];
}

export interface Bm25Request {
  type: 'bm25';
  id: number;
  queries: Bm25Query[];
  params: Bm25Parameters;
  tokenizer: TokenizerOptions;
}

/** Stops the request with this id at its next check (between files or queries). */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

/**
 * Parses a large paste or upload off the main thread. The worker keeps the candidates' texts under `version`,
 * so BM25 over them needs no second copy of the text (Bm25ParsedRequest).
 */
export interface ParseRequest {
  type: 'parse';
  id: number;
  version: number;
  text: string;
  options: ParseOptions;
  /** Also keep the text in IndexedDB for the next visit, here, so the page never clones megabytes into it. */
  save: boolean;
}

/** BM25 of one query over the documents of the parse with this version. */
export interface Bm25ParsedRequest {
  type: 'bm25-parsed';
  id: number;
  version: number;
  query: string;
  params: Bm25Parameters;
  tokenizer: TokenizerOptions;
}

/** Reads, parses and validates a session file here: the page never holds its text, nor blocks on it. */
export interface ReadSessionRequest {
  type: 'read-session';
  id: number;
  file: File;
}

export type ComputeRequest = ImportRequest | Bm25Request | ParseRequest | Bm25ParsedRequest | ReadSessionRequest | CancelRequest;

export type ComputeStage = 'reading' | 'parsing' | 'retrieving';

export interface ProgressReply {
  type: 'progress';
  id: number;
  stage: ComputeStage;
  done: number;
  total: number;
}

export interface ImportedReply {
  type: 'imported';
  id: number;
  result: ImportResult;
}

/** BM25 of each query's candidates, in candidate order. The buffers are transferred, not copied. */
export interface Bm25Reply {
  type: 'bm25';
  id: number;
  scores: { queryId: string; scores: Float64Array }[];
}

/** What went wrong: a message for a person, a cause for a developer. */
export interface ComputeErrorInfo {
  message: string;
  cause?: string;
  /** True when the request was cancelled rather than failed. */
  cancelled?: boolean;
}

export interface ErrorReply {
  type: 'error';
  id: number;
  error: ComputeErrorInfo;
}

/** A parse with its candidates in the wire format (candidatesWire.ts). */
export type WireParseResult = Omit<ParseResult, 'candidates'> & { candidates: CandidatesWire };

export interface ParsedReply {
  type: 'parsed';
  id: number;
  result: WireParseResult;
  /** Set when `save` was asked and IndexedDB refused: what to tell the user. */
  saveFailed?: string;
}

export interface Bm25ParsedReply {
  type: 'bm25-parsed';
  id: number;
  scores: Float64Array;
  /** The documents' positions in ranking order (core/ranking rankingPositions): the page need not sort them. */
  order: Uint32Array;
}

/** The validated setup (sessionWire.ts), or the reader's failure exactly as the main thread's reader gives it. */
export interface SessionReadReply {
  type: 'session-read';
  id: number;
  result: Result<SessionWire, ShareError>;
}

export type ComputeReply = ProgressReply | ImportedReply | Bm25Reply | ParsedReply | Bm25ParsedReply | SessionReadReply | ErrorReply;

/** The message of a cancelled request's error reply. */
export const CANCELLED_MESSAGE = 'Cancelled.';
