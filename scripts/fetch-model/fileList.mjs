// Which of a Hub repo's files transformers.js needs for one dtype, in the layout it reads:
// config.json, the tokenizer files, and onnx/model<suffix>.onnx with its external data files, if any.

/** transformers.js' file suffix per dtype (DEFAULT_DTYPE_SUFFIX_MAPPING in its utils/dtypes.js). */
export const ONNX_FILE = new Map([
  ['fp32', 'onnx/model.onnx'],
  ['fp16', 'onnx/model_fp16.onnx'],
  ['q8', 'onnx/model_quantized.onnx'],
]);

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const OPTIONAL = ['special_tokens_map.json', 'vocab.txt'];

/**
 * @typedef {{ path: string, size: number, sha256?: string, gitOid?: string }} RepoFile
 *   sha256: the LFS object id, which is the file's sha256; gitOid: the git blob id (sha1) of a file kept in git.
 */

/**
 * An ONNX file's external data: `<file>_data`, then `<file>_data_1`, `<file>_data_2`, … (getExternalDataChunkNames
 * in transformers.js' utils/model-loader.js).
 * @param {string} onnxPath
 * @param {string} candidate
 */
function isExternalData(onnxPath, candidate) {
  if (!candidate.startsWith(`${onnxPath}_data`)) return false;
  const rest = candidate.slice(onnxPath.length + '_data'.length);
  return rest === '' || /^_[1-9][0-9]{0,2}$/.test(rest);
}

/**
 * @param {RepoFile[]} listing every file of the repo
 * @param {'q8' | 'fp32' | 'fp16'} dtype
 * @param {string} id the model id, for messages
 * @returns {{ ok: true, files: RepoFile[] } | { ok: false, message: string }}
 */
export function selectFiles(listing, dtype, id) {
  const byPath = new Map(listing.map((file) => [file.path, file]));
  const missing = REQUIRED.filter((name) => !byPath.has(name));
  if (missing.length > 0) {
    return { ok: false, message: `${id} has no ${missing.join(', ')}, so transformers.js cannot load it. Is it a transformers.js model? Converted copies are often under Xenova/ or onnx-community/ on the Hub.` };
  }
  const onnxPath = ONNX_FILE.get(dtype) ?? '';
  const onnx = byPath.get(onnxPath);
  if (!onnx) return { ok: false, message: missingDtypeMessage(byPath, dtype, id) };
  const externalData = listing.filter((file) => isExternalData(onnxPath, file.path)).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const files = [...REQUIRED, ...OPTIONAL.filter((name) => byPath.has(name))].map((name) => byPath.get(name));
  return { ok: true, files: [...files.filter((file) => file !== undefined), onnx, ...externalData] };
}

/** @param {Map<string, RepoFile>} byPath */
function missingDtypeMessage(byPath, dtype, id) {
  const available = [...ONNX_FILE].filter(([, file]) => byPath.has(file));
  const wanted = `${id} has no ${ONNX_FILE.get(dtype)}, so no ${dtype} build.`;
  if (available.length === 0) {
    return `${wanted} It has none of ${[...ONNX_FILE.values()].join(', ')}: transformers.js needs ONNX weights. Converted copies are often under Xenova/ or onnx-community/ on the Hub.`;
  }
  const list = available.map(([name, file]) => `${name} (${file})`).join(', ');
  return `${wanted} It has: ${list}. Run again with --dtype ${available[0]?.[0]}.`;
}
