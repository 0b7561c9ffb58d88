// Reads the command line of `npm run fetch-model -- <hub id> [--dtype q8|fp32|fp16] [--dir <folder>]`.
import { parseArgs } from 'node:util';
import { checkModelId } from './modelId.mjs';

export const DTYPES = ['q8', 'fp32', 'fp16'];
export const DEFAULT_DTYPE = 'q8';

export const USAGE = `Usage: npm run fetch-model -- <hub id> [--dtype q8|fp32|fp16] [--dir <folder>]

Downloads a transformers.js model from the Hugging Face Hub into public/models/<hub id>/, so the app can load
it with no network. Interrupted downloads resume when you run the same command again.

  <hub id>       owner/name, e.g. Xenova/ms-marco-MiniLM-L-6-v2
  --dtype        which ONNX weights: q8 (onnx/model_quantized.onnx, the default and smallest),
                 fp32 (onnx/model.onnx) or fp16 (onnx/model_fp16.onnx)
  --dir          the models folder (default: public/models of this project)
  -h, --help     this text

Environment: HF_TOKEN (a Hub access token, for gated or private models; never printed),
             HF_ENDPOINT (another Hub or a mirror; default https://huggingface.co).`;

/**
 * @typedef {{ kind: 'run', id: string, dtype: 'q8' | 'fp32' | 'fp16', dir: string | undefined }
 *   | { kind: 'help' }
 *   | { kind: 'usage-error', message: string }} ParsedArgs
 */

/**
 * @param {string[]} argv the arguments after the script's name
 * @returns {ParsedArgs}
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { dtype: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    // parseArgs names the bad option in its message, e.g. "Unknown option '--dtpye'".
    return { kind: 'usage-error', message: `${error instanceof Error ? error.message : String(error)}.` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'Give the model id, e.g. npm run fetch-model -- Xenova/ms-marco-MiniLM-L-6-v2' };
  if (positionals.length > 1) return { kind: 'usage-error', message: `One model id at a time; got ${positionals.length}: ${positionals.join(' ')}` };
  const id = checkModelId(positionals[0] ?? '');
  if (!id.ok) return { kind: 'usage-error', message: id.message };
  const dtype = values.dtype ?? DEFAULT_DTYPE;
  if (!isDtype(dtype)) return { kind: 'usage-error', message: `--dtype ${JSON.stringify(dtype)} is not one of ${DTYPES.join(', ')}.` };
  if (values.dir !== undefined && values.dir.trim() === '') return { kind: 'usage-error', message: '--dir needs a folder.' };
  return { kind: 'run', id: id.id, dtype, dir: values.dir };
}

/** @returns {value is 'q8' | 'fp32' | 'fp16'} */
function isDtype(value) {
  return DTYPES.includes(value);
}
