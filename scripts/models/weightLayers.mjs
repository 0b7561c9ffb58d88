// How a generated model stores its weights: plain fp32, or int8 the way onnxruntime's `quantize_dynamic` writes
// transformers.js' q8 files (onnx/model_quantized.onnx: IntegerOps mode, QInt8 weights, per tensor, symmetric,
// MatMulConstBOnly, as in transformers.js' scripts/quantize.py).
import { DataType } from './onnxProto.mjs';

/** Symmetric per-tensor int8, as quantize_dynamic does for QInt8 weights: w ≈ q * scale, q in [-127, 127], zero point 0. */
export function quantizeSymmetricInt8(values) {
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 127 || 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(values[i] / scale)));
  return { q, scale };
}

/** fp32 weights: MatMul against a float initializer, Gather from a float table. */
export function float32Layers(g) {
  return {
    matmul: (x, name, dims, values) => g.op('MatMul', [x, g.floats(name, dims, values)]),
    embedding: (name, dims, values, indices) => g.op('Gather', [g.floats(name, dims, values), indices]),
  };
}

/**
 * quantize_dynamic's IntegerOps graph:
 * - MatMul with a constant weight: DynamicQuantizeLinear on the activation (uint8, per tensor, computed at run
 *   time; one per activation, shared by every MatMul that reads it), MatMulInteger against the int8 weight,
 *   Cast to float, then Mul by (activation scale x weight scale). The bias Add that follows stays fp32.
 * - Gather from a constant table: the table is int8 and DequantizeLinear follows the Gather.
 * MatMuls of two activations (attention scores) stay fp32 (MatMulConstBOnly), and so does Gemm, which the
 * exporter writes for the 2-D pooler and classifier layers and IntegerOps does not quantize: the caller keeps
 * those on float32Layers.
 */
export function dynamicInt8Layers(g) {
  const zero = g.tensor('weight_zero_point', DataType.INT8, [], new Int8Array([0]));
  const quantizedActivations = new Map(); // activation name -> [uint8 values, scale, zero point]
  const activation = (x) => {
    let quantized = quantizedActivations.get(x);
    if (!quantized) {
      quantized = g.op('DynamicQuantizeLinear', [x], {}, 3);
      quantizedActivations.set(x, quantized);
    }
    return quantized;
  };
  const int8Weight = (name, dims, values) => {
    const { q, scale } = quantizeSymmetricInt8(values);
    return { weight: g.tensor(`${name}_quantized`, DataType.INT8, dims, q), scale: g.scalar(`${name}_scale`, scale) };
  };
  return {
    matmul(x, name, dims, values) {
      const [xQuantized, xScale, xZeroPoint] = activation(x);
      const { weight, scale } = int8Weight(name, dims, values);
      const product = g.op('MatMulInteger', [xQuantized, weight, xZeroPoint, zero]); // int32
      const asFloat = g.op('Cast', [product], { to: DataType.FLOAT });
      return g.op('Mul', [asFloat, g.op('Mul', [xScale, scale])]);
    },
    embedding(name, dims, values, indices) {
      const { weight, scale } = int8Weight(name, dims, values);
      return g.op('DequantizeLinear', [g.op('Gather', [weight, indices]), scale, zero]);
    },
  };
}
