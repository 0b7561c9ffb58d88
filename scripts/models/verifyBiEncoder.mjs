// Checks test/bi-encoder as transformers.js' own feature-extraction pipeline sees it (Node, local files only),
// against the hand-worked embeddings of BI_ENCODER_FORMULA. Called by verifyModels.mjs.
import { env, pipeline } from '@huggingface/transformers';

function assertClose(actual, expected, what) {
  const ok = actual.length === expected.length && expected.every((e, i) => Math.abs(e - actual[i]) < 1e-6);
  if (!ok) throw new Error(`verify: bi-encoder ${what}: expected ${expected.join(', ')}, got ${Array.from(actual).join(', ')}`);
}

export async function verifyBiEncoder(outDir) {
  env.allowRemoteModels = false;
  env.localModelPath = outDir + '/';
  const extract = await pipeline('feature-extraction', 'test/bi-encoder', { dtype: 'fp32' });
  // dog -> bucket 1, cat -> bucket 3 (1 + 4937 mod 7). "cat cat dog": presence e1 + e3, counts e1 + 2 e3, so mean
  // pooling normalizes 2 e1 + 3 e3: (0, 2, 0, 3, 0, 0, 0, 0) / sqrt(13). "cat dog" is padded by one in the batch.
  const mean = await extract(['cat cat dog', 'cat dog'], { pooling: 'mean', normalize: true });
  const s13 = Math.sqrt(13);
  const s2 = Math.sqrt(2);
  assertClose(Array.from(mean.data).slice(0, 8), [0, 2 / s13, 0, 3 / s13, 0, 0, 0, 0], 'mean "cat cat dog"');
  assertClose(Array.from(mean.data).slice(8, 16), [0, 1 / s2, 0, 1 / s2, 0, 0, 0, 0], 'mean "cat dog" (padding excluded)');
  const cls = await extract(['cat cat dog'], { pooling: 'cls', normalize: true });
  assertClose(Array.from(cls.data), [0, 1 / s2, 0, 1 / s2, 0, 0, 0, 0], 'cls "cat cat dog"');
  await extract.dispose();
  console.log('verify: bi-encoder embeddings match the formula');
}
