/**
 * Native-side speed of a test cross-encoder: onnxruntime-node on synthetic pairs of a fixed token length,
 * batched like the app does. The browser side is measured through the app UI; compare the two on the
 * same machine.
 */
import path from 'node:path';
import * as ort from 'onnxruntime-node';

export interface NativeBenchOptions {
  /** Folder with onnx/model.onnx; default test-models/test/minilm-l6-random. */
  modelDir?: string;
  dtype?: 'fp32' | 'q8';
  docs?: number;
  /** Length of each full pair, special tokens included. */
  tokensPerPair?: number;
  batchSize?: number;
  /** onnxruntime-node intra-op threads; default: its own choice. */
  threads?: number;
  /** Timed passes over all docs, after one warm-up pass. */
  passes?: number;
}

export interface NativeBenchResult {
  pairsPerSecond: number;
  msPerPair: number;
  passMs: number[];
  settings: Required<Omit<NativeBenchOptions, 'threads'>> & { threads: number | 'default' };
}

const CLS = 101;
const SEP = 102;
const QUERY_TOKENS = 8;

function batchFeeds(rows: number, tokensPerPair: number, seed: number): Record<string, ort.Tensor> {
  const ids = new BigInt64Array(rows * tokensPerPair);
  const types = new BigInt64Array(rows * tokensPerPair);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < tokensPerPair; t++) {
      const at = r * tokensPerPair + t;
      const isSep = t === QUERY_TOKENS + 1 || t === tokensPerPair - 1;
      ids[at] = BigInt(t === 0 ? CLS : isSep ? SEP : 1000 + ((seed + r * 7919 + t * 104729) % 28000));
      types[at] = t > QUERY_TOKENS + 1 ? 1n : 0n;
    }
  }
  const dims = [rows, tokensPerPair];
  return {
    input_ids: new ort.Tensor('int64', ids, dims),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(rows * tokensPerPair).fill(1n), dims),
    token_type_ids: new ort.Tensor('int64', types, dims),
  };
}

export async function benchNativePairsPerSecond(options: NativeBenchOptions = {}): Promise<NativeBenchResult> {
  const settings = {
    modelDir: options.modelDir ?? path.resolve('test-models/test/minilm-l6-random'),
    dtype: options.dtype ?? 'q8',
    docs: options.docs ?? 100,
    tokensPerPair: options.tokensPerPair ?? 200,
    batchSize: options.batchSize ?? 8,
    passes: options.passes ?? 2,
    threads: options.threads ?? ('default' as const),
  };
  const file = settings.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx';
  const session = await ort.InferenceSession.create(path.join(settings.modelDir, 'onnx', file), {
    ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
  });
  const pass = async (): Promise<number> => {
    const started = performance.now();
    for (let start = 0; start < settings.docs; start += settings.batchSize) {
      await session.run(batchFeeds(Math.min(settings.batchSize, settings.docs - start), settings.tokensPerPair, start));
    }
    return performance.now() - started;
  };
  try {
    await pass(); // warm-up: first runs allocate and pick kernels
    const passMs: number[] = [];
    for (let i = 0; i < settings.passes; i++) passMs.push(await pass());
    const best = Math.min(...passMs);
    return { pairsPerSecond: (settings.docs / best) * 1000, msPerPair: best / settings.docs, passMs, settings };
  } finally {
    await session.release();
  }
}
