import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeFields, rerankerSignature, scoreKey, scoreKeys } from './cacheKey';

const FORMAT = 'rerank-playground score key v1';

/** The key encoding rebuilt by hand: per field a 4-byte little-endian length in UTF-16 units, then UTF-16LE. */
function handBuiltKey(fields: string[]): string {
  const parts = fields.flatMap((field) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(field.length);
    return [length, Buffer.from(field, 'utf16le')];
  });
  return createHash('sha256').update(Buffer.concat(parts)).digest('base64url');
}

describe('rerankerSignature', () => {
  it('sorts the settings by name and keeps each value with its type', () => {
    const signature = rerankerSignature({ model: 'm', maxLength: 512, kind: 'local', quantized: true });
    // Sorted by name: kind < maxLength < model < quantized.
    expect(signature).toBe('[["kind","string","local"],["maxLength","number","512"],["model","string","m"],["quantized","boolean","true"]]');
  });

  it('does not depend on the order the settings were written in', () => {
    const a = rerankerSignature({ kind: 'cohere', baseUrl: '/api/cohere', model: 'rerank-v3.5', maxTokensPerDoc: 4096 });
    const b = rerankerSignature({ maxTokensPerDoc: 4096, model: 'rerank-v3.5', baseUrl: '/api/cohere', kind: 'cohere' });
    expect(a).toBe(b);
  });

  it('tells a number, a boolean and the same text apart', () => {
    const asNumber = rerankerSignature({ maxLength: 512 });
    const asText = rerankerSignature({ maxLength: '512' });
    expect(asNumber).not.toBe(asText);
    expect(rerankerSignature({ flag: true })).not.toBe(rerankerSignature({ flag: 'true' }));
  });

  it('changes when any setting changes', () => {
    const base = { kind: 'local', model: 'm', dtype: 'fp32', device: 'wasm', maxLength: 512 };
    expect(rerankerSignature(base)).not.toBe(rerankerSignature({ ...base, dtype: 'q8' }));
    expect(rerankerSignature(base)).not.toBe(rerankerSignature({ ...base, maxLength: 256 }));
  });
});

describe('scoreKey', () => {
  it('is SHA-256 of the length-prefixed fields, in base64url', async () => {
    const key = await scoreKey('sig', 'what is bm25', 'BM25 is a ranking function');
    expect(key).toBe(handBuiltKey([FORMAT, 'sig', 'what is bm25', 'BM25 is a ranking function']));
    // 32 bytes in base64url without padding: ceil(32 * 8 / 6) = 43 characters.
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives different keys to different splits of the same concatenation', async () => {
    const sig = 'sig';
    expect(await scoreKey(sig, 'a|b', 'c')).not.toBe(await scoreKey(sig, 'a', 'b|c'));
    expect(await scoreKey(sig, 'ab', 'c')).not.toBe(await scoreKey(sig, 'a', 'bc'));
    expect(await scoreKey(sig, '', 'abc')).not.toBe(await scoreKey(sig, 'abc', ''));
    // Text moved from the signature into the query.
    expect(await scoreKey('sigq', 'x', 'd')).not.toBe(await scoreKey('sig', 'qx', 'd'));
  });

  it('is the same for the same inputs, and tells lone surrogates apart (UTF-8 would make both U+FFFD)', async () => {
    expect(await scoreKey('s', 'q', 'd')).toBe(await scoreKey('s', 'q', 'd'));
    expect(await scoreKey('s', 'q', '\uD800')).not.toBe(await scoreKey('s', 'q', '\uDC00'));
  });

  it('scoreKeys keeps the documents order', async () => {
    const keys = await scoreKeys('s', 'q', ['d1', '__proto__']);
    expect(keys).toEqual([await scoreKey('s', 'q', 'd1'), await scoreKey('s', 'q', '__proto__')]);
  });
});

describe('encodeFields', () => {
  it('writes each field as its UTF-16 length then its code units, little-endian', () => {
    // "é" is one UTF-16 unit, U+00E9: length 1 -> 01 00 00 00, unit -> E9 00. "" -> 00 00 00 00.
    expect([...encodeFields(['é', ''])]).toEqual([1, 0, 0, 0, 0xe9, 0x00, 0, 0, 0, 0]);
  });
});
