/**
 * The compute worker's request handling, free of any worker global so that Node tests can drive it:
 * `handle(request)` runs an import or a BM25 job and posts its replies; a `cancel` marks a running request,
 * which stops at its next check (between files, between queries). Every failure becomes one error reply
 * with a message for a person; nothing is thrown out of `handle`.
 */
import { bm25OverTexts, type Bm25Parameters } from '../core/retrieval/bm25';
import type { TokenizerOptions } from '../core/retrieval/tokenize';
import type { ImportOptions, ImportResult, SetFile } from '../core/sets/types';
import { checkSessionFileSize, readSessionFile } from '../core/share/sessionFile';
import { encodeCandidates, wireTransfer } from './candidatesWire';
import { encodeSession, sessionTransfer } from './sessionWire';
import { createParsedDocuments } from './parsedDocuments';
import {
  CANCELLED_MESSAGE,
  type Bm25ParsedRequest,
  type Bm25Request,
  type ParseRequest,
  type ReadSessionRequest,
  type ComputeErrorInfo,
  type ComputeFile,
  type ComputeReply,
  type ComputeRequest,
  type ImportRequest,
} from './protocol';

export type ImportQuerySet = (files: SetFile[], options?: ImportOptions) => ImportResult;
export type PostReply = (reply: ComputeReply, transfer?: Transferable[]) => void;

export interface ComputeHandlerOptions {
  post: PostReply;
  /** The importer (core/sets/import); injected so that tests can stand in for it. */
  importQuerySet: ImportQuerySet;
  /** Lets queued messages (a cancel) in. The worker uses a macrotask; tests script it. */
  yieldToMessages?: () => Promise<void>;
  /** How long a BM25 job computes before it yields (and reports progress). Yielding costs a few ms. */
  yieldEveryMs?: number;
  now?: () => number;
  /** Keeps a large paste for the next visit; resolves with a message for the user when storage refused. */
  savePaste?: (text: string) => Promise<string | undefined>;
}

export interface ComputeHandlers {
  /** Handles one request to the end; resolves once its last reply is posted. Never rejects. */
  handle(request: ComputeRequest): Promise<void>;
}

/** BM25 of one query over its own candidates: the same function as the main thread's, so the two agree. */
export function bm25ForCandidates(query: string, texts: readonly string[], params: Readonly<Bm25Parameters>, tokenizer: Readonly<TokenizerOptions>): Float64Array {
  return bm25OverTexts(texts, query, params, tokenizer);
}

/** A failure whose message is already written for a person. */
class RequestFailure extends Error {
  constructor(message: string, readonly detail: string) {
    super(message);
  }
}

class Cancelled extends Error {}

const UNCHANGED = 'Your current set is unchanged.';

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function causeOf(error: unknown): string {
  if (error instanceof Error) return error.stack ?? describe(error);
  return String(error);
}

function isSetFile(file: ComputeFile): file is SetFile {
  return typeof file.text === 'string';
}

function checkBm25Request(request: Bm25Request): string | null {
  const { k1, b } = request.params;
  if (!Number.isFinite(k1) || k1 < 0) return `BM25's k1 must be a number of at least 0, not ${k1}.`;
  if (!Number.isFinite(b) || b < 0 || b > 1) return `BM25's b must be a number from 0 to 1, not ${b}.`;
  const seen = new Set<string>();
  for (const { queryId } of request.queries) {
    if (seen.has(queryId)) return `Query id “${queryId}” appears twice in one BM25 request; each query needs its own id.`;
    seen.add(queryId);
  }
  return null;
}

/** The ArrayBuffers to transfer (a SharedArrayBuffer cannot be, and needs no copy). */
function transferables(arrays: readonly Float64Array[]): Transferable[] {
  return arrays.map((array) => array.buffer).filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

export function createComputeHandlers(options: ComputeHandlerOptions): ComputeHandlers {
  const { post, importQuerySet } = options;
  const yieldToMessages = options.yieldToMessages ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const yieldEveryMs = options.yieldEveryMs ?? 50;
  const now = options.now ?? (() => performance.now());
  const running = new Set<number>();
  const cancelled = new Set<number>();
  const parsed = createParsedDocuments();

  const throwIfCancelled = (id: number): void => {
    if (cancelled.has(id)) throw new Cancelled();
  };

  async function readFile(file: ComputeFile): Promise<SetFile> {
    if (isSetFile(file)) return { name: file.name, text: file.text };
    try {
      return { name: file.name, text: await file.text() };
    } catch (error) {
      throw new RequestFailure(
        `Reading the files failed: “${file.name}” could not be read (${describe(error)}). ${UNCHANGED} Check that the file still exists and is readable, then import it again.`,
        causeOf(error),
      );
    }
  }

  async function runImport(request: ImportRequest): Promise<void> {
    const { id, files } = request;
    const setFiles: SetFile[] = [];
    post({ type: 'progress', id, stage: 'reading', done: 0, total: files.length });
    for (const file of files) {
      throwIfCancelled(id);
      setFiles.push(await readFile(file));
      post({ type: 'progress', id, stage: 'reading', done: setFiles.length, total: files.length });
    }
    throwIfCancelled(id);
    post({ type: 'progress', id, stage: 'parsing', done: 0, total: 1 });
    let result: ImportResult;
    try {
      result = importQuerySet(setFiles, request.options);
    } catch (error) {
      throw new RequestFailure(`Importing the set failed unexpectedly (${describe(error)}). ${UNCHANGED} The details are in the cause; please report them.`, causeOf(error));
    }
    throwIfCancelled(id);
    post({ type: 'imported', id, result });
  }

  async function runBm25(request: Bm25Request): Promise<void> {
    const { id, queries, params, tokenizer } = request;
    const problem = checkBm25Request(request);
    if (problem) throw new RequestFailure(problem, JSON.stringify(params));
    const scores: { queryId: string; scores: Float64Array }[] = [];
    post({ type: 'progress', id, stage: 'retrieving', done: 0, total: queries.length });
    let lastYield = now();
    for (const { queryId, query, texts } of queries) {
      throwIfCancelled(id);
      try {
        scores.push({ queryId, scores: bm25ForCandidates(query, texts, params, tokenizer) });
      } catch (error) {
        throw new RequestFailure(`BM25 failed for query “${queryId}” (${describe(error)}). The details are in the cause; please report them.`, causeOf(error));
      }
      if (now() - lastYield >= yieldEveryMs) {
        post({ type: 'progress', id, stage: 'retrieving', done: scores.length, total: queries.length });
        await yieldToMessages();
        lastYield = now();
      }
    }
    throwIfCancelled(id);
    post({ type: 'bm25', id, scores }, transferables(scores.map((entry) => entry.scores)));
  }

  async function runParse(request: ParseRequest): Promise<void> {
    let result;
    try {
      result = parsed.parse(request.version, request.text, request.options);
    } catch (error) {
      throw new RequestFailure(`Reading the documents failed unexpectedly (${describe(error)}). Your text is unchanged; the details are in the cause.`, causeOf(error));
    }
    // Against the request's text, which the page still holds: texts found in it cross as offsets only.
    const candidates = encodeCandidates(result.candidates, request.text);
    const saveFailed = request.save && options.savePaste ? await options.savePaste(request.text) : undefined;
    post({ type: 'parsed', id: request.id, result: { ...result, candidates }, ...(saveFailed ? { saveFailed } : {}) }, wireTransfer(candidates));
  }

  function runBm25Parsed(request: Bm25ParsedRequest): void {
    const ranked = parsed.bm25(request.version, request.query, request.params, request.tokenizer);
    if (!ranked) throw new RequestFailure('These documents were replaced by newer ones before BM25 could run; it runs again on the new ones.', `version ${request.version}`);
    post({ type: 'bm25-parsed', id: request.id, scores: ranked.scores, order: ranked.order }, [ranked.scores.buffer, ranked.order.buffer]);
  }

  /** Refuses a file past the limit before reading it, then reads it exactly as the main thread's reader does. */
  async function runReadSession(request: ReadSessionRequest): Promise<void> {
    const { id, file } = request;
    const tooLarge = checkSessionFileSize(file.name, file.size);
    if (tooLarge) {
      post({ type: 'session-read', id, result: { ok: false, error: tooLarge } });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      throw new RequestFailure(
        `The file "${file.name}" could not be read (${describe(error)}). Check that it still exists and is readable, then choose it again. Nothing here was changed.`,
        causeOf(error),
      );
    }
    const read = readSessionFile(text, file.name);
    if (!read.ok) {
      post({ type: 'session-read', id, result: read });
      return;
    }
    const wire = encodeSession(read.value);
    post({ type: 'session-read', id, result: { ok: true, value: wire } }, sessionTransfer(wire));
  }

  type Job = ImportRequest | Bm25Request | ParseRequest | Bm25ParsedRequest | ReadSessionRequest;

  function failedStep(request: Job, error: unknown): string {
    if (request.type === 'import') return `Importing the set failed (${describe(error)}). ${UNCHANGED}`;
    if (request.type === 'parse') return `Reading the documents failed (${describe(error)}).`;
    if (request.type === 'read-session') return `Opening the file "${request.file.name}" failed (${describe(error)}). Nothing here was changed.`;
    return `Computing BM25 failed (${describe(error)}).`;
  }

  function errorInfo(error: unknown, request: Job): ComputeErrorInfo {
    if (error instanceof Cancelled) return { message: CANCELLED_MESSAGE, cancelled: true };
    if (error instanceof RequestFailure) return { message: error.message, cause: error.detail };
    // Anything else failed outside the steps above, e.g. posting a reply that cannot be cloned.
    return { message: `${failedStep(request, error)} The details are in the cause; please report them.`, cause: causeOf(error) };
  }

  async function run(request: Job): Promise<void> {
    running.add(request.id);
    try {
      if (request.type === 'import') await runImport(request);
      else if (request.type === 'bm25') await runBm25(request);
      else if (request.type === 'parse') await runParse(request);
      else if (request.type === 'read-session') await runReadSession(request);
      else runBm25Parsed(request);
    } catch (error) {
      post({ type: 'error', id: request.id, error: errorInfo(error, request) });
    } finally {
      running.delete(request.id);
      cancelled.delete(request.id);
    }
  }

  return {
    async handle(request) {
      switch (request.type) {
        case 'cancel':
          // Only a running request can be cancelled, so a late cancel leaves nothing behind.
          if (running.has(request.id)) cancelled.add(request.id);
          return;
        case 'import':
        case 'bm25':
        case 'parse':
        case 'bm25-parsed':
        case 'read-session':
          return run(request);
        default: {
          const unknown = request as { type?: unknown; id?: unknown };
          if (typeof unknown.id === 'number') {
            post({ type: 'error', id: unknown.id, error: { message: 'The compute worker got a request it does not know.', cause: `type ${String(unknown.type)}` } });
          }
        }
      }
    },
  };
}
