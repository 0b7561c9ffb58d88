import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { DetectedFormat } from './types';

const COUNT = 10_000;
const WORDS = ['retrieval', 'ranking', 'model', 'query', 'document', 'score', 'neural', 'index', 'search', 'relevance'];

/** About 100 words, with a comma and a quote so CSV quoting is exercised. */
function documentText(n: number): string {
  const words = Array.from({ length: 100 }, (_, i) => WORDS[(n + i * 7) % WORDS.length]);
  return `Doc ${n}, "quoted" ${words.join(' ')}.`;
}

function csvField(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function generate(format: DetectedFormat): string {
  const ids = Array.from({ length: COUNT }, (_, i) => i + 1);
  switch (format) {
    case 'text':
      return ids.map((n) => documentText(n)).join('\n');
    case 'json':
      return JSON.stringify(ids.map((n) => ({ id: `d${n}`, text: documentText(n), score: n / COUNT })));
    case 'jsonl':
      return ids.map((n) => JSON.stringify({ id: `d${n}`, text: documentText(n), score: n / COUNT })).join('\n');
    case 'csv':
      return ['id,text,score', ...ids.map((n) => `d${n},${csvField(documentText(n))},${n / COUNT}`)].join('\n');
    case 'tsv':
      return ['id\ttext\tscore', ...ids.map((n) => `d${n}\t${csvField(documentText(n))}\t${n / COUNT}`)].join('\n');
  }
}

describe('parseDocuments at scale', () => {
  it.each(['text', 'json', 'jsonl', 'csv', 'tsv'] as const)('reads 10,000 documents of about 100 words as %s', (format) => {
    const raw = generate(format);
    const result = parseDocuments(raw, { format: 'auto', textMode: 'auto', fields: {} });
    expect(result.format).toBe(format);
    expect(result.issues).toEqual([]);
    expect(result.candidates).toHaveLength(COUNT);
    expect(result.candidates[9_999]?.text).toBe(documentText(10_000));
  });
});
