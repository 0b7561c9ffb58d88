/**
 * The main-thread side of the compute worker. It owns the Worker (started on the first request), gives each
 * request an id and a promise, and settles every promise exactly once: with the reply, an error reply, a
 * cancel, or the worker's crash. Replies for ids nobody waits for any more are dropped. After a crash the
 * worker is gone and the next request starts a fresh one.
 * A new request does not cancel older ones: callers that supersede a run abort its signal.
 */
import type { ParseOptions, ParseResult } from '../core/parse';
import { decodeCandidates } from './candidatesWire';
import type { Bm25Parameters } from '../core/retrieval/bm25';
import type { TokenizerOptions } from '../core/retrieval/tokenize';
import type { ImportOptions, ImportResult } from '../core/sets/types';
import type { SharedSetup } from '../core/share/types';
import type { AppError, Result } from '../core/types';
import { decodeSession } from './sessionWire';
import {
  CANCELLED_MESSAGE,
  type Bm25ParsedReply,
  type Bm25Query,
  type Bm25Reply,
  type ComputeErrorInfo,
  type ComputeFile,
  type ComputeReply,
  type ComputeRequest,
  type ComputeStage,
  type ImportedReply,
  type ParsedReply,
  type SessionReadReply,
} from './protocol';

/** A reply that settles a request (progress replies do not). */
type ResultReply = ImportedReply | Bm25Reply | ParsedReply | Bm25ParsedReply | SessionReadReply;

/** What the client needs of a Worker, so tests can script one. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ComputeReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ComputeRequest): void;
  terminate(): void;
}

export interface ComputeProgress {
  stage: ComputeStage;
  done: number;
  total: number;
}

export interface ComputeCallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ComputeProgress) => void;
}

/** An import that produced no ImportResult at all: cancelled, unreadable files, a crashed worker. */
export interface ComputeFailure {
  ok: false;
  message: string;
  cause?: string;
  cancelled?: boolean;
}

/** How bm25PerQuery rejects: a message for a person, `cause` for a developer. */
export class ComputeError extends Error {
  readonly cancelled: boolean;
  constructor(info: ComputeErrorInfo) {
    super(info.message, { cause: info.cause });
    this.name = 'ComputeError';
    this.cancelled = info.cancelled ?? false;
  }
}

export interface ComputeClient {
  /** Imports a query set in the worker. Resolves with the importer's result, or a failure; never rejects. */
  importSet(files: readonly ComputeFile[], options: ImportOptions, call?: ComputeCallOptions): Promise<ImportResult | ComputeFailure>;
  /** BM25 of each query over its own candidates, by query id. Rejects with a ComputeError. */
  bm25PerQuery(queries: readonly Bm25Query[], params: Bm25Parameters, tokenizer: TokenizerOptions, call?: ComputeCallOptions): Promise<Map<string, Float64Array>>;
  /** Parses a large paste in the worker, which keeps its texts under `version` for bm25ForParsed. Rejects with a ComputeError. */
  parseDocuments(version: number, text: string, options: ParseOptions, save: boolean, call?: ComputeCallOptions): Promise<{ result: ParseResult; saveFailed?: string }>;
  /** BM25 of one query over the documents of the parse with that version, and their ranking order. Rejects with a ComputeError. */
  bm25ForParsed(version: number, query: string, params: Bm25Parameters, tokenizer: TokenizerOptions, call?: ComputeCallOptions): Promise<{ scores: Float64Array; order: Uint32Array }>;
  /**
   * Reads, parses and validates a session file in the worker. Resolves with the setup, the reader's failure
   * (core/share readSessionFile's, message for message), or the worker's own failure; never rejects.
   */
  readSession(file: File, call?: ComputeCallOptions): Promise<Result<SharedSetup, AppError>>;
  /** Stops the worker; pending requests fail. A later request starts a fresh worker. */
  dispose(): void;
}

const defaultFactory = (): WorkerLike => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

const cancelledInfo: ComputeErrorInfo = { message: CANCELLED_MESSAGE, cancelled: true, cause: 'AbortSignal' };

const crashedMessage =
  'The background worker that imports sets and computes BM25 stopped unexpectedly (it may have run out of memory). Your current set is unchanged. Try again: a fresh worker will start.';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

interface Pending {
  onReply(reply: ComputeReply): void;
  fail(info: ComputeErrorInfo): void;
}

export function createComputeClient(factory: () => WorkerLike = defaultFactory): ComputeClient {
  let worker: WorkerLike | undefined;
  const pending = new Map<number, Pending>();
  let lastId = 0;

  function failAll(info: ComputeErrorInfo): void {
    const waiting = [...pending.values()];
    pending.clear();
    for (const entry of waiting) entry.fail(info);
  }

  /** Drops `which` (if still current) and fails everything that waited on it. */
  function discard(which: WorkerLike, info: ComputeErrorInfo): void {
    if (worker !== which) return;
    worker = undefined;
    which.terminate();
    failAll(info);
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = factory();
    // Replies from a worker that was replaced are stale, whatever their id.
    created.onmessage = (event) => {
      if (worker === created) pending.get(event.data.id)?.onReply(event.data);
    };
    created.onerror = (event) => {
      event.preventDefault();
      discard(created, { message: crashedMessage, cause: `${event.message} (${event.filename}:${event.lineno})` });
    };
    created.onmessageerror = () => discard(created, { message: crashedMessage, cause: 'a message from the compute worker could not be read' });
    worker = created;
    return created;
  }

  function send(build: (id: number) => ComputeRequest, { signal, onProgress }: ComputeCallOptions): Promise<ResultReply> {
    if (signal?.aborted) return Promise.reject(new ComputeError(cancelledInfo));
    return new Promise((resolve, reject) => {
      const id = ++lastId;
      let target: WorkerLike | undefined;
      let settled = false;
      const settle = (outcome: { reply: ResultReply } | { error: ComputeErrorInfo }): void => {
        if (settled) return;
        settled = true;
        pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
        if ('reply' in outcome) resolve(outcome.reply);
        else reject(new ComputeError(outcome.error));
      };
      // Settle at once; the worker stops at its next check and its late replies are dropped.
      const onAbort = (): void => {
        if (target && worker === target) target.postMessage({ type: 'cancel', id });
        settle({ error: cancelledInfo });
      };
      pending.set(id, {
        onReply(reply) {
          if (reply.type === 'progress') onProgress?.({ stage: reply.stage, done: reply.done, total: reply.total });
          else if (reply.type === 'error') settle({ error: reply.error });
          else settle({ reply });
        },
        fail: (info) => settle({ error: info }),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        target = ensureWorker();
      } catch (error) {
        settle({ error: { message: `The background worker could not start (${describe(error)}). Your current set is unchanged. Reload the page and try again.`, cause: String(error) } });
        return;
      }
      try {
        target.postMessage(build(id));
      } catch (error) {
        settle({ error: { message: `The request could not be handed to the background worker (${describe(error)}). Your current set is unchanged.`, cause: String(error) } });
      }
    });
  }

  return {
    async importSet(files, options, call = {}) {
      try {
        const reply = await send((id) => ({ type: 'import', id, files: [...files], options }), call);
        if (reply.type === 'imported') return reply.result;
        return { ok: false, message: 'The background worker answered an import with something else. Your current set is unchanged.', cause: `reply type ${reply.type}` };
      } catch (error) {
        if (!(error instanceof ComputeError)) throw error;
        const failure: ComputeFailure = { ok: false, message: error.message, cancelled: error.cancelled };
        if (typeof error.cause === 'string') failure.cause = error.cause;
        return failure;
      }
    },

    async bm25PerQuery(queries, params, tokenizer, call = {}) {
      const reply = await send((id) => ({ type: 'bm25', id, queries: [...queries], params: { k1: params.k1, b: params.b }, tokenizer: { stem: tokenizer.stem, stopwords: tokenizer.stopwords } }), call);
      if (reply.type !== 'bm25') throw new ComputeError({ message: 'The background worker answered a BM25 request with something else.', cause: `reply type ${reply.type}` });
      return new Map(reply.scores.map((entry) => [entry.queryId, entry.scores]));
    },

    async parseDocuments(version, text, options, save, call = {}) {
      const reply = await send((id) => ({ type: 'parse', id, version, text, options, save }), call);
      if (reply.type !== 'parsed') throw new ComputeError({ message: 'The background worker answered a parse with something else.', cause: `reply type ${reply.type}` });
      return { result: { ...reply.result, candidates: decodeCandidates(reply.result.candidates, text) }, saveFailed: reply.saveFailed };
    },

    async bm25ForParsed(version, query, params, tokenizer, call = {}) {
      const reply = await send((id) => ({ type: 'bm25-parsed', id, version, query, params: { k1: params.k1, b: params.b }, tokenizer: { stem: tokenizer.stem, stopwords: tokenizer.stopwords } }), call);
      if (reply.type !== 'bm25-parsed') throw new ComputeError({ message: 'The background worker answered a BM25 request with something else.', cause: `reply type ${reply.type}` });
      return { scores: reply.scores, order: reply.order };
    },

    async readSession(file, call = {}) {
      try {
        const reply = await send((id) => ({ type: 'read-session', id, file }), call);
        if (reply.type !== 'session-read') return { ok: false, error: { message: 'The background worker answered a session file with something else. Nothing here was changed.', cause: `reply type ${reply.type}` } };
        return reply.result.ok ? { ok: true, value: decodeSession(reply.result.value) } : reply.result;
      } catch (error) {
        if (!(error instanceof ComputeError)) throw error;
        return { ok: false, error: { message: error.message, ...(typeof error.cause === 'string' ? { cause: error.cause } : {}) } };
      }
    },

    dispose() {
      if (worker) discard(worker, { message: 'The background worker was stopped. Your current set is unchanged.', cause: 'disposed' });
    },
  };
}

let shared: ComputeClient | undefined;

/** The app-wide compute client, created on first use (its worker starts with the first request). */
export function computeClient(): ComputeClient {
  shared ??= createComputeClient();
  return shared;
}
