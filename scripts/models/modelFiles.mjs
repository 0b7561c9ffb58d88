// The non-graph files of a test model: config.json, tokenizer files, README, in a Hub repo's layout.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BERT_CONFIG = {
  model_type: 'bert',
  architectures: ['BertForSequenceClassification'],
  vocab_size: 30522,
  max_position_embeddings: 512,
  type_vocab_size: 2,
  pad_token_id: 0,
  hidden_act: 'gelu',
  layer_norm_eps: 1e-12,
};

export function labelConfig(labels) {
  const id2label = Object.fromEntries(Array.from({ length: labels }, (_, i) => [String(i), `LABEL_${i}`]));
  const label2id = Object.fromEntries(Object.entries(id2label).map(([id, label]) => [label, Number(id)]));
  return { id2label, label2id };
}

export function bertConfig(extra) {
  return { ...BERT_CONFIG, ...extra };
}

/**
 * The fixture tokenizer, made fit for a cross-encoder: no fixed 128 padding or truncation in
 * tokenizer.json (the app truncates pairs itself), model_max_length 512.
 */
export function tokenizerFiles(fixtureDir) {
  const tokenizer = JSON.parse(readFileSync(path.join(fixtureDir, 'tokenizer.json'), 'utf8'));
  tokenizer.truncation = null;
  tokenizer.padding = null;
  const tokenizerConfig = JSON.parse(readFileSync(path.join(fixtureDir, 'tokenizer_config.json'), 'utf8'));
  tokenizerConfig.model_max_length = 512;
  return { 'tokenizer.json': JSON.stringify(tokenizer), 'tokenizer_config.json': JSON.stringify(tokenizerConfig, null, 2) };
}

/** Writes `files` (relative path -> string or bytes) under `dir`. */
export function writeModel(dir, files) {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
