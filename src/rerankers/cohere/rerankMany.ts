import type { Result } from '../../core/types';
import { rerankWithCohere } from './client';
import { cancelledError, seconds } from './messages';
import type { RetryReason } from './retryPolicy';
import { retryNote } from './serverFailures';
import { concurrencyOf, type CohereSettings, isValidConcurrency } from './settings';
import { sleepUnlessAborted } from './transport';
import type { CohereError, RerankOutcome } from './types';

/** One query of a set and the documents to score against it. */
export interface RerankJob {
  query: string;
  documents: string[];
}

export type JobOutcome = Result<RerankOutcome, CohereError>;

export interface RerankManyOptions {
  signal?: AbortSignal;
  /** Called exactly once per job, in the order jobs finish (not their order in `jobs`). */
  onJobDone: (index: number, outcome: JobOutcome) => void;
  /** A live note while a 429 holds the calls to this server; `[]` when the wait is over. */
  onNotes?: (notes: string[]) => void;
  /** Injected in tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

/**
 * Reranks a whole query set through one Cohere-compatible server, `settings.concurrency` jobs at a time.
 * Each job is one `rerankWithCohere` call (chunking, retries, key redaction and messages included), and every
 * HTTP call goes through the server's rate gate, so one 429 pauses them all. After a cancel, every job not yet
 * done is reported as cancelled. Resolves when every job has been reported.
 */
export async function rerankMany(
  jobs: readonly RerankJob[],
  settings: CohereSettings,
  apiKey: string,
  options: RerankManyOptions,
): Promise<void> {
  const { signal, onJobDone } = options;
  // A bad setting still runs: each job then fails with the client's own message, without calling.
  const concurrency = isValidConcurrency(concurrencyOf(settings)) ? concurrencyOf(settings) : 1;
  const sleep = sleepWithNote(settings, options.onNotes);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (job === undefined) continue;
      if (signal?.aborted) {
        onJobDone(index, { ok: false, error: cancelledError() });
        continue;
      }
      const outcome = await rerankWithCohere({
        query: job.query,
        documents: job.documents,
        apiKey,
        settings,
        signal,
        sleep,
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
      });
      onJobDone(index, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}

/**
 * The client's sleep before a retry, telling the user while any job waits; several jobs may wait at once.
 * A 429 holds every call to the server, a 5xx only the call that got it, and the note says which.
 */
function sleepWithNote(settings: CohereSettings, onNotes: ((notes: string[]) => void) | undefined) {
  const server = settings.provider === 'cohere' ? 'Cohere' : `The server at ${settings.baseUrl.trim()}`;
  let waiting = 0;
  return async (ms: number, signal?: AbortSignal, reason?: RetryReason): Promise<void> => {
    waiting++;
    onNotes?.([
      reason === undefined || reason.status === 429
        ? `${server} is limiting calls (429): every call to it waits ${seconds(ms)}, then the run goes on.`
        : retryNote(reason, ms),
    ]);
    try {
      await sleepUnlessAborted(ms, signal);
    } finally {
      waiting--;
      if (waiting === 0) onNotes?.([]);
    }
  };
}
