/**
 * Deterministic English-ish documents for the cross-encoder benchmark. Every word below is one WordPiece
 * token in bert-base-uncased and so is every punctuation mark, so a document's token count is simply its
 * word count plus its punctuation count (rerank-corpus.test.ts checks that with the real tokenizer).
 */
import { seededRandom } from './random';

/** Single-token words (bert-base-uncased): the bench's documents and query sets are made of them. */
export const words = (
  'the of and to in a is that for it as with was on be by this are from or at which an have not has can more ' +
  'their other also these they its when some into than most many such only used over time between first new both ' +
  'each then may well where after through data model search query document result results system user users ' +
  'ranking retrieval score text page method approach work study paper information language neural network training ' +
  'test set example large small number different important based using however while because within without across ' +
  'during against among under before since although recent general common simple strong better best high low long ' +
  'short fast slow good useful relevant quality order list review question answer source report value level process ' +
  'problem field research book article library web content context reader find show make take give need help keep ' +
  'run move change compare measure improve increase reduce learn train evaluate match rank sort point part case ' +
  'group term word line form way year day people city country world water energy health food market price cost ' +
  'service company team game music film history science school student teacher class'
).split(' ');

export const benchQuery = 'how do neural rerankers improve the ranking of search results for long documents';

export interface CorpusOptions {
  docs: number;
  /** Mean tokens per document (no special tokens); each document is within ±10% of it. */
  tokensPerDoc: number;
  seed: number;
}

export const defaultCorpus: CorpusOptions = { docs: 100, tokensPerDoc: 200, seed: 20240612 };

/** One document of exactly `tokens` tokens: sentences of 6 to 17 words, a comma now and then, a full stop each. */
function makeDocument(tokens: number, random: () => number): string {
  const sentences: string[][] = [];
  let sentence: string[] = [];
  let count = 0;
  let target = 6 + Math.floor(random() * 12);
  while (count < tokens) {
    const remaining = tokens - count;
    // Close on the last token, or at the sentence's length unless that would leave a lone full stop.
    if (remaining === 1 || (sentence.length >= target && remaining !== 2)) {
      sentences.push(sentence);
      sentence = [];
      target = 6 + Math.floor(random() * 12);
      count += 1;
      continue;
    }
    let word = words[Math.floor(random() * words.length)] as string;
    count += 1;
    if (sentence.length > 1 && sentence.length < target - 2 && remaining > 3 && random() < 0.08) {
      word += ',';
      count += 1;
    }
    sentence.push(word);
  }
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return sentences.map((s) => `${capitalised(s.join(' '))}.`).join(' ');
}

/** Token count the generator aimed at for each document, in order (the test compares with the tokenizer). */
export function plannedTokenCounts(options: CorpusOptions = defaultCorpus): number[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.docs }, () => Math.round(options.tokensPerDoc * (0.9 + 0.2 * random())));
}

export function makeCorpus(options: CorpusOptions = defaultCorpus): string[] {
  const random = seededRandom(options.seed + 1);
  return plannedTokenCounts(options).map((tokens) => makeDocument(tokens, random));
}
