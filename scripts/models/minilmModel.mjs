// test/minilm-l6-random: a BERT cross-encoder of ms-marco-MiniLM-L-6-v2's shape with seeded random
// weights. Standard ONNX ops only (opset 17), so it runs on onnxruntime-node, WASM and WebGPU alike.
import { DataType } from './onnxProto.mjs';
import { GraphBuilder } from './graphBuilder.mjs';
import { dynamicInt8Layers, float32Layers } from './weightLayers.mjs';

export const MINILM_SHAPE = {
  layers: 6,
  hidden: 384,
  heads: 12,
  intermediate: 1536,
  vocab: 30522,
  maxPositions: 512,
  typeVocab: 2,
  layerNormEps: 1e-12,
  weightStd: 0.02,
  classifierStd: 0.5, // larger than the rest, so that logits differ visibly between documents
  seed: 20240611,
};

/** mulberry32: a small deterministic PRNG, so the weights are the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalSampler(seed) {
  const uniform = prng(seed);
  return (count, std) => {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - uniform()));
      const theta = 2 * Math.PI * uniform();
      out[i] = r * Math.cos(theta) * std;
      if (i + 1 < count) out[i + 1] = r * Math.sin(theta) * std;
    }
    return out;
  };
}

/**
 * @param {{ quantization: 'none' | 'dynamic' }} options `dynamic`: the graph onnxruntime's quantize_dynamic makes
 * of the fp32 one (see weightLayers.mjs), from the same fp32 weights, so q8 and fp32 score alike up to int8 error.
 */
export function buildMinilmModel({ quantization }) {
  if (quantization !== 'none' && quantization !== 'dynamic') throw new Error(`buildMinilmModel: unknown quantization ${quantization}`);
  const s = MINILM_SHAPE;
  const sample = normalSampler(s.seed);
  const g = new GraphBuilder();
  for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) g.input(name, DataType.INT64, ['batch', 'sequence']);
  g.output('logits', DataType.FLOAT, ['batch', 1]);

  const float32 = float32Layers(g);
  const weights = quantization === 'dynamic' ? dynamicInt8Layers(g) : float32;
  const count = (dims) => dims.reduce((a, b) => a * b, 1);
  const bias = (name, size, std = s.weightStd) => g.floats(name, [size], sample(size, std));
  const constant = (name, size, value) => g.floats(name, [size], new Float32Array(size).fill(value));
  const layerNorm = (x, name) =>
    g.op('LayerNormalization', [x, constant(`${name}.gamma`, s.hidden, 1), constant(`${name}.beta`, s.hidden, 0)], {
      axis: -1,
      epsilon: { float: s.layerNormEps },
    });
  // The weight is sampled before the bias, in the same order for every quantization, so the weights are the same.
  const dense = (x, name, inSize, outSize, std = s.weightStd, layers = weights) => {
    const product = layers.matmul(x, `${name}.weight`, [inSize, outSize], sample(inSize * outSize, std));
    return g.op('Add', [product, bias(`${name}.bias`, outSize)]);
  };
  const embedding = (name, dims, indices) => weights.embedding(name, dims, sample(count(dims), s.weightStd), indices);

  const words = embedding('embeddings.word', [s.vocab, s.hidden], 'input_ids');
  const seqLen = g.op('Gather', [g.op('Shape', ['input_ids']), g.int64s('one_i64', [], [1])], { axis: 0 });
  const positionIds = g.op('Range', [g.int64s('zero_i64', [], [0]), seqLen, 'one_i64']);
  const positions = embedding('embeddings.position', [s.maxPositions, s.hidden], positionIds);
  const types = embedding('embeddings.token_type', [s.typeVocab, s.hidden], 'token_type_ids');
  let x = layerNorm(g.op('Add', [g.op('Add', [words, positions]), types]), 'embeddings.ln');

  // Additive mask: 0 where attended, -1e9 where attention_mask = 0. Shape [B, 1, 1, S].
  const attended = g.op('Cast', ['attention_mask'], { to: DataType.FLOAT });
  const masked = g.op('Sub', [g.scalar('one_f', 1), attended]);
  const additiveMask = g.op('Unsqueeze', [g.op('Mul', [masked, g.scalar('minus_large', -1e9)]), g.int64s('axes_1_2', [2], [1, 2])]);

  const headSize = s.hidden / s.heads;
  const toHeads = g.int64s('shape_heads', [4], [0, 0, s.heads, headSize]);
  const toHidden = g.int64s('shape_hidden', [3], [0, 0, s.hidden]);
  const scale = g.scalar('attention_scale', 1 / Math.sqrt(headSize));
  const sqrtHalf = g.scalar('sqrt_half', Math.SQRT1_2);
  const half = g.scalar('half', 0.5);
  for (let layer = 0; layer < s.layers; layer++) {
    const p = `layer${layer}`;
    const heads = (name, perm) => g.op('Transpose', [g.op('Reshape', [dense(x, `${p}.${name}`, s.hidden, s.hidden), toHeads])], { perm });
    const q = heads('query', [0, 2, 1, 3]); // [B, h, S, d]
    const kT = heads('key', [0, 2, 3, 1]); // [B, h, d, S]
    const v = heads('value', [0, 2, 1, 3]);
    const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, kT]), scale]), additiveMask]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), toHidden]);
    x = layerNorm(g.op('Add', [dense(merged, `${p}.attention_out`, s.hidden, s.hidden), x]), `${p}.attention_ln`);
    const up = dense(x, `${p}.intermediate`, s.hidden, s.intermediate);
    // Exact GELU: 0.5 * x * (1 + erf(x / sqrt(2))).
    const gelu = g.op('Mul', [g.op('Mul', [up, half]), g.op('Add', [g.scalar(`${p}.one`, 1), g.op('Erf', [g.op('Mul', [up, sqrtHalf])])])]);
    x = layerNorm(g.op('Add', [dense(gelu, `${p}.output`, s.intermediate, s.hidden), x]), `${p}.output_ln`);
  }

  const cls = g.op('Gather', [x, g.int64s('cls_index', [], [0])], { axis: 1 }); // [B, H]
  // The exporter writes these 2-D layers as Gemm, which quantize_dynamic leaves in fp32.
  const pooled = g.op('Tanh', [dense(cls, 'pooler', s.hidden, s.hidden, s.weightStd, float32)]);
  g.rename(dense(pooled, 'classifier', s.hidden, 1, s.classifierStd, float32), 'logits');
  return g.encode({ name: 'minilm_l6_random', docString: 'BERT MiniLM-L6 shape, seeded random weights (test model).' });
}
