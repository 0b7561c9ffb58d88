import { describe, expect, it } from 'vitest';
import { formatFromFileName, MAX_FILE_BYTES, readDocumentsFile } from './readDroppedFile';

describe('formatFromFileName', () => {
  it('reads the format from the last extension, in any case', () => {
    expect(formatFromFileName('docs.JSON')).toBe('json');
    expect(formatFromFileName('docs.ndjson')).toBe('jsonl');
    expect(formatFromFileName('table.csv')).toBe('csv');
    expect(formatFromFileName('table.tsv')).toBe('tsv');
    expect(formatFromFileName('notes.txt')).toBe('text');
    expect(formatFromFileName('archive.csv.gz')).toBe('auto');
    expect(formatFromFileName('README')).toBe('auto');
  });

  it('lets the content decide for extensions named like Object members', () => {
    // With a plain object these found a function (constructor, toString) or Object.prototype (__proto__).
    for (const name of ['data.constructor', 'data.__proto__', 'data.toString', 'data.hasOwnProperty', 'data.valueOf']) {
      expect(formatFromFileName(name), name).toBe('auto');
    }
  });
});

describe('readDocumentsFile', () => {
  it('gives a file named data.__proto__ the format auto', async () => {
    const result = await readDocumentsFile(new File(['a\nb'], 'data.__proto__'));
    expect(result).toEqual({ ok: true, text: 'a\nb', format: 'auto', name: 'data.__proto__' });
  });

  it('refuses a file over the limit, in decimal megabytes as the README says', async () => {
    // A File claiming 100,000,001 bytes without holding them: only `size` is read before the refusal.
    const file = new File([''], 'big.jsonl');
    Object.defineProperty(file, 'size', { value: MAX_FILE_BYTES + 1 });
    const result = await readDocumentsFile(file);
    // 100,000,001 / 1e6 = 100.000001, shown as "100.0"; the limit 100,000,000 / 1e6 = 100.
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^"big\.jsonl" is 100\.0 MB; the limit is 100 MB\./) });
  });
});
