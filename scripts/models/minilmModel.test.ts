import { describe, expect, it } from 'vitest';
import { buildMinilmModel, MINILM_SHAPE } from './minilmModel.mjs';
import { decodeModel } from './onnxProto.mjs';

interface DecodedModel {
  graph: { node: { op_type: string; input: string[] }[]; initializer: { name: string; data_type: number }[] };
}

const opCounts = (model: DecodedModel): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const node of model.graph.node) counts.set(node.op_type, (counts.get(node.op_type) ?? 0) + 1);
  return counts;
};

describe('the dynamic-quantized MiniLM test model (q8)', () => {
  const q8 = decodeModel(buildMinilmModel({ quantization: 'dynamic' })) as DecodedModel;
  const ops = opCounts(q8);
  const layers = MINILM_SHAPE.layers; // 6

  it('runs every weight MatMul of the encoder as quantize_dynamic writes it', () => {
    // Per layer: query, key, value, attention out, intermediate, output = 6 MatMulInteger, each followed by
    // Cast and the scale Mul: 6 x 6 = 36.
    expect(ops.get('MatMulInteger')).toBe(6 * layers);
    // One DynamicQuantizeLinear per activation: the layer input (shared by Q, K, V), the attention context, the
    // attention block's output (into the intermediate layer), the GELU output: 4 x 6 = 24.
    expect(ops.get('DynamicQuantizeLinear')).toBe(4 * layers);
    // fp32 MatMul stays for the two activation products of each layer's attention (12), the pooler and the
    // classifier (2): 14.
    expect(ops.get('MatMul')).toBe(2 * layers + 2);
    // The three embedding tables: int8, dequantized after the Gather.
    expect(ops.get('DequantizeLinear')).toBe(3);
  });

  it('feeds each MatMulInteger uint8 activations from DynamicQuantizeLinear and an int8 initializer', () => {
    const produced = new Map<string, string>();
    for (const node of q8.graph.node) for (const out of (node as { output?: string[] }).output ?? []) produced.set(out, node.op_type);
    const int8 = new Set(q8.graph.initializer.filter((t) => t.data_type === 3).map((t) => t.name)); // 3 = INT8
    for (const node of q8.graph.node.filter((n) => n.op_type === 'MatMulInteger')) {
      expect(produced.get(node.input[0] ?? '')).toBe('DynamicQuantizeLinear');
      expect(int8.has(node.input[1] ?? '')).toBe(true);
    }
  });

  it('is about a quarter of the fp32 file, like the Hub q8 files (23 / 91 MB)', () => {
    const q8Bytes = buildMinilmModel({ quantization: 'dynamic' }).length;
    const fp32Bytes = buildMinilmModel({ quantization: 'none' }).length;
    expect(q8Bytes / fp32Bytes).toBeGreaterThan(0.24);
    expect(q8Bytes / fp32Bytes).toBeLessThan(0.27);
  });
});
