/**
 * The bi-encoders offered for a dense first stage: query and documents are embedded apart, pooled,
 * L2-normalized, and ranked by cosine (a dot product once normalized). Each model needs its own pooling
 * and prefixes; getting them wrong quietly costs quality, so they live here with where they come from.
 * Sizes are the ONNX files in each Xenova repo's onnx/ folder (model.onnx, model_fp16.onnx,
 * model_quantized.onnx), as listed on the Hub.
 */
import type { ModelDtype } from './catalog';

export type Pooling = 'mean' | 'cls';

export interface DenseSettings {
  /** 'mean': the average of the token vectors (padding excluded); 'cls': the first token's vector. */
  readonly pooling: Pooling;
  /** L2-normalize the pooled vector, so that a dot product is the cosine. */
  readonly normalize: boolean;
  /** Put before the query text (with its trailing space, if any). */
  readonly queryPrefix: string;
  /** Put before each document text. */
  readonly documentPrefix: string;
}

export interface DenseCatalogModel {
  /** Hub id. */
  readonly id: string;
  readonly label: string;
  /** Download in MB per available dtype. */
  readonly approxSizeMB: Partial<Record<ModelDtype, number>>;
  readonly languages: string;
  readonly licence: string;
  /** The longest input, in tokens, the model was made for. */
  readonly maxLength: number;
  readonly settings: DenseSettings;
  /** Where the pooling and prefixes were checked. */
  readonly settingsSource: string;
  readonly note: string;
  readonly default?: true;
  /** A generated model for the app's own tests (test-models/). */
  readonly test?: true;
}

export const DENSE_CATALOG: readonly DenseCatalogModel[] = [
  {
    // Card (sentence-transformers/all-MiniLM-L6-v2): mean pooling, then normalize; "By default, input text
    // longer than 256 word pieces is truncated." Licence apache-2.0 in the card's metadata. No prefixes.
    id: 'Xenova/all-MiniLM-L6-v2',
    label: 'all-MiniLM-L6-v2',
    approxSizeMB: { fp32: 90.4, fp16: 45.3, q8: 23 },
    languages: 'English',
    licence: 'Apache-2.0',
    maxLength: 256,
    settings: { pooling: 'mean', normalize: true, queryPrefix: '', documentPrefix: '' },
    settingsSource: 'https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2',
    note: 'Small and fast (22.7M parameters), trained for sentence similarity; texts past 256 tokens are cut.',
    default: true,
  },
  {
    // FlagEmbedding README (github.com/FlagOpen/FlagEmbedding): the model list gives bge-small-en-v1.5 the
    // query instruction `Represent this sentence for searching relevant passages: ` ("the instruction is not
    // needed for passages"); research/baai_general_embedding/README.md: "BGE uses the last hidden state of
    // [cls] as the sentence embedding ... If you use mean pooling, there will be a significant decrease in
    // performance." Examples normalize. FlagEmbedding is MIT; the MTEB table lists sequence length 512.
    id: 'Xenova/bge-small-en-v1.5',
    label: 'BGE small en v1.5',
    approxSizeMB: { fp32: 133, fp16: 66.7, q8: 34 },
    languages: 'English',
    licence: 'MIT',
    maxLength: 512,
    settings: {
      pooling: 'cls',
      normalize: true,
      queryPrefix: 'Represent this sentence for searching relevant passages: ',
      documentPrefix: '',
    },
    settingsSource: 'https://github.com/FlagOpen/FlagEmbedding#model-list',
    note: 'CLS pooling, and an instruction before queries only (33.4M parameters).',
  },
  {
    // microsoft/unilm e5/model_config.py: 'e5-small-v2': 'avg' pooling, prefix type 'query_or_passage';
    // e5/mteb_beir_eval.py: 'query: {}' for queries and 'passage: {}' for documents, max_length=512.
    // The card (intfloat/e5-small-v2) normalizes its embeddings; licence mit in its metadata.
    id: 'Xenova/e5-small-v2',
    label: 'E5 small v2',
    approxSizeMB: { fp32: 133, fp16: 66.7, q8: 34 },
    languages: 'English',
    licence: 'MIT',
    maxLength: 512,
    settings: { pooling: 'mean', normalize: true, queryPrefix: 'query: ', documentPrefix: 'passage: ' },
    settingsSource: 'https://github.com/microsoft/unilm/blob/master/e5/mteb_beir_eval.py',
    note: 'Mean pooling with "query: " and "passage: " prefixes; without them quality drops (33.4M parameters).',
  },
];

/** Generated models served from /models/test/, for tests; offered in the picker after the real ones. */
export const DENSE_TEST_MODELS: readonly DenseCatalogModel[] = [
  {
    id: 'test/bi-encoder',
    label: 'Test: bi-encoder with known embeddings',
    approxSizeMB: { fp32: 0.01 },
    languages: 'English (BERT vocabulary)',
    licence: 'Apache-2.0 (tokenizer); generated graph',
    maxLength: 512,
    settings: { pooling: 'mean', normalize: true, queryPrefix: '', documentPrefix: '' },
    settingsSource: 'test-models/README.md (this repository)',
    note: 'Embeddings follow a formula worked by hand in test-models/README.md. For tests.',
    test: true,
  },
];

export const DEFAULT_DENSE_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';

/** For a Hub id the catalog does not know: plain sentence-transformers style. */
export const UNKNOWN_DENSE_SETTINGS: DenseSettings = { pooling: 'mean', normalize: true, queryPrefix: '', documentPrefix: '' };

export function findDenseModel(id: string): DenseCatalogModel | undefined {
  const trimmed = id.trim();
  return DENSE_CATALOG.find((model) => model.id === trimmed) ?? DENSE_TEST_MODELS.find((model) => model.id === trimmed);
}

/**
 * Pooling, normalization and prefixes for any Hub id: the catalog's for a known model, else mean pooling,
 * normalized, no prefixes. Each field of `overrides` that is set replaces the looked-up one, so a user can
 * fix an unknown model (or experiment with a known one, e.g. drop E5's prefixes to see what they are worth).
 */
export function denseSettingsFor(id: string, overrides: Partial<DenseSettings> = {}): DenseSettings {
  const base = findDenseModel(id)?.settings ?? UNKNOWN_DENSE_SETTINGS;
  return {
    pooling: overrides.pooling ?? base.pooling,
    normalize: overrides.normalize ?? base.normalize,
    queryPrefix: overrides.queryPrefix ?? base.queryPrefix,
    documentPrefix: overrides.documentPrefix ?? base.documentPrefix,
  };
}

/** The text to embed for a query or a document: its prefix, then the text. */
export function denseInput(settings: DenseSettings, role: 'query' | 'document', text: string): string {
  return (role === 'query' ? settings.queryPrefix : settings.documentPrefix) + text;
}
