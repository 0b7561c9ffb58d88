/**
 * One trip to the worker: load the model when it is not loaded yet, then embed the texts, batch by batch.
 * A cancel during the load drops the worker (onnxruntime cannot stop half-way); during the run it tells the
 * worker, which stops before its next batch, and the call answers `cancelled` at once.
 */
import type { Result } from '../../core/types';
import type { ModelDtype } from '../catalog';
import { cancelledError, type DenseEmbedError, type DenseEmbedderEvent, type DenseLoadInfo } from './embedTypes';
import type { EmbedRequestOptions, LocalDevice } from './protocol';
import type { DenseWorkerConnection } from './workerConnection';

export interface EmbedRunRequest {
  connection: DenseWorkerConnection;
  model: string;
  device: LocalDevice;
  dtype: ModelDtype;
  /** Set when this model is already loaded in the worker: no load request is sent. */
  loadedInfo: DenseLoadInfo | undefined;
  texts: string[];
  options: EmbedRequestOptions;
  signal: AbortSignal | undefined;
  /** Each batch as it arrives: indices into `texts`. */
  onPartial: (indices: number[], vectors: Float32Array[], truncated: boolean[]) => void;
  onEvent: (event: DenseEmbedderEvent) => void;
  onLoaded: (info: DenseLoadInfo) => void;
  /** The worker failed or was stopped mid-load: the caller drops it. */
  onFailure: (cause: string) => void;
}

export interface EmbedRun {
  info: DenseLoadInfo;
  inferenceMs: number;
}

type Settle<T> = (result: Result<T, DenseEmbedError>) => void;

export async function runEmbedRequest(request: EmbedRunRequest): Promise<Result<EmbedRun, DenseEmbedError>> {
  const loaded = request.loadedInfo ? { ok: true as const, value: request.loadedInfo } : await load(request);
  if (!loaded.ok) return loaded;
  return embed(request, loaded.value);
}

/** Sends one request and settles once: on its reply, a crash, or the caller's abort. */
function exchange<T>(
  request: EmbedRunRequest,
  send: (connection: DenseWorkerConnection, onReply: Parameters<DenseWorkerConnection['send']>[1]) => number,
  handle: (reply: Parameters<Parameters<DenseWorkerConnection['send']>[1]>[0], settle: Settle<T>) => void,
  onAbort: (id: number) => void,
): Promise<Result<T, DenseEmbedError>> {
  const { connection, signal } = request;
  if (signal?.aborted) return Promise.resolve({ ok: false, error: cancelledError() });
  return new Promise((resolve) => {
    let settled = false;
    let id = 0;
    const settle: Settle<T> = (result) => {
      if (settled) return;
      settled = true;
      connection.forget(id);
      signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    const abort = (): void => {
      settle({ ok: false, error: cancelledError() });
      onAbort(id);
    };
    signal?.addEventListener('abort', abort, { once: true });
    id = send(connection, (reply) => {
      if (reply.type === 'error' || reply.type === 'crash') {
        settle({ ok: false, error: { kind: reply.type === 'crash' ? 'worker-crashed' : reply.kind, message: reply.message, cause: reply.cause } });
        request.onFailure(reply.cause);
      } else handle(reply, settle);
    });
  });
}

function load(request: EmbedRunRequest): Promise<Result<DenseLoadInfo, DenseEmbedError>> {
  const { model, device, dtype } = request;
  return exchange<DenseLoadInfo>(
    request,
    (connection, onReply) => connection.send((id) => ({ type: 'load', id, model, device, dtype }), onReply),
    (reply, settle) => {
      if (reply.type === 'progress') request.onEvent({ type: 'progress', event: reply.event });
      else if (reply.type === 'loaded') {
        const info: DenseLoadInfo = { device: reply.device, dtype: reply.dtype, loadMs: reply.loadMs, runtime: reply.runtime };
        request.onLoaded(info);
        request.onEvent({ type: 'loaded', info });
        settle({ ok: true, value: info });
      }
    },
    () => request.onFailure('load cancelled'),
  );
}

function embed(request: EmbedRunRequest, info: DenseLoadInfo): Promise<Result<EmbedRun, DenseEmbedError>> {
  const { texts, options } = request;
  return exchange<EmbedRun>(
    request,
    (connection, onReply) => connection.send((id) => ({ type: 'embed', id, texts, options }), onReply),
    (reply, settle) => {
      if (reply.type === 'partial') request.onPartial(reply.indices, reply.vectors, reply.truncated);
      else if (reply.type === 'done') settle(reply.cancelled ? { ok: false, error: cancelledError() } : { ok: true, value: { info, inferenceMs: reply.inferenceMs } });
    },
    (id) => request.connection.notify({ type: 'cancel', id }),
  );
}
