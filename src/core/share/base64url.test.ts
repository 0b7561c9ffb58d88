import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('base64url', () => {
  it('encodes the RFC 4648 §10 test vectors, without padding', () => {
    // RFC 4648 §10: "" -> "", "f" -> "Zg==", "fo" -> "Zm8=", "foo" -> "Zm9v", ..., "foobar" -> "Zm9vYmFy".
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64url(bytesOf(plain))).toBe(encoded);
      const decoded = decodeBase64url(encoded);
      expect(decoded.ok && new TextDecoder().decode(decoded.bytes)).toBe(plain);
    }
  });

  it("uses '-' and '_' where base64 has '+' and '/'", () => {
    // 0xfb 0xff = 111110 111111 1111(00): 62, 63, 60 -> '-', '_', '8' (base64 would give "+/8=").
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    const decoded = decodeBase64url('-_8');
    expect(decoded.ok && [...decoded.bytes]).toEqual([0xfb, 0xff]);
  });

  it('round-trips every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const decoded = decodeBase64url(encodeBase64url(all));
    expect(decoded.ok && [...decoded.bytes]).toEqual([...all]);
  });

  it('names the first character outside the alphabet, with its position', () => {
    expect(decodeBase64url('Zm9v Ym')).toEqual({ ok: false, failure: { kind: 'bad-character', position: 4, character: ' ' } });
    expect(decodeBase64url('Zm+v')).toEqual({ ok: false, failure: { kind: 'bad-character', position: 2, character: '+' } });
    expect(decodeBase64url('Zm9v=')).toMatchObject({ ok: false, failure: { kind: 'bad-length' } });
    expect(decodeBase64url('Zm9vé')).toMatchObject({ ok: false, failure: { kind: 'bad-length' } });
    expect(decodeBase64url('Zm9vé_')).toEqual({ ok: false, failure: { kind: 'bad-character', position: 4, character: 'é' } });
  });

  it('refuses a length that no encoding produces (4k + 1 characters)', () => {
    expect(decodeBase64url('Zm9vY')).toEqual({ ok: false, failure: { kind: 'bad-length', length: 5 } });
  });
});

describe('decodeBase64url refuses non-canonical text', () => {
  // "AA" is one zero byte; its second character carries 2 data bits and 4 unused ones, which an encoder leaves 0.
  // "AB" sets an unused bit: same byte, but no encoder writes it, so a changed last character is caught.
  it('refuses unused bits that are set in the last character', () => {
    expect(decodeBase64url('AA')).toEqual({ ok: true, bytes: new Uint8Array([0]) });
    expect(decodeBase64url('AB')).toEqual({ ok: false, failure: { kind: 'bad-padding', position: 1 } });
    // "AAA" is two zero bytes with 2 unused bits; "AAB" sets one of them.
    expect(decodeBase64url('AAB')).toEqual({ ok: false, failure: { kind: 'bad-padding', position: 2 } });
  });
});
