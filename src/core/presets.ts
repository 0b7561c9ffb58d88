/**
 * Ready-made inputs, each teaching one thing about first stages and reranking.
 * `documents` is the raw text exactly as a person would paste it (JSON), so a preset exercises the parser too.
 * Relevance grades (0..3) are our own judgments, there so that metrics show up at once.
 * A preset's `defaults` set what its lesson tells the reader to look at (its top N, its k), so the lesson is
 * visible as soon as it loads; loading a preset restores the app defaults for everything it does not set.
 */
import type { FirstStageSource } from './ranking';
import type { Bm25Parameters } from './retrieval/bm25';
import type { TokenizerOptions } from './retrieval/tokenize';

/** The settings a preset may choose. */
export interface PresetSettings {
  topN: number;
  metricK: number;
  firstStage: FirstStageSource;
  bm25: Bm25Parameters & TokenizerOptions;
}

export interface PresetDefaults {
  topN?: number;
  metricK?: number;
  firstStage?: FirstStageSource;
  bm25?: Partial<Bm25Parameters & TokenizerOptions>;
}

export interface Preset {
  id: string;
  title: string;
  /** One paragraph: what to look at and what it shows. */
  lesson: string;
  query: string;
  /** The raw input text exactly as it would be pasted: JSON. */
  documents: string;
  /** Settings the lesson relies on; the app defaults apply to the rest. */
  defaults?: PresetDefaults;
}

/** The settings in force once `preset` is loaded: its own defaults over the app's, so presets never leak into each other. */
export function presetSettings(preset: Preset, app: PresetSettings): PresetSettings {
  const own = preset.defaults ?? {};
  return {
    topN: own.topN ?? app.topN,
    metricK: own.metricK ?? app.metricK,
    firstStage: own.firstStage ?? app.firstStage,
    bm25: { ...app.bm25, ...own.bm25 },
  };
}

interface PresetDocument {
  id: string;
  text: string;
  /** A first-stage retriever's score, when the preset has one. */
  score?: number;
  /** Graded relevance: 0 not relevant .. 3 highly relevant. */
  relevance: number;
}

const asPastedJson = (documents: readonly PresetDocument[]): string => JSON.stringify(documents, null, 2);

// Copied verbatim from the article the product grew from, "0.60" included.
const seedDocuments = `[
  {
    "id": "doc_101",
    "text": "Deep learning models are revolutionizing drug discovery by predicting molecular properties and designing novel compounds. Recent breakthroughs in generative adversarial networks (GANs) show promise for de novo drug design.",
    "score": 0.85
  },
  {
    "id": "doc_205",
    "text": "Artificial intelligence (AI) has been applied to various fields, including healthcare, finance, and autonomous driving. In healthcare, AI is used for diagnosis and personalized medicine.",
    "score": 0.72
  },
  {
    "id": "doc_312",
    "text": "The pharmaceutical industry is investing heavily in research and development. New drug candidates are constantly being screened using high-throughput methods.",
    "score": 0.65
  },
  {
    "id": "doc_450",
    "text": "Recent advancements in AI, particularly in natural language processing (NLP) and computer vision, are impacting many sectors. For instance, NLP is improving chatbots and translation services.",
    "score": 0.60
  }
]`;

const seedDrugDiscovery: Preset = {
  id: 'seed-drug-discovery',
  title: 'AI for drug discovery (the article\'s example)',
  lesson:
    'A retriever returned four documents for a question about AI in drug discovery. Only doc_101 is about both AI and drugs. ' +
    'doc_205 (0.72) and doc_450 (0.60) talk about AI in general, and doc_312 (0.65) is about drugs without AI. ' +
    'Rerank them: a cross-encoder reads the query and each document together, so it should keep doc_101 on top and push the generic ones down. ' +
    "A local cross-encoder's scores are raw logits: compare their order and gaps, not their size.",
  query: 'What are the latest advancements in AI for drug discovery?',
  documents: seedDocuments,
};

const keywordStuffing: Preset = {
  id: 'keyword-stuffing',
  title: 'Keyword stuffing fools BM25',
  lesson:
    'These documents carry no retriever scores, so the first stage is BM25. BM25 only counts words: the spam page "stuff_01" repeats ' +
    'every query word and comes first, although it says nothing about shoes for flat feet. The genuinely useful advice (stability shoes, ' +
    'medial posts, fallen arches) shares fewer words with the query and ranks lower. Lower k1 to 0: repetition stops counting, yet the spam ' +
    'still matches every query word and stays first. A cross-encoder reads the text as a whole, so it should demote the spam; ' +
    'compare P@1 and nDCG@1 before and after reranking (this example sets k = 1).',
  query: 'best running shoes for flat feet',
  defaults: { metricK: 1 },
  documents: asPastedJson([
    { id: 'stuff_01', text: 'Best running shoes for flat feet! Running shoes for flat feet, best flat feet running shoes, cheap running shoes, flat feet shoes. Buy the best running shoes for flat feet now!', relevance: 0 },
    { id: 'stuff_02', text: 'The best running routes in Boston follow the Charles River: ten flat, scenic miles with water fountains on the way.', relevance: 0 },
    { id: 'stuff_03', text: 'If you have flat feet, look for a stability shoe: a firm medial post and a supportive arch stop the ankle from rolling inward with every stride. Podiatrists often suggest the Brooks Adrenaline or the ASICS Kayano for runners with fallen arches.', relevance: 3 },
    { id: 'stuff_04', text: 'Overpronation, common in runners with low arches, is handled by motion-control trainers with a wide base and a dense foam wedge under the inner heel.', relevance: 3 },
    { id: 'stuff_05', text: 'Stability or neutral? Neutral trainers suit high arches, while stability models add medial support for low arches and overpronation.', relevance: 2 },
    { id: 'stuff_06', text: 'Custom orthotic insoles can turn a neutral trainer into a supportive one for people with fallen arches; bring the shoes you run in to the fitting.', relevance: 2 },
    { id: 'stuff_07', text: 'Barefoot running strengthens the small muscles of the foot, but runners with flat feet should make the switch slowly.', relevance: 1 },
    { id: 'stuff_08', text: 'Flat feet in young children usually need no treatment: most arches develop by the age of six.', relevance: 1 },
    { id: 'stuff_09', text: 'Our shoe store has the best prices in town, with free shipping on all orders over $50.', relevance: 0 },
    { id: 'stuff_10', text: 'Running a marathon: a 16-week training plan for beginners, from the first 5 km to race day.', relevance: 0 },
    { id: 'stuff_11', text: 'How to choose dress shoes for a wedding: leather, colour and the right fit.', relevance: 0 },
    { id: 'stuff_12', text: 'Tired feet after a long day on your feet? Five stretches that help.', relevance: 0 },
  ]),
};

const vocabularyMismatch: Preset = {
  id: 'vocabulary-mismatch',
  title: 'Vocabulary mismatch: the answer shares no words with the question',
  lesson:
    'No retriever scores here either, so the first stage is BM25. The best answer, "cool_10", talks about fan vents, thermal paste and a ' +
    'cooling pad for a notebook: it never says "laptop", "stop" or "overheating", so BM25 gives it 0 and ranks it near the bottom, ' +
    'below a document about stopping a laptop from going to sleep. Stemming and stopwords cannot help: no form of the query words is there. ' +
    'This is the gap that dense retrievers and cross-encoders close. Rerank with a top-N that reaches it, and watch it climb.',
  query: 'how do I stop my laptop from overheating',
  documents: asPastedJson([
    { id: 'cool_01', text: 'How do I stop my laptop from going to sleep when I close the lid? Change the lid close action in the power settings.', relevance: 0 },
    { id: 'cool_02', text: 'How to stop Windows updates from restarting my laptop in the middle of the night.', relevance: 0 },
    { id: 'cool_03', text: 'My phone keeps overheating in the sun. How do I cool it down quickly?', relevance: 0 },
    { id: 'cool_04', text: 'Laptop overheating is usually dust in the fan; cleaning it often fixes the problem.', relevance: 2 },
    { id: 'cool_05', text: 'Stop motion animation on a laptop: the best free apps for beginners.', relevance: 0 },
    { id: 'cool_06', text: 'Laptop buying guide: how much RAM do I need for school?', relevance: 0 },
    { id: 'cool_07', text: 'An engine overheating? Check the coolant level and the radiator fan before you drive on.', relevance: 0 },
    { id: 'cool_08', text: 'Gaming at high settings pushes a laptop GPU past 90 °C; lower graphics settings help.', relevance: 1 },
    { id: 'cool_09', text: 'Thermal throttling: when a notebook processor gets too hot, it slows itself down. Undervolting the CPU and capping frame rates keep temperatures in check.', relevance: 2 },
    { id: 'cool_10', text: 'Blow compressed air through the fan vents, replace the dried-out thermal paste on the CPU, and set the notebook on a cooling pad so air can circulate underneath.', relevance: 3 },
  ]),
};

const topNCut: Preset = {
  id: 'top-n-cut',
  title: 'The top-N cut: a reranker cannot rescue what it never sees',
  lesson:
    'A dense retriever scored these documents, and it put the only one that answers the question ("canberra_08": Canberra, seat of the ' +
    'federal government) at rank 8, behind documents that merely mention Sydney, Melbourne and Australia. Rerank with top-N = 5 ' +
    '(this example sets it, and k = 5): the reranker never reads the answer, so no reranker, however good, can bring it up, and ' +
    'Recall@5 stays at 0.25. Set top-N to 10 and rerank again: now a good reranker can lift Recall@5 to 1.00. ' +
    'The first stage sets the ceiling (recall); the reranker only improves the order (precision) within the top N. ' +
    'Switch the first stage to BM25 with stopwords removed: the answer never says "capital" or "Australia", so it scores 0 and sinks to the bottom.',
  query: 'What is the capital of Australia?',
  defaults: { topN: 5, metricK: 5 },
  documents: asPastedJson([
    { id: 'sydney_01', text: "Sydney is Australia's largest city, home to the Opera House and the Harbour Bridge.", score: 0.82, relevance: 0 },
    { id: 'melbourne_02', text: "Melbourne served as Australia's temporary seat of government from 1901 until 1927.", score: 0.79, relevance: 1 },
    { id: 'states_03', text: 'Australia is a federation of six states and two mainland territories.', score: 0.77, relevance: 0 },
    { id: 'capitals_04', text: "The capital cities of Australia's states include Brisbane, Perth, Adelaide and Hobart.", score: 0.74, relevance: 0 },
    { id: 'population_05', text: "Australia's population is about 27 million, most of it living near the coast.", score: 0.71, relevance: 0 },
    { id: 'wellington_06', text: 'Wellington is the capital of New Zealand.', score: 0.66, relevance: 0 },
    { id: 'parliament_07', text: 'Parliament House, opened in 1988, sits on Capital Hill.', score: 0.63, relevance: 1 },
    { id: 'canberra_08', text: 'Canberra was chosen as a compromise between Sydney and Melbourne, and it has been the seat of the federal government since 1927.', score: 0.58, relevance: 3 },
    { id: 'act_09', text: 'The Australian Capital Territory is home to about 460,000 people.', score: 0.52, relevance: 1 },
    { id: 'kangaroos_10', text: 'Kangaroos outnumber people in the Australian Capital Territory.', score: 0.47, relevance: 0 },
  ]),
};

const denseFirstStage: Preset = {
  id: 'dense-first-stage',
  title: 'Dense vs BM25: a first stage that understands paraphrase',
  lesson:
    'The three good answers ("eco_04": gentle driving burns less petrol per kilometre; "eco_05": tyres and the roof rack; "eco_10": ' +
    'idling) share no word with the question, so BM25 scores them 0 and ranks them last, under documents about car smells and biodiesel. ' +
    'This example starts on the dense first stage with top-N = 5: press Embed (all-MiniLM-L6-v2, about 23 MB, runs in your browser). ' +
    'A bi-encoder compares meanings, not words, so the answers rise above the top-5 cut. Switch the first stage to BM25 and back and ' +
    'follow the lines: under BM25 no reranker ever reads the answers; with dense, Rerank lets the cross-encoder order the five it sees. ' +
    'Try Hybrid too: RRF keeps what both retrievers agree on, and the weighted sum slides from BM25 (1) to dense (0).',
  query: 'how can I make my car use less fuel',
  defaults: { topN: 5, metricK: 5, firstStage: 'dense' },
  documents: asPastedJson([
    { id: 'eco_01', text: 'How can I make my car smell better? Use a vent clip air freshener.', relevance: 0 },
    { id: 'eco_02', text: 'Fuel prices rose again this week; diesel now costs more than petrol in most states.', relevance: 0 },
    { id: 'eco_03', text: 'Can I use my car battery to make coffee on a camping trip?', relevance: 0 },
    { id: 'eco_04', text: 'Driving gently, with smooth acceleration and early gear changes, lowers the amount of petrol a vehicle burns per kilometre.', relevance: 3 },
    { id: 'eco_05', text: "Properly inflated tyres and an empty roof rack cut a motorist's consumption at the pump.", relevance: 2 },
    { id: 'eco_06', text: 'How to use less water in the garden: mulch and drip irrigation.', relevance: 0 },
    { id: 'eco_07', text: "Make your own fuel: a beginner's guide to home-brewed biodiesel.", relevance: 0 },
    { id: 'eco_08', text: 'Electric car or hybrid? How much can I save on fuel?', relevance: 1 },
    { id: 'eco_09', text: 'My car makes a grinding noise when I brake. What can it be?', relevance: 0 },
    { id: 'eco_10', text: 'Idling for more than ten seconds wastes more petrol than restarting the engine.', relevance: 2 },
  ]),
};

export const presets: readonly Preset[] = [seedDrugDiscovery, keywordStuffing, vocabularyMismatch, topNCut, denseFirstStage];
