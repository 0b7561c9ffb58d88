/** The thin transformers.js part of the dense worker: load a tokenizer and a base model, embed padded batches. */
import { AutoModel, AutoTokenizer, Tensor, type PreTrainedModel, type PreTrainedTokenizer, type ProgressInfo } from '@huggingface/transformers';
import { padBatch } from '../../core/pairEncoding';
import type { ModelDtype } from '../catalog';
import type { Pooling } from '../denseCatalog';
import { UnsupportedModelError } from '../local/crossEncoder';
import { deriveSingleTemplate, encodeSingle, type SingleTemplate, type TextEncoding } from './encoding';
import { poolBatch } from './pooling';
import type { LibraryProgressEvent, LocalDevice } from './protocol';

export interface BiEncoder {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  template: SingleTemplate;
  padId: number;
}

export async function loadBiEncoder(modelId: string, device: LocalDevice, dtype: ModelDtype, onProgress: (event: LibraryProgressEvent) => void): Promise<BiEncoder> {
  const progress_callback = (info: ProgressInfo): void => onProgress({ ...info });
  const tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
  const model = await AutoModel.from_pretrained(modelId, { device, dtype, progress_callback });
  return { tokenizer, model, template: singleTemplateOf(tokenizer), padId: tokenizer.pad_token_id ?? 0 };
}

/** Learns which special tokens the tokenizer puts around one text ([CLS] x [SEP] for BERT, <s> x </s> for XLM-R). */
export function singleTemplateOf(tokenizer: PreTrainedTokenizer): SingleTemplate {
  const bare = tokenizer.encode('a', { add_special_tokens: false });
  const full = tokenizer.encode('a', { add_special_tokens: true });
  return deriveSingleTemplate(full, bare) ?? { prefix: [], suffix: [] };
}

export function encodeTexts(encoder: Pick<BiEncoder, 'tokenizer' | 'template'>, texts: readonly string[], maxLength: number): TextEncoding[] {
  return texts.map((text) => encodeSingle(encoder.tokenizer.encode(text, { add_special_tokens: false }), encoder.template, maxLength));
}

/** Runs one batch through the model and pools each row; every vector has its own buffer (so it can be transferred). */
export async function embedBatch(encoder: BiEncoder, rows: readonly TextEncoding[], pooling: Pooling, normalize: boolean): Promise<Float32Array[]> {
  const batch = padBatch(
    rows.map((row) => ({ ...row, tokenTypeIds: row.inputIds.map(() => 0), queryTruncated: false })),
    encoder.padId,
  );
  // token_type_ids are left out: transformers.js fills zeros for the models that take them.
  const output = (await encoder.model({
    input_ids: new Tensor('int64', batch.inputIds, batch.dims),
    attention_mask: new Tensor('int64', batch.attentionMask, batch.dims),
  })) as Record<string, Tensor | undefined>;
  // The names transformers.js' feature-extraction pipeline looks for, in its order.
  const found = output.last_hidden_state ?? output.logits ?? output.token_embeddings;
  if (!found || found.dims.length !== 3) {
    throw new UnsupportedModelError(
      `This model gives no token vectors (outputs: ${Object.keys(output).join(', ')}), so it cannot be pooled into embeddings. Choose a bi-encoder (a sentence-transformers or BERT-style base model).`,
    );
  }
  const hidden = found.type === 'float32' ? found : found.to('float32');
  const [b = 0, s = 0, h = 0] = hidden.dims;
  return poolBatch({ data: hidden.data as Float32Array, dims: [b, s, h], attentionMask: batch.attentionMask }, pooling, normalize);
}
