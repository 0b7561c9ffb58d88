import { describe, expect, it } from 'vitest';
import { MAX_QRELS_FILE_BYTES, qrelsFileTooLarge } from './qrelsFileLimit';

describe('qrelsFileTooLarge', () => {
  it('is 50 MB in decimal megabytes', () => {
    expect(MAX_QRELS_FILE_BYTES).toBe(50_000_000);
  });

  it('accepts a file of exactly 50,000,000 bytes', () => {
    expect(qrelsFileTooLarge({ name: 'qrels.txt', size: 50_000_000 }, '1')).toBeNull();
    expect(qrelsFileTooLarge({ name: 'empty.txt', size: 0 }, '1')).toBeNull();
  });

  it('refuses one byte more, naming the file, its size, the limit and what to do', () => {
    // 50,000,001 / 1e6 = 50.000001 -> "50.0 MB"; the limit 50,000,000 / 1e6 = 50 MB.
    expect(qrelsFileTooLarge({ name: 'qrels.test.tsv', size: 50_000_001 }, 'q7')).toBe(
      '"qrels.test.tsv" is 50.0 MB; the limit for a qrels file here is 50 MB, and it was not read. ' +
        'This import judges only the open query ("q7"): keep that query\'s lines of the file, ' +
        'or import the file with the query set (Import query set files…) to judge every query at once.',
    );
  });

  it('quotes file names and query ids named like Object members as they are', () => {
    // 123,456,789 / 1e6 = 123.456789 -> "123.5 MB".
    const message = qrelsFileTooLarge({ name: '__proto__', size: 123_456_789 }, 'constructor');
    expect(message).toMatch(/^"__proto__" is 123\.5 MB;/);
    expect(message).toContain('("constructor")');
  });
});
