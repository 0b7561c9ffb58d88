/**
 * What is available offline, read from the URLs in transformers.js' browser cache ("transformers-cache").
 *
 * transformers.js caches every model file it loads under the file's URL: a self-hosted file under
 * `<app base>models/<owner>/<name>/…`, a Hub file under `https://huggingface.co/<owner>/<name>/resolve/<revision>/…`.
 * It caches the onnxruntime wasm it loads too. A model counts as offline-ready only with its config.json and at
 * least one ONNX file, since a half-downloaded model fails to load. Pure: the caller lists the cache.
 */

const HUB_ORIGIN = 'https://huggingface.co';

/** The ONNX file names transformers.js loads per dtype (onnx/model.onnx is fp32). */
const ONNX_DTYPES = new Map<string, string>([
  ['model.onnx', 'fp32'],
  ['model_fp16.onnx', 'fp16'],
  ['model_quantized.onnx', 'q8'],
  ['model_q4.onnx', 'q4'],
  ['model_q4f16.onnx', 'q4f16'],
  ['model_int8.onnx', 'int8'],
  ['model_uint8.onnx', 'uint8'],
]);

export interface CachedModel {
  /** owner/name, as typed in a column. */
  id: string;
  /** 'self-hosted' when served by the app under /models/, 'hub' when downloaded from huggingface.co. */
  source: 'self-hosted' | 'hub';
  /** The dtypes whose ONNX file is cached, e.g. ['q8']. */
  dtypes: string[];
  /** True when config.json and at least one ONNX file are cached. */
  complete: boolean;
}

export interface OfflineInventory {
  /** onnxruntime's wasm binary is cached: the runtime can start with no network. */
  runtimeCached: boolean;
  models: CachedModel[];
}

interface ModelFile {
  id: string;
  source: CachedModel['source'];
  /** The path inside the model's repository, e.g. "onnx/model_quantized.onnx". */
  file: string;
}

/** Splits a cached URL into model id and file, or null for anything that is not a model file. */
export function modelFileOf(cacheUrl: string, appBase: string): ModelFile | null {
  let url: URL;
  let base: URL;
  try {
    base = new URL(appBase);
    url = new URL(cacheUrl, base);
  } catch {
    return null;
  }
  const parts = url.pathname.split('/').filter((part) => part !== '').map(safeDecode);
  if (url.origin === HUB_ORIGIN) {
    // /<owner>/<name>/resolve/<revision>/<file…>
    const [owner, name, resolve, revision, ...file] = parts;
    if (!owner || !name || resolve !== 'resolve' || !revision || file.length === 0) return null;
    return { id: `${owner}/${name}`, source: 'hub', file: file.join('/') };
  }
  const modelsPrefix = `${base.pathname.replace(/\/?$/, '/')}models/`;
  if (url.origin !== base.origin || !url.pathname.startsWith(modelsPrefix)) return null;
  const [owner, name, ...file] = url.pathname.slice(modelsPrefix.length).split('/').map(safeDecode);
  if (!owner || !name || file.length === 0) return null;
  return { id: `${owner}/${name}`, source: 'self-hosted', file: file.join('/') };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function offlineInventory(cacheUrls: readonly string[], appBase: string): OfflineInventory {
  const byModel = new Map<string, { source: CachedModel['source']; config: boolean; dtypes: Set<string> }>();
  let runtimeCached = false;
  for (const cacheUrl of cacheUrls) {
    if (/ort-wasm[\w.-]*\.wasm(?:$|\?)/.test(cacheUrl)) runtimeCached = true;
    const modelFile = modelFileOf(cacheUrl, appBase);
    if (!modelFile) continue;
    const key = `${modelFile.source} ${modelFile.id}`;
    const entry = byModel.get(key) ?? { source: modelFile.source, config: false, dtypes: new Set<string>() };
    byModel.set(key, entry);
    if (modelFile.file === 'config.json') entry.config = true;
    const onnxName = modelFile.file.startsWith('onnx/') ? modelFile.file.slice('onnx/'.length) : null;
    const dtype = onnxName === null ? undefined : ONNX_DTYPES.get(onnxName);
    if (dtype) entry.dtypes.add(dtype);
  }
  const models = [...byModel.entries()].map(([key, entry]) => ({
    id: key.slice(key.indexOf(' ') + 1),
    source: entry.source,
    dtypes: [...entry.dtypes].sort(),
    complete: entry.config && entry.dtypes.size > 0,
  }));
  models.sort((a, b) => a.id.localeCompare(b.id) || a.source.localeCompare(b.source));
  return { runtimeCached, models };
}
