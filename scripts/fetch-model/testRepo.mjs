// For fetch-model's tests: a fake model repo, small enough to download in milliseconds, and a way to run fetch-model
// in-process against the Hub stand-in with its output kept. Used by the tests only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHubStandIn } from './hubStandIn.mjs';
import { main } from './main.mjs';

/** `length` bytes that differ from one position to the next (so a shifted or repeated range is caught). */
export function patternBytes(length, seed) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + seed) % 251;
  return bytes;
}

export const REPO_ID = 'test-org/tiny-reranker';

/** @returns {Map<string, import('./hubStandIn.mjs').StandInFile>} */
export function tinyRepo() {
  return new Map([
    ['README.md', { content: '# tiny reranker\n' }],
    ['config.json', { content: '{"model_type":"bert","architectures":["BertForSequenceClassification"]}\n' }],
    ['tokenizer.json', { content: '{"version":"1.0","model":{"type":"WordPiece"}}\n' }],
    ['tokenizer_config.json', { content: '{"model_max_length":512}\n' }],
    ['special_tokens_map.json', { content: '{"cls_token":"[CLS]"}\n' }],
    ['vocab.txt', { content: '[PAD]\n[CLS]\n[SEP]\nhello\n' }],
    ['onnx/model.onnx', { content: patternBytes(300_000, 1), lfs: true }],
    ['onnx/model_quantized.onnx', { content: patternBytes(200_000, 2), lfs: true }],
    ['onnx/model_fp16.onnx', { content: patternBytes(150_000, 3), lfs: true }],
    ['onnx/model_fp16.onnx_data', { content: patternBytes(50_000, 4), lfs: true }],
  ]);
}

/**
 * A temporary models folder and a stand-in Hub (serving `tinyRepo()` as REPO_ID unless told otherwise), both
 * removed by `close`.
 * @param {Partial<import('./hubStandIn.mjs').StandInOptions>} [options]
 */
export async function setUp(options = {}) {
  const repos = options.repos ?? new Map([[REPO_ID, tinyRepo()]]);
  const hub = await startHubStandIn({ ...options, repos });
  const dir = mkdtempSync(path.join(tmpdir(), 'fetch-model-'));
  /**
   * Runs fetch-model with `--dir` set to the temporary folder (or, with `projectLayout`, with the temporary folder as
   * the project root and no --dir); no waiting between retries, and none unless asked.
   * @param {string[]} argv
   * @param {{ env?: Record<string, string>, retries?: number, tty?: boolean, idleMs?: number, projectLayout?: boolean }} [o]
   * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
   */
  const run = async (argv, o = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await main({
      argv: o.projectLayout ? argv : [...argv, '--dir', dir],
      env: { HF_ENDPOINT: hub.endpoint, ...o.env },
      stdout: { write: (text) => (stdout += text), isTTY: o.tty ?? false },
      stderr: { write: (text) => (stderr += text), isTTY: false },
      projectRoot: dir,
      retries: o.retries ?? 0,
      idleMs: o.idleMs ?? 5000,
      sleep: async () => {},
    });
    return { code, stdout, stderr };
  };
  return {
    hub,
    dir,
    run,
    /** Where fetch-model puts `relative` of model `id`. */
    modelFile: (relative, id = REPO_ID) => path.join(dir, ...id.split('/'), ...relative.split('/')),
    close: async () => {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
