import { rerankWithCohere } from '../rerankers/cohere/client';
import { MAX_RATE_LIMIT_RETRIES, seconds } from '../rerankers/cohere/messages';
import { sleepUnlessAborted } from '../rerankers/cohere/transport';
import { LocalReranker, type LocalRerankerEvent, type LocalRerankerSettings } from '../rerankers/local/client';
import { defaultDtype, type DeviceSupport } from '../rerankers/local/device';
import type { Reranker } from '../rerankers/types';
import type { ColumnConfig, LocalColumnConfig } from './columns';

/**
 * The live rerankers, one per column, kept outside the store's state: a worker is not data.
 * A column keeps its worker (and its loaded model) across runs until the column is removed.
 */
const localRerankers = new Map<string, LocalReranker>();

export function resolveLocalSettings(config: LocalColumnConfig, support: DeviceSupport): LocalRerankerSettings {
  const device = config.device === 'auto' ? (support.webgpu ? 'webgpu' : 'wasm') : config.device;
  const dtype = config.dtype === 'auto' ? defaultDtype(device) : config.dtype;
  return { model: config.model.trim(), device, dtype, maxLength: config.maxLength, batchSize: config.batchSize };
}

/** `onEvent` is bound once per column: it must only depend on the column id. */
export function localRerankerFor(
  columnId: string,
  settings: LocalRerankerSettings,
  onEvent: (event: LocalRerankerEvent) => void,
): LocalReranker {
  const existing = localRerankers.get(columnId);
  if (existing) {
    existing.configure(settings);
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

/**
 * A remote reranker for one run; the key is handed in, never stored here. `onNotes` shows a rate-limit
 * wait while it lasts (the client retries a 429 on its own) and clears it when the wait is over.
 */
export function cohereReranker(
  config: Extract<ColumnConfig, { kind: 'cohere' }>,
  apiKey: string,
  onNotes: (notes: string[]) => void = () => {},
): Reranker {
  let retries = 0;
  const sleepAndTell = async (ms: number, signal?: AbortSignal) => {
    retries++;
    onNotes([`Rate limited (429): retrying in ${seconds(ms)} (retry ${retries} of ${MAX_RATE_LIMIT_RETRIES}).`]);
    await sleepUnlessAborted(ms, signal);
    onNotes([]);
  };
  return {
    rank: (query, docs, options = {}) =>
      rerankWithCohere({
        query,
        documents: [...docs],
        apiKey,
        settings: config.settings,
        signal: options.signal,
        onProgress: options.onProgress,
        sleep: sleepAndTell,
      }).then((result) => (result.ok ? { ok: true, value: { ...result.value, scoreKind: 'relevance score' as const } } : result)),
  };
}
