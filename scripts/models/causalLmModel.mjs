// test/tiny-causal-reranker: a "causal LM" with no weights, shaped like Qwen3-Reranker's ONNX export, whose
// yes and no logits a test can work out by hand. transformers.js loads it as Qwen3ForCausalLM (model_type qwen3).
import { DataType } from './onnxProto.mjs';
import { GraphBuilder } from './graphBuilder.mjs';

/**
 * The vocabulary, in id order. Ids below FIRST_WORD_ID are the template's tokens, the answers and <unk>:
 * never "content". The tokenizer is word-level (WordPiece without sub-words, lower-cased, split on
 * whitespace and punctuation), so every word outside this list is <unk>.
 */
export const SPECIAL_TOKENS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<think>', '</think>', '<Instruct>:', '<Query>:', '<Document>:'];
export const CONTROL_WORDS = ['<unk>', 'yes', 'no'];
export const CONTENT_WORDS = [
  'apple', 'banana', 'bank', 'berlin', 'cat', 'code', 'dog', 'drug', 'discovery', 'fish', 'money', 'python',
  'river', 'snake', 'tea', 'water', 'paris', 'music', 'rain', 'stone', 'proto', 'constructor', 'tostring', 'filler',
];
export const VOCAB = [...SPECIAL_TOKENS, ...CONTROL_WORDS, ...CONTENT_WORDS];
export const TOKEN_ID = new Map(VOCAB.map((token, id) => [token, id]));
export const FIRST_WORD_ID = SPECIAL_TOKENS.length + CONTROL_WORDS.length; // 11
const id = (token) => TOKEN_ID.get(token);
export const IDS = {
  pad: id('<|endoftext|>'), imEnd: id('<|im_end|>'), thinkEnd: id('</think>'),
  query: id('<Query>:'), document: id('<Document>:'), yes: id('yes'), no: id('no'),
};
/** Every other vocabulary logit: above the answers, so softmax over the whole vocabulary gives other numbers. */
export const OTHER_LOGIT = 2;
/** yes − no at a position before the template's suffix (the question is not asked yet: a clear "no"). */
export const NO_SUFFIX_MARGIN = -4;

export const CAUSAL_FORMULA =
  'logits[b, t] over the vocabulary: "no" = 0, every token but "yes" and "no" = ' + `${OTHER_LOGIT}, and "yes" = d(t), where ` +
  'd(t) = 0 at a padding position (attention_mask 0); otherwise, once the "</think>" after the document has been seen (at or ' +
  `before t), d(t) = the number of document-part positions up to t whose token also occurs in the query part; before that, d(t) = ${NO_SUFFIX_MARGIN}. ` +
  'The query part lies between "<Query>:" and "<Document>:", the document part between "<Document>:" and the next "<|im_end|>". ' +
  `Only word tokens count (id >= ${FIRST_WORD_ID}: not <unk>, "yes", "no" or the template's tokens). So at the prompt's last token ` +
  'P(yes) = softmax([yes, no])[0] = 1 / (1 + e^(-matches)). Causal: position t sees positions <= t only.';

/**
 * Builds the graph: inputs input_ids, attention_mask, position_ids ([batch, sequence], int64, as Qwen3's export
 * has, without its past_key_values, which a single forward pass does not need); output logits [batch, sequence, vocab].
 * All arithmetic is on small integers in float32, so the logits are exact.
 */
export function buildCausalLmModel() {
  const g = new GraphBuilder();
  for (const name of ['input_ids', 'attention_mask', 'position_ids']) g.input(name, DataType.INT64, ['batch_size', 'sequence_length']);
  g.output('logits', DataType.FLOAT, ['batch_size', 'sequence_length', VOCAB.length]);

  const one = g.scalar('one', 1);
  const zero = g.scalar('zero', 0);
  const axis1Scalar = g.int64s('axis_1_scalar', [], [1]);
  const axis1 = g.int64s('axis_1', [1], [1]);
  const axis2 = g.int64s('axis_2', [1], [2]);
  const isToken = (token, name) => g.op('Cast', [g.op('Equal', ['input_ids', g.int64s(name, [], [token])])], { to: DataType.FLOAT });
  const cumsum = (x) => g.op('CumSum', [x, axis1Scalar]); // inclusive, along the sequence: causal by construction
  const atMostOne = (x) => g.op('Min', [x, one]);

  const attended = g.op('Cast', ['attention_mask'], { to: DataType.FLOAT });
  const isWord = g.op('Cast', [g.op('Greater', ['input_ids', g.int64s('last_control_id', [], [FIRST_WORD_ID - 1])])], { to: DataType.FLOAT });
  const words = g.op('Mul', [isWord, attended]);
  const queryMarkSeen = atMostOne(cumsum(isToken(IDS.query, 'query_mark_id')));
  const documentMarkSeen = atMostOne(cumsum(isToken(IDS.document, 'document_mark_id')));
  const endAfterDocument = g.op('Mul', [isToken(IDS.imEnd, 'im_end_id'), documentMarkSeen]);
  const documentEnded = atMostOne(cumsum(endAfterDocument));
  const inQuery = g.op('Relu', [g.op('Sub', [queryMarkSeen, documentMarkSeen])]);
  const inDocument = g.op('Relu', [g.op('Sub', [documentMarkSeen, documentEnded])]);
  const queryWords = g.op('Mul', [words, inQuery]); // [B, S]
  const documentWords = g.op('Mul', [words, inDocument]); // [B, S]

  // same[b, i, j] = 1 when tokens i and j are equal; inQueryPart[b, j] = some query word equals token j.
  const same = g.op('Cast', [g.op('Equal', [g.op('Unsqueeze', ['input_ids', axis2]), g.op('Unsqueeze', ['input_ids', axis1])])], { to: DataType.FLOAT });
  const sameAsQueryWord = g.op('Mul', [same, g.op('Unsqueeze', [queryWords, axis2])]); // rows i: query words
  const occursInQuery = g.op('ReduceMax', [sameAsQueryWord], { axes: [1], keepdims: 0 }); // [B, S] over j
  const matchesSoFar = cumsum(g.op('Mul', [occursInQuery, documentWords]));
  const suffixSeen = atMostOne(cumsum(g.op('Mul', [isToken(IDS.thinkEnd, 'think_end_id'), documentEnded])));
  const beforeSuffix = g.op('Mul', [g.op('Sub', [one, suffixSeen]), g.scalar('no_suffix_margin', NO_SUFFIX_MARGIN)]);
  const answered = g.op('Add', [g.op('Mul', [suffixSeen, matchesSoFar]), beforeSuffix]);
  // position_ids are read (times 0) so that the session asks for them as Qwen3's does: transformers.js then builds them.
  const positionsRead = g.op('Mul', [g.op('Cast', ['position_ids'], { to: DataType.FLOAT }), zero]);
  const yesMinusNo = g.op('Add', [g.op('Mul', [answered, attended]), positionsRead]); // [B, S]

  const yesOneHot = g.floats('yes_one_hot', [VOCAB.length], VOCAB.map((_, i) => (i === IDS.yes ? 1 : 0)));
  const base = g.floats('base_logits', [VOCAB.length], VOCAB.map((_, i) => (i === IDS.yes || i === IDS.no ? 0 : OTHER_LOGIT)));
  const logits = g.op('Add', [g.op('Mul', [g.op('Unsqueeze', [yesMinusNo, axis2]), yesOneHot]), base]);
  g.rename(logits, 'logits');
  return g.encode({ name: 'tiny_causal_reranker', docString: CAUSAL_FORMULA });
}

/** The same formula in plain JS: yes − no at every position of one row (for checking the graph). */
export function causalYesMinusNo(inputIds, attentionMask) {
  let queryMark = false;
  let documentMark = false;
  let documentEnded = false;
  let suffixSeen = false;
  const queryWords = new Set();
  inputIds.forEach((token, t) => {
    if (token === IDS.query) queryMark = true;
    if (token === IDS.document) documentMark = true;
    if (attentionMask[t] === 1 && token >= FIRST_WORD_ID && queryMark && !documentMark) queryWords.add(token);
  });
  documentMark = false;
  let matches = 0;
  return inputIds.map((token, t) => {
    if (token === IDS.document) documentMark = true;
    if (token === IDS.imEnd && documentMark) documentEnded = true;
    if (token === IDS.thinkEnd && documentEnded) suffixSeen = true;
    const inDocument = documentMark && !documentEnded;
    if (attentionMask[t] === 1 && token >= FIRST_WORD_ID && inDocument && queryWords.has(token)) matches += 1;
    if (attentionMask[t] !== 1) return 0;
    return suffixSeen ? matches : NO_SUFFIX_MARGIN;
  });
}

function tokenizerJson() {
  const addedToken = (content) => ({ id: id(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(addedToken),
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    // Word-level: WordPiece without "##" pieces maps a whole word to its id, or to <unk>.
    model: { type: 'WordPiece', unk_token: '<unk>', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(TOKEN_ID) },
  };
}

/** config.json, generation_config.json and the tokenizer files, as a Hub repo of Qwen3-Reranker has them. */
export function causalLmModelFiles() {
  const config = {
    model_type: 'qwen3',
    architectures: ['Qwen3ForCausalLM'],
    vocab_size: VOCAB.length,
    hidden_size: 1,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    num_key_value_heads: 1,
    head_dim: 1,
    max_position_embeddings: 32768,
    eos_token_id: IDS.imEnd,
    pad_token_id: IDS.pad,
    test_model: { formula: CAUSAL_FORMULA },
  };
  const tokenizerConfig = {
    tokenizer_class: 'Qwen2Tokenizer',
    model_max_length: 32768,
    padding_side: 'left',
    pad_token: '<|endoftext|>',
    eos_token: '<|im_end|>',
    unk_token: '<unk>',
    clean_up_tokenization_spaces: false,
  };
  const graph = buildCausalLmModel();
  return {
    'config.json': JSON.stringify(config, null, 2),
    'generation_config.json': JSON.stringify({ eos_token_id: IDS.imEnd, pad_token_id: IDS.pad }, null, 2),
    'tokenizer.json': JSON.stringify(tokenizerJson()),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig, null, 2),
    'onnx/model.onnx': graph,
    'onnx/model_quantized.onnx': graph,
  };
}
