/**
 * Bench worker: a bare onnxruntime-web session, no transformers.js. Same runtime as the app (the
 * onnxruntime-web/webgpu bundle and the asyncify wasm the app serves under /ort/), same thread count as the app's
 * worker: the floor the app's worker is measured against. Tensors arrive ready, so nothing but the runs is timed.
 */
import * as ort from 'onnxruntime-web/webgpu';
import type { FeedSet, RawOrtReply, RawOrtRequest } from './protocol';

interface WorkerScope {
  crossOriginIsolated: boolean;
  postMessage(message: RawOrtReply): void;
  onmessage: ((event: MessageEvent<RawOrtRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const sessions: ort.InferenceSession[] = [];

const tensors = (feeds: FeedSet): Record<string, ort.Tensor> =>
  Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, t.dims)]));

async function handle(request: RawOrtRequest): Promise<RawOrtReply> {
  switch (request.type) {
    case 'init':
      ort.env.wasm.numThreads = request.numThreads; // read when the first session starts the runtime
      ort.env.wasm.wasmPaths = request.files;
      return { type: 'ready', id: request.id, numThreads: request.numThreads, crossOriginIsolated: scope.crossOriginIsolated };
    case 'create': {
      const options: ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'] };
      const session = typeof request.model === 'string' ? await ort.InferenceSession.create(request.model, options) : await ort.InferenceSession.create(request.model, options);
      sessions.push(session);
      return { type: 'created', id: request.id, session: sessions.length - 1 };
    }
    case 'run': {
      const session = sessions[request.session];
      if (!session) throw new Error(`no session ${request.session}`);
      const feedSets = request.feedSets.map(tensors);
      const ms: number[] = [];
      for (let i = 0; i < request.repeat; i++) {
        const started = performance.now();
        for (const feeds of feedSets) await session.run(feeds);
        ms.push(performance.now() - started);
      }
      return { type: 'ran', id: request.id, ms };
    }
  }
}

scope.onmessage = (event) => {
  handle(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ type: 'error', id: event.data.id, message: error instanceof Error ? error.message : String(error) }),
  );
};
