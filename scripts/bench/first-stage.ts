/**
 * First-stage benchmark: parse pasted JSON, build the BM25 index, score one query, rank,
 * on deterministic synthetic corpora of 1,000 and 10,000 documents.
 */
import { DEFAULT_PARSE_OPTIONS, parseDocuments } from '../../src/core/parse/index';
import { rankByScore } from '../../src/core/ranking';
import { buildBm25Index, scoreBm25 } from '../../src/core/retrieval/bm25';
import { defaultTokenizerOptions } from '../../src/core/retrieval/tokenize';
import type { Candidate } from '../../src/core/types';
import { bench } from './bench-config';
import { type BenchSection, defaultTiming, formatMs, medianMs, printTable, type TimingOptions } from './harness';
import { seededRandom } from './random';

const corpusSizes = bench.smoke ? ([100, 1_000] as const) : ([1_000, 10_000] as const);
const timing: TimingOptions = bench.smoke ? { warmupRuns: 0, runs: 1 } : defaultTiming;
const vocabularySize = 4_000;
const seed = 20240601;

// English-looking syllables and endings, so the Porter stemmer has suffixes to strip.
const syllables = ['ka', 'lo', 'mi', 'tra', 'ven', 'sor', 'pel', 'dun', 'ri', 'ost', 'gal', 'bre', 'fin', 'cho', 'ul', 'zep'];
const endings = ['', '', 's', 'ing', 'ed', 'ation', 'ness', 'ful', 'ment', 'ize', 'ly', 'er'];

function makeVocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < vocabularySize) {
    const count = 1 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < count; i++) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word + endings[Math.floor(random() * endings.length)]);
  }
  return [...words];
}

/** Samples word ranks with probability proportional to 1 / rank (Zipf, s = 1). */
function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

interface SyntheticCorpus {
  json: string;
  query: string;
}

/** `count` documents of 80..120 Zipf-distributed words each, as pasted JSON `[{id, text, score}]`. */
export function makeCorpus(count: number): SyntheticCorpus {
  const random = seededRandom(seed);
  const vocabulary = makeVocabulary(random);
  const nextRank = zipfSampler(vocabulary.length, random);
  const documents = Array.from({ length: count }, (_, i) => {
    const length = 80 + Math.floor(random() * 41);
    const words = Array.from({ length }, () => vocabulary[nextRank()]);
    return { id: `doc_${i + 1}`, text: words.join(' ') + '.', score: Math.round(random() * 1e4) / 1e4 };
  });
  // A frequent, two mid-frequency and a rare word: a query that touches many postings.
  const query = [10, 200, 800, 3000].map((rank) => vocabulary[rank]).join(' ');
  return { json: JSON.stringify(documents, null, 2), query };
}

interface StepTimes {
  parse: number;
  index: number;
  score: number;
  rank: number;
}

async function measure(count: number): Promise<StepTimes> {
  const { json, query } = makeCorpus(count);
  const parse = () => parseDocuments(json, DEFAULT_PARSE_OPTIONS).candidates;
  const candidates: Candidate[] = parse();
  if (candidates.length !== count) throw new Error(`parsed ${candidates.length} of ${count} documents`);
  const texts = candidates.map((c) => c.text);
  const index = buildBm25Index(texts, defaultTokenizerOptions);
  const scores = scoreBm25(index, query);
  return {
    parse: await medianMs(parse, timing),
    index: await medianMs(() => buildBm25Index(texts, defaultTokenizerOptions), timing),
    score: await medianMs(() => scoreBm25(index, query), timing),
    rank: await medianMs(() => rankByScore(candidates, scores, 'BM25'), timing),
  };
}

export const firstStageSection: BenchSection = {
  name: 'first stage (parse, BM25, rank)',
  async run() {
    // One size after the other: interleaved awaits would time the other size's work too.
    const small = await measure(corpusSizes[0]);
    const large = await measure(corpusSizes[1]);
    const steps: [string, keyof StepTimes][] = [
      ['parse JSON (parseDocuments)', 'parse'],
      ['build BM25 index (stem + stopwords)', 'index'],
      ['score one query (k1/b slider move)', 'score'],
      ['rank (rankByScore)', 'rank'],
    ];
    const total = (t: StepTimes) => t.parse + t.index + t.score + t.rank;
    const rows = steps.map(([label, key]) => [label, formatMs(small[key]), formatMs(large[key]), (large[key] / small[key]).toFixed(1)]);
    rows.push(['total', formatMs(total(small)), formatMs(total(large)), (total(large) / total(small)).toFixed(1)]);
    const [smallLabel, largeLabel] = corpusSizes.map((n) => `${n / 1000}k docs`);
    printTable([`step (median of ${timing.runs}, ms)`, smallLabel ?? '', largeLabel ?? '', 'ratio'], rows);
  },
};
