/**
 * The dense first stage's settings as the app stores, saves and shares them. The pooling and prefixes are
 * null when the model's own (the dense catalog's, or plain mean pooling for an unknown id) are in force,
 * so a link made with a catalog model keeps following that model's card.
 */
export interface DenseFirstStageSettings {
  /** A Hub id (or a self-hosted model under /models/). */
  model: string;
  device: 'wasm' | 'webgpu';
  dtype: 'fp32' | 'fp16' | 'q8';
  pooling: 'mean' | 'cls' | null;
  queryPrefix: string | null;
  documentPrefix: string | null;
  /** Longer texts are cut to this many tokens. */
  maxLength: number;
  /** Texts per inference call. */
  batchSize: number;
}

export const defaultDenseFirstStage: DenseFirstStageSettings = {
  model: 'Xenova/all-MiniLM-L6-v2',
  device: 'wasm',
  dtype: 'q8',
  pooling: null,
  queryPrefix: null,
  documentPrefix: null,
  maxLength: 256,
  batchSize: 16,
};
