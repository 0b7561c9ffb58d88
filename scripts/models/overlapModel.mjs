// test/overlap-reranker: a cross-encoder with no weights whose logit a test can work out by hand.
import { DataType } from './onnxProto.mjs';
import { GraphBuilder } from './graphBuilder.mjs';

/** Ids up to 103 are BERT's [PAD] 0, [unused*], [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103: never "content". */
export const LAST_SPECIAL_ID = 103;
export const LENGTH_PENALTY = 0.001;

export const OVERLAP_FORMULA =
  'logit = (number of query token positions whose id also occurs among the document tokens) ' +
  `- ${LENGTH_PENALTY} * (number of document tokens). Query tokens: attention_mask = 1, token_type_ids = 0, id > ${LAST_SPECIAL_ID}. ` +
  `Document tokens: attention_mask = 1, token_type_ids = 1, id > ${LAST_SPECIAL_ID}. ` +
  'Special tokens ([CLS], [SEP], [PAD], [UNK], [MASK]) never count. A query token repeated twice counts twice. ' +
  'With two labels the logits are [logit, -logit].';

/**
 * Builds the graph. All arithmetic is on small integers in float32, so the result is exact up to the
 * rounding of LENGTH_PENALTY * length.
 * @param {{ labels: 1 | 2 }} options
 */
export function buildOverlapModel({ labels }) {
  const g = new GraphBuilder();
  for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) g.input(name, DataType.INT64, ['batch', 'sequence']);
  g.output('logits', DataType.FLOAT, ['batch', labels]);

  const one = g.scalar('one', 1);
  const lastSpecial = g.int64s('last_special_id', [], [LAST_SPECIAL_ID]);
  const penalty = g.scalar('length_penalty', LENGTH_PENALTY);
  const axis1 = g.int64s('axis_1', [1], [1]);
  const axis2 = g.int64s('axis_2', [1], [2]);

  const isContent = g.op('Cast', [g.op('Greater', ['input_ids', lastSpecial])], { to: DataType.FLOAT });
  const attended = g.op('Cast', ['attention_mask'], { to: DataType.FLOAT });
  const inDocument = g.op('Cast', ['token_type_ids'], { to: DataType.FLOAT });
  const inQuery = g.op('Sub', [one, inDocument]);
  const contentAttended = g.op('Mul', [isContent, attended]);
  const queryMask = g.op('Mul', [contentAttended, inQuery]); // [B, S]
  const docMask = g.op('Mul', [contentAttended, inDocument]); // [B, S]

  // same[b, i, j] = 1 when token i and token j have the same id.
  const idsAsRows = g.op('Unsqueeze', ['input_ids', axis2]); // [B, S, 1]
  const idsAsColumns = g.op('Unsqueeze', ['input_ids', axis1]); // [B, 1, S]
  const same = g.op('Cast', [g.op('Equal', [idsAsRows, idsAsColumns])], { to: DataType.FLOAT });
  const sameAsDocToken = g.op('Mul', [same, g.op('Unsqueeze', [docMask, axis1])]);
  const foundInDoc = g.op('ReduceMax', [sameAsDocToken], { axes: [2], keepdims: 0 }); // [B, S]
  const matched = g.op('ReduceSum', [g.op('Mul', [foundInDoc, queryMask]), axis1], { keepdims: 1 }); // [B, 1]
  const docLength = g.op('ReduceSum', [docMask, axis1], { keepdims: 1 }); // [B, 1]
  const logit = g.op('Sub', [matched, g.op('Mul', [docLength, penalty])]);
  const logits = labels === 1 ? logit : g.op('Concat', [logit, g.op('Neg', [logit])], { axis: 1 });
  g.rename(logits, 'logits');
  return g.encode({ name: 'overlap_reranker', docString: OVERLAP_FORMULA });
}

/** The same formula in plain JS, for checking the graph and for tests that want expected logits. */
export function overlapLogit(inputIds, attentionMask, tokenTypeIds) {
  const docIds = new Set();
  let docLength = 0;
  for (let i = 0; i < inputIds.length; i++) {
    if (attentionMask[i] === 1 && tokenTypeIds[i] === 1 && inputIds[i] > LAST_SPECIAL_ID) {
      docIds.add(inputIds[i]);
      docLength += 1;
    }
  }
  let matched = 0;
  for (let i = 0; i < inputIds.length; i++) {
    if (attentionMask[i] === 1 && tokenTypeIds[i] === 0 && inputIds[i] > LAST_SPECIAL_ID && docIds.has(inputIds[i])) matched += 1;
  }
  return matched - LENGTH_PENALTY * docLength;
}
