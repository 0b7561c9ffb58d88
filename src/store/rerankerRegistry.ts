import { rerankWithCohere } from '../rerankers/cohere/client';
import type { RetryReason } from '../rerankers/cohere/retryPolicy';
import { retryNote } from '../rerankers/cohere/serverFailures';
import { sleepUnlessAborted } from '../rerankers/cohere/transport';
import { LocalReranker, type LocalRerankerEvent, type LocalRerankerSettings } from '../rerankers/local/client';
import { defaultDtype, type DeviceSupport } from '../rerankers/local/device';
import type { Reranker } from '../rerankers/types';
import { findCatalogModel, type ModelDtype } from '../rerankers/catalog';
import type { LocalDevice } from '../rerankers/local/protocol';
import type { ColumnConfig, LocalColumnConfig } from './columns';
import type { KeySlice } from './keySlice';

/**
 * The live rerankers, one per column, kept outside the store's state: a worker is not data.
 * A column keeps its worker (and its loaded model) across runs until the column is removed.
 */
const localRerankers = new Map<string, LocalReranker>();

const DTYPE_PREFERENCE: readonly ModelDtype[] = ['q8', 'fp16', 'fp32'];

/**
 * The device's usual precision, unless the catalog says the model has no such file (Qwen3-Reranker's ONNX repo has
 * no fp32 build, WebGPU's usual one): then the first precision it has, smallest first.
 */
export function autoDtype(model: string, device: LocalDevice): ModelDtype {
  const preferred = defaultDtype(device);
  const sizes = findCatalogModel(model)?.approxSizeMB;
  if (!sizes || sizes[preferred] !== undefined) return preferred;
  return DTYPE_PREFERENCE.find((dtype) => sizes[dtype] !== undefined) ?? preferred;
}

export function resolveLocalSettings(config: LocalColumnConfig, support: DeviceSupport): LocalRerankerSettings {
  const device = config.device === 'auto' ? (support.webgpu ? 'webgpu' : 'wasm') : config.device;
  const dtype = config.dtype === 'auto' ? autoDtype(config.model.trim(), device) : config.dtype;
  const settings: LocalRerankerSettings = { model: config.model.trim(), device, dtype, maxLength: config.maxLength, batchSize: config.batchSize };
  return config.longDocuments?.mode === 'split' ? { ...settings, longDocuments: config.longDocuments } : settings;
}

/** The column's reranker, reconfigured for this call; its events go to this call's `onEvent` from now on. */
export function localRerankerFor(
  columnId: string,
  settings: LocalRerankerSettings,
  onEvent: (event: LocalRerankerEvent) => void,
): LocalReranker {
  const existing = localRerankers.get(columnId);
  if (existing) {
    existing.configure(settings);
    existing.setOnEvent(onEvent);
    return existing;
  }
  const created = new LocalReranker({ settings, onEvent });
  localRerankers.set(columnId, created);
  return created;
}

export function disposeReranker(columnId: string): void {
  localRerankers.get(columnId)?.dispose();
  localRerankers.delete(columnId);
}

/** Where a Cohere column finds its key: the store (AppState) is one. */
export type CohereKeyLookup = Pick<KeySlice, 'cohereKeyFor'>;

/**
 * A remote reranker for one run. It looks up the key for the base URL each call goes to, so a key entered for
 * one server can never reach another; the key is never stored here. `onNotes` shows a wait before a retry
 * (429, 408 or 5xx: the client retries on its own) while it lasts, and clears it when the wait is over.
 */
export function cohereReranker(
  config: Extract<ColumnConfig, { kind: 'cohere' }>,
  keys: CohereKeyLookup,
  onNotes: (notes: string[]) => void = () => {},
): Reranker {
  const sleepAndTell = async (ms: number, signal?: AbortSignal, reason?: RetryReason) => {
    if (reason) onNotes([retryNote(reason, ms)]);
    await sleepUnlessAborted(ms, signal);
    onNotes([]);
  };
  return {
    rank: (query, docs, options = {}) => {
      const { settings } = config;
      return rerankWithCohere({
        query,
        documents: [...docs],
        apiKey: keys.cohereKeyFor(settings.baseUrl),
        settings,
        signal: options.signal,
        onProgress: options.onProgress,
        sleep: sleepAndTell,
      }).then((result) => (result.ok ? { ok: true, value: { ...result.value, scoreKind: 'relevance score' as const } } : result));
    },
  };
}
