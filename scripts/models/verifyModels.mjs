// Loads every generated test model in onnxruntime-node and in transformers.js (Node, local files only) and
// checks the overlap model's logits against its formula. Run: node scripts/make-test-models.mjs --verify
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { AutoModelForSequenceClassification, AutoTokenizer, env } from '@huggingface/transformers';
import { overlapLogit } from './overlapModel.mjs';
import { verifyBiEncoder } from './verifyBiEncoder.mjs';

function feeds(rows) {
  const batch = rows.length;
  const seq = Math.max(...rows.map((r) => r.ids.length));
  const tensor = (pick) => {
    const data = new BigInt64Array(batch * seq);
    rows.forEach((row, b) => pick(row).forEach((v, i) => (data[b * seq + i] = BigInt(v))));
    return new ort.Tensor('int64', data, [batch, seq]);
  };
  return { input_ids: tensor((r) => r.ids), attention_mask: tensor((r) => r.ids.map(() => 1)), token_type_ids: tensor((r) => r.types) };
}

function assert(condition, message) {
  if (!condition) throw new Error(`verify: ${message}`);
}

export async function verifyTestModels(outDir) {
  // [CLS] berlin people [SEP] people live in berlin berlin [SEP] / shorter doc with no overlap
  const rows = [
    { ids: [101, 4068, 2111, 102, 2111, 2444, 1999, 4068, 4068, 102], types: [0, 0, 0, 0, 1, 1, 1, 1, 1, 1] },
    { ids: [101, 4068, 2111, 102, 3899, 102], types: [0, 0, 0, 0, 1, 1] },
  ];
  for (const file of ['model.onnx', 'model_quantized.onnx']) {
    const session = await ort.InferenceSession.create(path.join(outDir, 'test/overlap-reranker/onnx', file));
    const padded = rows.map((r) => ({ ...r, ids: [...r.ids, 0, 0, 0, 0].slice(0, 10), types: [...r.types, 0, 0, 0, 0].slice(0, 10) }));
    const input = feeds(rows);
    // Padding must not change anything: attention_mask 0 on the pad positions.
    const mask = input.attention_mask.data;
    for (let i = 0; i < mask.length; i++) mask[i] = BigInt(i < 10 || i - 10 < rows[1].ids.length ? 1 : 0);
    const { logits } = await session.run(input);
    const expected = padded.map((r, b) => overlapLogit(r.ids, Array.from(mask.slice(b * 10, b * 10 + 10), Number), r.types));
    assert(Math.abs(logits.data[0] - (2 - 0.005)) < 1e-6 && Math.abs(logits.data[1] - -0.001) < 1e-6, `overlap ${file}: got ${Array.from(logits.data)}`);
    assert(expected.every((e, i) => Math.abs(e - logits.data[i]) < 1e-6), `overlap formula vs graph: ${expected} / ${Array.from(logits.data)}`);
  }
  const two = await (await ort.InferenceSession.create(path.join(outDir, 'test/two-label-model/onnx/model.onnx'))).run(feeds(rows));
  assert(two.logits.dims[1] === 2 && Math.abs(two.logits.data[0] + two.logits.data[1]) < 1e-9, 'two-label shape');
  for (const file of ['model.onnx', 'model_quantized.onnx']) {
    const started = performance.now();
    const session = await ort.InferenceSession.create(path.join(outDir, 'test/minilm-l6-random/onnx', file));
    const { logits } = await session.run(feeds(rows));
    assert(logits.dims.join() === '2,1' && logits.data.every(Number.isFinite), `minilm ${file} output`);
    console.log(`verify: minilm ${file} logits ${Array.from(logits.data).map((v) => v.toFixed(5))} (${Math.round(performance.now() - started)} ms)`);
  }
  let corruptFailed = false;
  try {
    await ort.InferenceSession.create(path.join(outDir, 'test/corrupt-model/onnx/model.onnx'));
  } catch {
    corruptFailed = true;
  }
  assert(corruptFailed, 'the corrupt model loaded');

  // transformers.js in Node, local files only.
  env.allowRemoteModels = false;
  env.localModelPath = outDir + path.sep;
  const tokenizer = await AutoTokenizer.from_pretrained('test/overlap-reranker');
  for (const [id, dtype] of [['test/overlap-reranker', 'fp32'], ['test/overlap-reranker', 'q8'], ['test/minilm-l6-random', 'q8']]) {
    const model = await AutoModelForSequenceClassification.from_pretrained(id, { dtype });
    const inputs = tokenizer(['berlin people', 'berlin people'], { text_pair: ['people live in berlin berlin', 'dog'], padding: true, truncation: true, max_length: 512 });
    const { logits } = await model(inputs);
    console.log(`verify: transformers.js ${id} ${dtype}: ${Array.from(logits.data).map((v) => v.toFixed(5))}`);
    if (id === 'test/overlap-reranker') assert(Math.abs(logits.data[0] - 1.995) < 1e-6 && Math.abs(logits.data[1] + 0.001) < 1e-6, 'transformers.js overlap logits');
    await model.dispose();
  }
  await verifyBiEncoder(outDir);
  console.log('verify: all test models OK');
}
