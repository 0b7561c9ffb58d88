import { describe, expect, it } from 'vitest';
import { filesOverSetLimit, MAX_SET_FILE_BYTES, setFilesTooLargeMessage } from './setFileLimit';

describe('the query set file limit', () => {
  it('is 200 MB in decimal megabytes, as the README says', () => {
    expect(MAX_SET_FILE_BYTES).toBe(200_000_000);
  });

  it('keeps a file of exactly 200,000,000 bytes and refuses one byte more', () => {
    const files = [
      { name: 'run.trec', size: 200_000_000 },
      { name: 'corpus.jsonl', size: 200_000_001 },
    ];
    expect(filesOverSetLimit(files).map((f) => f.name)).toEqual(['corpus.jsonl']);
  });

  it('names the file, its size and the limit in round megabytes, not 209.7152 MB', () => {
    // 250,000,000 bytes / 1e6 = 250.0 MB; the limit 200,000,000 / 1e6 = 200 MB.
    expect(setFilesTooLargeMessage([{ name: 'corpus.jsonl', size: 250_000_000 }])).toBe(
      `"corpus.jsonl" (250.0 MB) is over the 200 MB limit per file. Keep your retriever's top 100 per query in the run, or a smaller corpus.`,
    );
  });

  it('lists every file over the limit, with "are"', () => {
    // 200,000,001 / 1e6 = 200.000001 -> "200.0"; 1,234,567,890 / 1e6 = 1234.56789 -> "1234.6".
    const message = setFilesTooLargeMessage([
      { name: 'a.tsv', size: 200_000_001 },
      { name: '__proto__', size: 1_234_567_890 },
    ]);
    expect(message.startsWith('"a.tsv" (200.0 MB), "__proto__" (1234.6 MB) are over the 200 MB limit per file.')).toBe(true);
  });
});
