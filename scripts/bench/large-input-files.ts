/**
 * Seeded large inputs for the large-input benchmarks (issue 12): many one-line documents, one huge document, and
 * plain-text files of a given size, written to a temporary folder for the file input. Every character is ASCII,
 * so a text's length is its size in bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from './random';
import { words } from './rerank-corpus';

/** The query the large-input sections type: words the documents hold, so BM25 has postings to score. */
export const largeInputQuery = 'neural ranking of search results';

function wordSource(seed: number): () => string {
  const random = seededRandom(seed);
  return () => words[Math.floor(random() * words.length)] as string;
}

/** `count` documents of `wordsPerDoc` words, one per line. */
export function manyDocuments(count: number, wordsPerDoc: number, seed = 20240614): string {
  const next = wordSource(seed);
  return Array.from({ length: count }, () => Array.from({ length: wordsPerDoc }, next).join(' ')).join('\n');
}

/** One document (one line, no blank line) of exactly `bytes` characters. */
export function oneDocument(bytes: number, seed = 20240615): string {
  const next = wordSource(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = next();
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ').slice(0, bytes);
}

/** Documents of about 100 words, one per line, adding up to exactly `bytes` characters; and how many there are. */
export function documentsOfSize(bytes: number, seed = 20240616): { text: string; docs: number } {
  const next = wordSource(seed);
  const lines: string[] = [];
  let length = 0;
  while (length < bytes) {
    const line = Array.from({ length: 100 }, next).join(' ');
    lines.push(line);
    length += line.length + 1;
  }
  // Trim the last line so the total is exact; it keeps at least one word, so the count stays right.
  const text = lines.join('\n').slice(0, bytes);
  return { text, docs: lines.length };
}

/** Writes `text` to the bench's temporary folder as `name`; returns the path. */
export function writeInputFile(name: string, text: string): string {
  const dir = path.join(os.tmpdir(), 'rerank-playground-bench', 'large-input');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
