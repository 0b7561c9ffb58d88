/**
 * Reference logits for the browser-vs-native parity test: the same test model run by onnxruntime-node,
 * with the pairs built here by a plain loop rather than by the app's pairEncoding, one pair per run (so
 * padding and batching cannot hide a bug either).
 */
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';

export interface ReferenceOptions {
  /** Folder that holds `<modelId>/`; default test-models/ in the repository. */
  modelsRoot?: string;
  dtype?: 'fp32' | 'q8';
}

const BERT_SPECIAL_TOKENS_IN_A_PAIR = 3; // [CLS] q [SEP] d [SEP]

/**
 * Raw logits for (query, doc) pairs on a BERT-vocabulary test model, truncating only the document so
 * that `[CLS] q [SEP] d [SEP]` fits in maxLength. Throws for a query longer than half the token budget:
 * the app then cuts the query too, and this reference does not model that rule.
 */
export async function referenceLogits(
  modelId: string,
  query: string,
  docs: readonly string[],
  maxLength: number,
  options: ReferenceOptions = {},
): Promise<number[]> {
  const modelsRoot = path.resolve(options.modelsRoot ?? 'test-models');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsRoot + path.sep;
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const clsId = tokenizer.convert_tokens_to_ids('[CLS]');
  const sepId = tokenizer.sep_token_id;
  const file = options.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx';
  const session = await ort.InferenceSession.create(path.join(modelsRoot, modelId, 'onnx', file));
  const queryIds = tokenizer.encode(query, { add_special_tokens: false });
  const budget = maxLength - BERT_SPECIAL_TOKENS_IN_A_PAIR;
  if (queryIds.length > Math.floor(budget / 2)) throw new Error('referenceLogits: query longer than half the token budget');
  const logits: number[] = [];
  try {
    for (const doc of docs) {
      const docIds = tokenizer.encode(doc, { add_special_tokens: false }).slice(0, budget - queryIds.length);
      const ids = [clsId, ...queryIds, sepId, ...docIds, sepId];
      const types = ids.map((_, i) => (i < queryIds.length + 2 ? 0 : 1));
      const tensor = (values: number[]): ort.Tensor => new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
      const output = await session.run({ input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)), token_type_ids: tensor(types) });
      const value = output.logits?.data[0];
      if (typeof value !== 'number') throw new Error('referenceLogits: no float logit in the output');
      logits.push(value);
    }
  } finally {
    await session.release();
  }
  return logits;
}
