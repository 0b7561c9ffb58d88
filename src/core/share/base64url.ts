/**
 * base64url (RFC 4648 §5) without padding: the alphabet a URL fragment carries unchanged.
 * Written out rather than via btoa/atob, so that a bad character can be named with its position.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((char, i) => [char.charCodeAt(0), i]));

export function encodeBase64url(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(ALPHABET.charAt(triple >> 18), ALPHABET.charAt((triple >> 12) & 63));
    if (b !== undefined) out.push(ALPHABET.charAt((triple >> 6) & 63));
    if (c !== undefined) out.push(ALPHABET.charAt(triple & 63));
  }
  return out.join('');
}

export type Base64Failure =
  /** 0-based position of the first character outside the alphabet. */
  | { kind: 'bad-character'; position: number; character: string }
  /** A length no encoding produces (one character left over after the last group of four). */
  | { kind: 'bad-length'; length: number }
  /** The last character sets bits that carry no data: no encoder writes that, so a character was changed. */
  | { kind: 'bad-padding'; position: number };

export type Base64Decoded = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; failure: Base64Failure };

export function decodeBase64url(text: string): Base64Decoded {
  if (text.length % 4 === 1) return { ok: false, failure: { kind: 'bad-length', length: text.length } };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let written = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUE_OF.get(text.charCodeAt(i));
    if (value === undefined) return { ok: false, failure: { kind: 'bad-character', position: i, character: String.fromCodePoint(text.codePointAt(i) ?? 0) } };
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  // 2 or 4 bits are left over when the length is not a multiple of 4; an encoder leaves them 0.
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return { ok: false, failure: { kind: 'bad-padding', position: text.length - 1 } };
  return { ok: true, bytes: bytes.subarray(0, written) };
}
