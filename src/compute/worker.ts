/// <reference lib="webworker" />
/**
 * The compute worker: query-set import and per-query BM25, off the main thread. Thin on purpose: all the
 * handling is in handlers.ts, where tests reach it. Requests run concurrently and yield between steps, so
 * a `cancel` can get in while a long job runs.
 */
import { importQuerySet } from '../core/sets/import';
import { createComputeHandlers } from './handlers';
import { savePasteText } from './pasteStore';
import type { ComputeRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const handlers = createComputeHandlers({
  post: (reply, transfer = []) => scope.postMessage(reply, transfer),
  importQuerySet,
  savePaste: savePasteText,
});

scope.onmessage = (event: MessageEvent<ComputeRequest>) => {
  void handlers.handle(event.data);
};
