/**
 * How many WASM threads the local reranker asks onnxruntime-web for.
 *
 * - Without cross-origin isolation there is no SharedArrayBuffer, so onnxruntime-web runs on one thread anyway.
 * - Never more threads than cores: on 2 cores, 4 threads ran at 0.56x the speed of 2 (the threads take turns
 *   on the cores and wait on each other at every operator).
 * - At most 4, onnxruntime-web's own upper bound: a MiniLM-sized batch has too little work for more.
 *
 * onnxruntime-web's default is min(4, ceil(cores / 2)), which is 1 thread on a 2-core machine.
 */
export const MAX_WASM_THREADS = 4;

export interface ThreadEnvironment {
  /** navigator.hardwareConcurrency: logical cores; undefined or 0 where the browser hides it. */
  cores: number | undefined;
  crossOriginIsolated: boolean;
}

export function wasmThreads({ cores, crossOriginIsolated }: ThreadEnvironment): number {
  if (!crossOriginIsolated) return 1;
  const known = cores !== undefined && Number.isInteger(cores) && cores > 0 ? cores : 1;
  return Math.min(MAX_WASM_THREADS, known);
}
