/**
 * DenseEmbedder through the real worker, transformers.js and onnxruntime-web in Chromium, with no UI: the spec
 * builds src/rerankers/dense/e2eHarness.ts on its own into <dist>/__dense-harness/ (the served build folder, so the
 * page keeps its headers, /models/ and /ort/), imports it into the app's page and compares embeddings and cosines
 * of test/bi-encoder with the values worked by hand from its formula (scripts/models/biEncoderModel.mjs).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { expect, test, type Page } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.E2E_DIST ?? 'dist';
const HARNESS_DIR = '__dense-harness';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    root,
    base: './', // the worker is then found next to the harness; BASE_URL './' still puts /models/ and /ort/ at the root
    logLevel: 'warn',
    build: {
      outDir: path.join(root, dist, HARNESS_DIR),
      emptyOutDir: true,
      copyPublicDir: false,
      rollupOptions: { input: path.join(root, 'src/rerankers/dense/e2eHarness.ts'), output: { entryFileNames: 'dense-harness.js' } },
    },
  });
});

interface Settings {
  model: string;
  device: 'wasm';
  dtype: 'fp32' | 'q8';
  pooling: 'mean' | 'cls';
  normalize: boolean;
  maxLength: number;
  batchSize: number;
}

interface PageResult {
  ok: boolean;
  error?: { kind?: string; message: string };
  vectors: number[][];
  truncated: boolean[];
  fromCache: number;
  dims: number;
  /** cosine(text 0, text i) for every i, computed in the page. */
  cosines: number[];
  progress: number[];
}

async function openHarness(page: Page): Promise<void> {
  await page.goto('/');
  await page.addScriptTag({ type: 'module', url: `/${HARNESS_DIR}/dense-harness.js` }); // a same-origin file: the CSP refuses inline scripts
  await page.waitForFunction(() => 'denseHarness' in globalThis);
}

/** Embeds in the page; `cancelAfter` aborts once that many texts are done; `cached` uses an IndexedDB cache. */
function embedInPage(page: Page, texts: string[], settings: Settings, options: { cancelAfter?: number; cached?: boolean; repeat?: boolean } = {}): Promise<PageResult[]> {
  return page.evaluate(
    async ({ texts, settings, options }) => {
      type Vector = ArrayLike<number>;
      interface Outcome {
        vectors: Float32Array[];
        truncated: boolean[];
        fromCache: number;
        dims: number;
      }
      interface Harness {
        DenseEmbedder: new (options: { cache: unknown }) => {
          embed(texts: string[], settings: unknown, options: { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void }): Promise<{ ok: true; value: Outcome } | { ok: false; error: { kind?: string; message: string } }>;
        };
        createEmbeddingCache: (options: { dbName: string }) => unknown;
        cosine: (a: Vector, b: Vector) => number;
      }
      const harness = (globalThis as unknown as { denseHarness: Harness }).denseHarness;
      type Embedder = InstanceType<Harness['DenseEmbedder']>;
      // Without a cache, one embedder per page: a later call reuses its worker (and sees what a cancel left).
      const pageScope = globalThis as unknown as { denseE2eEmbedder?: Embedder };
      const embedder = options.cached
        ? new harness.DenseEmbedder({ cache: harness.createEmbeddingCache({ dbName: `dense-e2e-${Date.now()}` }) })
        : (pageScope.denseE2eEmbedder ??= new harness.DenseEmbedder({ cache: null }));
      const results: PageResult[] = [];
      for (let run = 0; run < (options.repeat ? 2 : 1); run++) {
        const controller = new AbortController();
        const progress: number[] = [];
        const result = await embedder.embed(texts, settings, {
          signal: controller.signal,
          onProgress: ({ done }) => {
            progress.push(done);
            if (options.cancelAfter !== undefined && done >= options.cancelAfter) controller.abort();
          },
        });
        if (!result.ok) {
          results.push({ ok: false, error: result.error, vectors: [], truncated: [], fromCache: 0, dims: 0, cosines: [], progress });
          continue;
        }
        const { vectors, truncated, fromCache, dims } = result.value;
        const first = vectors[0] ?? [];
        results.push({ ok: true, vectors: vectors.map((v) => Array.from(v)), truncated, fromCache, dims, cosines: vectors.map((v) => harness.cosine(first, v)), progress });
      }
      return results;
    },
    { texts, settings, options },
  );
}

// bert-base-uncased ids -> buckets 1 + (id mod 7): dog 3899 -> 1, cat 4937 -> 3, moon 4231 -> 4.
const TEXTS = ['cat cat dog', 'cat dog', 'dog moon moon', 'moon', 'cat cat cat cat cat cat cat cat dog'];
const mean: Settings = { model: 'test/bi-encoder', device: 'wasm', dtype: 'fp32', pooling: 'mean', normalize: true, maxLength: 8, batchSize: 2 };
const s13 = Math.sqrt(13);

function expectVector(actual: number[] | undefined, expected: number[], what: string): void {
  expect(actual, what).toHaveLength(8);
  expected.forEach((value, k) => expect(actual?.[k], `${what}[${k}]`).toBeCloseTo(value, 5));
}

test('mean pooling: the embeddings and cosines worked by hand, padding excluded, long text cut', async ({ page }) => {
  await openHarness(page);
  const [result] = await embedInPage(page, TEXTS, mean);
  expect(result?.error).toBeUndefined();
  expect(result?.dims).toBe(8);
  // "cat cat dog": presence e1 + e3 plus counts e1 + 2 e3 = 2 e1 + 3 e3, over sqrt(13).
  expectVector(result?.vectors[0], [0, 2 / s13, 0, 3 / s13, 0, 0, 0, 0], 'cat cat dog');
  // "moon" (3 tokens) shares a batch with "cat dog" (4), so it is padded by one: 2 e4 -> e4, and e0 stays 0.
  expectVector(result?.vectors[3], [0, 0, 0, 0, 1, 0, 0, 0], 'moon');
  // The long text: maxLength 8 keeps [CLS], 6 of its 9 tokens (all "cat") and [SEP]: 7 e3 -> e3; "dog" was cut.
  expectVector(result?.vectors[4], [0, 0, 0, 1, 0, 0, 0, 0], 'long text');
  expect(result?.truncated).toEqual([false, false, false, false, true]);
  // cosines with "cat cat dog": "cat dog" (e1 + e3)/sqrt(2) -> 5/sqrt(26) = 0.98058; "dog moon moon" (2 e1 + 3 e4)/sqrt(13)
  // -> 4/13 = 0.30769; "moon" -> 0; long text e3 -> 3/sqrt(13) = 0.83205.
  const expected = [1, 5 / Math.sqrt(26), 4 / 13, 0, 3 / s13];
  expected.forEach((value, i) => expect(result?.cosines[i], `cosine with text ${i}`).toBeCloseTo(value, 5));
  expect(result?.progress.at(-1)).toBe(TEXTS.length);
});

test('CLS pooling gives the presence vector: cosine 1 for "cat dog", 1/2 for "dog moon moon"', async ({ page }) => {
  await openHarness(page);
  const [result] = await embedInPage(page, TEXTS.slice(0, 3), { ...mean, pooling: 'cls', dtype: 'q8' });
  expect(result?.error).toBeUndefined();
  expectVector(result?.vectors[0], [0, Math.SQRT1_2, 0, Math.SQRT1_2, 0, 0, 0, 0], 'cat cat dog');
  [1, 1, 0.5].forEach((value, i) => expect(result?.cosines[i]).toBeCloseTo(value, 5));
});

test('a second call finds every text in the IndexedDB cache and gets the same vectors', async ({ page }) => {
  await openHarness(page);
  const [first, second] = await embedInPage(page, TEXTS, mean, { cached: true, repeat: true });
  expect(first?.fromCache).toBe(0);
  expect(second?.fromCache).toBe(TEXTS.length);
  expect(second?.vectors).toEqual(first?.vectors);
  expect(second?.truncated).toEqual(first?.truncated);
});

test('cancel stops between batches and answers cancelled; the next call still works', async ({ page }) => {
  await openHarness(page);
  const many = Array.from({ length: 12 }, (_, i) => `cat ${'dog '.repeat(i)}`);
  const [cancelled] = await embedInPage(page, many, { ...mean, maxLength: 64, batchSize: 1 }, { cancelAfter: 1 });
  expect(cancelled?.ok).toBe(false);
  expect(cancelled?.error?.kind).toBe('cancelled');
  expect(cancelled?.progress.at(-1)).toBeLessThan(many.length);
  const [after] = await embedInPage(page, TEXTS.slice(0, 2), mean);
  expect(after?.cosines[1]).toBeCloseTo(5 / Math.sqrt(26), 5);
});
