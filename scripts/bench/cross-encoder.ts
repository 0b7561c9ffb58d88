/**
 * Node side of the cross-encoder benchmark: onnxruntime-node on the very inputs the app's worker builds
 * (the same tokenizer, pair encoding, length-sorted batches and padding), so the browser/native ratio
 * compares runtimes, not inputs. With runtime 'wasm' it runs onnxruntime-web's WASM build in Node instead,
 * which splits the gap into WASM kernels versus everything the browser adds.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { planBatches } from '../../src/core/batching';
import { padBatch, type PaddedBatch } from '../../src/core/pairEncoding';
import { encodePairs, pairTemplateOf } from '../../src/rerankers/local/crossEncoder';

export interface NativeRun {
  /** Tokenize, encode, pad and run every batch: what the worker's inference time covers. */
  totalMs: number;
  tokenizeMs: number;
  /** CPU time of this process over the run: about threads x totalMs when nothing else competes. */
  cpuMs: number;
}

export interface NativeOptions {
  modelsRoot: string;
  modelId: string;
  dtype: 'fp32' | 'q8';
  /** Threads, to match the browser's WASM thread count. */
  threads: number;
  /** 'node': onnxruntime-node (native kernels); 'wasm': onnxruntime-web in Node (once per process: its thread count sticks). */
  runtime?: 'node' | 'wasm';
}

/** The part of onnxruntime's API used here; onnxruntime-node and onnxruntime-web both have it. */
interface Session {
  run(feeds: Record<string, object>): Promise<unknown>;
  release(): Promise<void>;
}
interface OrtModule {
  Tensor: new (type: 'int64', data: BigInt64Array, dims: readonly number[]) => object;
  InferenceSession: { create(path: string, options: { intraOpNumThreads?: number; interOpNumThreads?: number }): Promise<Session> };
}

async function openSession(runtime: 'node' | 'wasm', file: string, threads: number): Promise<{ ort: OrtModule; session: Session }> {
  if (runtime === 'node') {
    const ort: OrtModule = await import('onnxruntime-node');
    return { ort, session: await ort.InferenceSession.create(file, { intraOpNumThreads: threads, interOpNumThreads: 1 }) };
  }
  const web = await import('onnxruntime-web');
  web.env.wasm.numThreads = threads; // read when the first session starts the runtime
  const ort: OrtModule = web;
  return { ort, session: await ort.InferenceSession.create(file, {}) };
}

export interface PairInputs {
  query: string;
  docs: readonly string[];
  maxLength: number;
  batchSize: number;
}

function feeds(ort: OrtModule, batch: PaddedBatch): Record<string, object> {
  return {
    input_ids: new ort.Tensor('int64', batch.inputIds, batch.dims),
    attention_mask: new ort.Tensor('int64', batch.attentionMask, batch.dims),
    token_type_ids: new ort.Tensor('int64', batch.tokenTypeIds, batch.dims),
  };
}

export class NativeCrossEncoder {
  /** Pair tokens and padded tokens of the last run, to show how much padding costs. */
  tokens = 0;
  paddedTokens = 0;

  private constructor(
    private readonly encoder: Parameters<typeof encodePairs>[0] & { padId: number },
    private readonly ort: OrtModule,
    private readonly session: Session,
  ) {}

  static async open(options: NativeOptions): Promise<NativeCrossEncoder> {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = path.resolve(options.modelsRoot) + path.sep;
    const tokenizer = await AutoTokenizer.from_pretrained(options.modelId);
    const file = options.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx';
    const { ort, session } = await openSession(options.runtime ?? 'node', path.join(options.modelsRoot, options.modelId, 'onnx', file), options.threads);
    return new NativeCrossEncoder({ tokenizer, template: pairTemplateOf(tokenizer), padId: tokenizer.pad_token_id ?? 0 }, ort, session);
  }

  /** The padded batches the app's worker would build for these inputs (length-sorted, like planBatches). */
  batches(inputs: PairInputs): PaddedBatch[] {
    const encodings = encodePairs(this.encoder, inputs.query, inputs.docs, inputs.maxLength);
    return planBatches(encodings.map((e) => e.inputIds.length), inputs.batchSize).map((batch) =>
      padBatch(batch.indices.map((i) => encodings[i]).filter((e) => e !== undefined), this.encoder.padId),
    );
  }

  async run(inputs: PairInputs): Promise<NativeRun> {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const encodings = encodePairs(this.encoder, inputs.query, inputs.docs, inputs.maxLength);
    const tokenizeMs = performance.now() - started;
    this.tokens = encodings.reduce((sum, e) => sum + e.inputIds.length, 0);
    this.paddedTokens = 0;
    for (const batch of planBatches(encodings.map((e) => e.inputIds.length), inputs.batchSize)) {
      const rows = batch.indices.map((i) => encodings[i]).filter((e) => e !== undefined);
      const padded = padBatch(rows, this.encoder.padId);
      this.paddedTokens += padded.dims[0] * padded.dims[1];
      await this.session.run(feeds(this.ort, padded));
    }
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStart);
    return { totalMs, tokenizeMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  }

  close(): Promise<void> {
    return this.session.release();
  }
}
