// test/bi-encoder: a BERT-style base model with no weights whose token vectors, and so its pooled embeddings and
// their cosines, a test can work out by hand.
import { DataType } from './onnxProto.mjs';
import { GraphBuilder } from './graphBuilder.mjs';
import { bertConfig } from './modelFiles.mjs';

/** Ids up to 103 are BERT's [PAD] 0, [unused*], [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103. */
export const LAST_SPECIAL_ID = 103;
export const BUCKETS = 7;
/** Dimension 0 marks padding; dimensions 1..7 are the buckets. */
export const HIDDEN_SIZE = BUCKETS + 1;

export const BI_ENCODER_FORMULA =
  `last_hidden_state is [batch, sequence, ${HIDDEN_SIZE}]. A content token (id > ${LAST_SPECIAL_ID}) falls in bucket 1 + (id mod ${BUCKETS}) ` +
  `and its vector is the one-hot of that bucket; a special token ([CLS], [SEP], [UNK], [MASK]) is all zeros; a position with ` +
  'attention_mask = 0 (padding) is the one-hot of dimension 0, which a correct pooling never sees. Position 0 (where [CLS] sits) ' +
  "instead holds the row's presence vector: 1 in each bucket that at least one attended content token falls in. " +
  'So CLS pooling gives presence; mean pooling gives (presence + counts) / L, where counts[k] is the number of content tokens ' +
  'in bucket k and L the number of attended tokens ([CLS] and [SEP] included); normalized, that is (presence + counts) / |presence + counts|. ' +
  'Example (bert-base-uncased ids: dog 3899 -> bucket 1, cat 4937 -> 3, moon 4231 -> 4): "cat cat dog" mean-normalized is ' +
  '(2 e1 + 3 e3) / sqrt(13), "cat dog" is (e1 + e3) / sqrt(2), cosine 5 / sqrt(26) = 0.98058; with CLS pooling both are (e1 + e3) / sqrt(2), cosine 1.';

/** Builds the graph; inputs input_ids and attention_mask (no token_type_ids), output last_hidden_state. */
export function buildBiEncoderModel() {
  const g = new GraphBuilder();
  for (const name of ['input_ids', 'attention_mask']) g.input(name, DataType.INT64, ['batch', 'sequence']);
  g.output('last_hidden_state', DataType.FLOAT, ['batch', 'sequence', HIDDEN_SIZE]);

  const buckets = g.int64s('bucket_count', [], [BUCKETS]);
  const oneInt = g.int64s('one_int', [], [1]);
  const lastSpecial = g.int64s('last_special_id', [], [LAST_SPECIAL_ID]);
  const dimensions = g.int64s('dimensions', [HIDDEN_SIZE], Array.from({ length: HIDDEN_SIZE }, (_, i) => i));
  const paddingMark = g.floats('padding_mark', [HIDDEN_SIZE], Array.from({ length: HIDDEN_SIZE }, (_, i) => (i === 0 ? 1 : 0)));
  const one = g.scalar('one', 1);
  const zero = g.scalar('zero', 0);
  const axis1 = g.int64s('axis_1', [1], [1]);
  const axis2 = g.int64s('axis_2', [1], [2]);
  const sliceFrom = g.int64s('slice_from', [1], [1]);
  const sliceTo = g.int64s('slice_to', [1], [Number.MAX_SAFE_INTEGER]);

  const bucket = g.op('Add', [g.op('Mod', ['input_ids', buckets], { fmod: 0 }), oneInt]); // [B, S], 1..7
  const oneHot = g.op('Cast', [g.op('Equal', [g.op('Unsqueeze', [bucket, axis2]), dimensions])], { to: DataType.FLOAT }); // [B, S, H]
  const isContent = g.op('Cast', [g.op('Greater', ['input_ids', lastSpecial])], { to: DataType.FLOAT });
  const attended = g.op('Cast', ['attention_mask'], { to: DataType.FLOAT });
  const keptContent = g.op('Unsqueeze', [g.op('Mul', [isContent, attended]), axis2]); // [B, S, 1]
  const tokenVectors = g.op('Mul', [oneHot, keptContent]);
  const padding = g.op('Mul', [g.op('Unsqueeze', [g.op('Sub', [one, attended]), axis2]), paddingMark]);
  const perPosition = g.op('Add', [tokenVectors, padding]); // [B, S, H]

  const counts = g.op('ReduceSum', [tokenVectors, axis1], { keepdims: 1 }); // [B, 1, H]
  const presence = g.op('Cast', [g.op('Greater', [counts, zero])], { to: DataType.FLOAT });
  const rest = g.op('Slice', [perPosition, sliceFrom, sliceTo, axis1]); // positions 1..S-1
  g.rename(g.op('Concat', [presence, rest], { axis: 1 }), 'last_hidden_state');
  return g.encode({ name: 'bi_encoder', docString: BI_ENCODER_FORMULA });
}

/** The same formula in plain JS, for one row: the expected last_hidden_state, [sequence][HIDDEN_SIZE]. */
export function biEncoderTokenVectors(inputIds, attentionMask) {
  const vectors = inputIds.map((id, i) => {
    const v = new Array(HIDDEN_SIZE).fill(0);
    if (attentionMask[i] !== 1) v[0] = 1;
    else if (id > LAST_SPECIAL_ID) v[1 + (id % BUCKETS)] = 1;
    return v;
  });
  const presence = new Array(HIDDEN_SIZE).fill(0);
  vectors.forEach((v, i) => {
    if (attentionMask[i] === 1) for (let k = 1; k < HIDDEN_SIZE; k++) if (v[k] === 1) presence[k] = 1;
  });
  vectors[0] = presence;
  return vectors;
}

const Q8_NOTE = 'onnx/model_quantized.onnx is the same graph as onnx/model.onnx: there are no weights to quantize.';

/** config.json and the ONNX files (the caller adds the tokenizer), for scripts/make-test-models.mjs. */
export function biEncoderModelFiles() {
  const config = bertConfig({
    architectures: ['BertModel'],
    hidden_size: HIDDEN_SIZE,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: HIDDEN_SIZE,
    test_model: { formula: BI_ENCODER_FORMULA, q8: Q8_NOTE },
  });
  const graph = buildBiEncoderModel();
  return { 'config.json': JSON.stringify(config, null, 2), 'onnx/model.onnx': graph, 'onnx/model_quantized.onnx': graph };
}
