// test/constant-reranker: a "reranker" that scores every pair 1.0 whatever it reads, as a text-classification
// pipeline does when it applies softmax over a single logit. The scorer sanity check must call it a no-op.
import { DataType } from './onnxProto.mjs';
import { GraphBuilder } from './graphBuilder.mjs';

export const CONSTANT_LOGIT = 1;
export const CONSTANT_FORMULA = `logit = ${CONSTANT_LOGIT} for every input (softmax over one logit is always 1).`;

export function buildConstantModel() {
  const g = new GraphBuilder();
  for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) g.input(name, DataType.INT64, ['batch', 'sequence']);
  g.output('logits', DataType.FLOAT, ['batch', 1]);
  const axis1 = g.int64s('axis_1', [1], [1]);
  // 0 * (sum of ids) keeps the batch dimension from the input; adding the constant gives [B, 1] of CONSTANT_LOGIT.
  const ids = g.op('Cast', ['input_ids'], { to: DataType.FLOAT });
  const perRow = g.op('ReduceSum', [ids, axis1], { keepdims: 1 });
  const zero = g.op('Mul', [perRow, g.scalar('zero', 0)]);
  const logits = g.op('Add', [zero, g.scalar('constant', CONSTANT_LOGIT)]);
  g.rename(logits, 'logits');
  return g.encode({ name: 'constant_reranker', docString: CONSTANT_FORMULA });
}
