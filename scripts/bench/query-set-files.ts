/**
 * Seeded query-set files for the query-set benchmarks, written to a temporary folder:
 * - a BEIR set: corpus.jsonl ({_id, title, text}), queries.jsonl ({_id, text}) and qrels/test.tsv
 *   (query-id, corpus-id, score). Each query is 6 words of one "target" document, which is judged 2, and two
 *   other documents are judged 1, so BM25 over the corpus finds something and the metrics have work to do.
 * - a query-JSONL set: one line per query, {query_id, query, documents: [{id, text, score, relevance}]}, every
 *   candidate judged (most 0), scores falling with the rank.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from './random';
import { words } from './rerank-corpus';

export interface BeirFiles {
  dir: string;
  /** In the order the importer is given them. */
  files: string[];
  queries: number;
}

const pick = (random: () => number, count: number): string[] => Array.from({ length: count }, () => words[Math.floor(random() * words.length)] as string);

function sentence(random: () => number, count: number): string {
  const text = pick(random, count).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function outDir(name: string): string {
  const dir = path.join(os.tmpdir(), 'rerank-playground-bench', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeBeirSet(options: { docs: number; queries: number; wordsPerDoc: number; seed?: number }): BeirFiles {
  const random = seededRandom(options.seed ?? 20240613);
  const dir = outDir(`beir-${options.docs}-${options.queries}-${options.wordsPerDoc}`);
  const docs = Array.from({ length: options.docs }, () => pick(random, options.wordsPerDoc));
  const corpus = docs.map((w, i) => JSON.stringify({ _id: `d${i + 1}`, title: '', text: `${w.join(' ')}.` }));
  const queries: string[] = [];
  const qrels = ['query-id\tcorpus-id\tscore'];
  for (let q = 1; q <= options.queries; q++) {
    const target = Math.floor(random() * options.docs);
    const from = docs[target] ?? [];
    const start = Math.floor(random() * Math.max(1, from.length - 6));
    queries.push(JSON.stringify({ _id: `q${q}`, text: from.slice(start, start + 6).join(' ') }));
    qrels.push(`q${q}\td${target + 1}\t2`);
    for (let extra = 0; extra < 2; extra++) qrels.push(`q${q}\td${1 + Math.floor(random() * options.docs)}\t1`);
  }
  mkdirSync(path.join(dir, 'qrels'), { recursive: true });
  const files = [path.join(dir, 'corpus.jsonl'), path.join(dir, 'queries.jsonl'), path.join(dir, 'qrels', 'test.tsv')];
  writeFileSync(files[0] as string, `${corpus.join('\n')}\n`);
  writeFileSync(files[1] as string, `${queries.join('\n')}\n`);
  writeFileSync(files[2] as string, `${qrels.join('\n')}\n`);
  return { dir, files, queries: options.queries };
}

export function writeJudgedQueryJsonl(options: { queries: number; candidates: number; wordsPerDoc: number; seed?: number }): string {
  const random = seededRandom(options.seed ?? 20240614);
  const lines: string[] = [];
  for (let q = 1; q <= options.queries; q++) {
    const documents = Array.from({ length: options.candidates }, (_, d) => {
      const relevant = random() < 0.05;
      return {
        id: `q${q}-d${d + 1}`,
        text: sentence(random, options.wordsPerDoc),
        score: Number((options.candidates - d + random()).toFixed(3)),
        relevance: relevant ? 1 + Math.floor(random() * 3) : 0,
      };
    });
    lines.push(JSON.stringify({ query_id: `q${q}`, query: pick(random, 5).join(' '), documents }));
  }
  const file = path.join(outDir(`jsonl-${options.queries}-${options.candidates}-${options.wordsPerDoc}`), 'judged-queries.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** `count` of the ids q1..qN, from the top, that are no substring of another id (q300, q299, ... but not q30). */
export function uniqueQueryIds(n: number, count: number): string[] {
  const ids = Array.from({ length: n }, (_, i) => `q${i + 1}`);
  return ids
    .reverse()
    .filter((id) => !ids.some((other) => other !== id && other.includes(id)))
    .slice(0, count);
}
