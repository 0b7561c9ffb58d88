import { describe, expect, it } from 'vitest';
import { crc32, crc32Hex } from './crc32';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('gives the published check values', () => {
    // The CRC-32/ISO-HDLC "check" value (CRC catalogue) is that of "123456789": 0xCBF43926.
    expect(crc32(bytesOf('123456789'))).toBe(0xcbf43926);
    // No bytes: the initial 0xFFFFFFFF xor the final 0xFFFFFFFF.
    expect(crc32(new Uint8Array())).toBe(0);
    // "The quick brown fox jumps over the lazy dog" -> 0x414FA339 (the value zlib's crc32 gives).
    expect(crc32Hex(bytesOf('The quick brown fox jumps over the lazy dog'))).toBe('414fa339');
  });

  it('pads to eight hex digits', () => {
    // crc32("a") = 0xE8B7BE43 and crc32 of one 0x00 byte = 0xD202EF8D (published values); no bytes give 0.
    expect(crc32Hex(bytesOf('a'))).toBe('e8b7be43');
    expect(crc32Hex(new Uint8Array([0]))).toBe('d202ef8d');
    expect(crc32Hex(new Uint8Array())).toBe('00000000');
  });
});
