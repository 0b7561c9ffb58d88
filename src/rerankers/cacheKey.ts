/**
 * Keys of the score cache: a score depends on the reranker with every setting that changes it,
 * the query text and the document text, and on nothing else.
 */

/** The settings of a reranker that change its scores, e.g. {kind: 'local', model, dtype, device, maxLength}. */
export type SignatureParts = Record<string, string | number | boolean>;

/** Bumped when the key encoding changes, so old entries are simply never found again. */
const KEY_FORMAT = 'rerank-playground score key v1';

/**
 * A stable description of a reranker: settings sorted by name (code-unit order, the same in every browser),
 * each with its type, so 512 and "512" and true and "true" never meet.
 * Example: {model: 'm', maxLength: 512} -> [["maxLength","number","512"],["model","string","m"]].
 */
export function rerankerSignature(parts: SignatureParts): string {
  const entries = Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries.map(([name, value]) => [name, typeof value, String(value)]));
}

/**
 * The cache key of one (reranker, query, document): SHA-256 of the three strings, each prefixed by its length,
 * so ("a|b", "c") and ("a", "b|c") give different keys. Returned as base64url (43 characters).
 * Strings are hashed as UTF-16 code units, not UTF-8: UTF-8 would turn every lone surrogate into U+FFFD,
 * and two different texts would then share a key.
 */
export async function scoreKey(signature: string, query: string, docText: string): Promise<string> {
  const digest = await subtleCrypto().digest('SHA-256', encodeFields([KEY_FORMAT, signature, query, docText]));
  return toBase64Url(new Uint8Array(digest));
}

/** The keys of many documents for one query, in the documents' order. */
export function scoreKeys(signature: string, query: string, docTexts: readonly string[]): Promise<string[]> {
  return Promise.all(docTexts.map((text) => scoreKey(signature, query, text)));
}

/**
 * Each field as a 4-byte little-endian count of UTF-16 code units, then those code units little-endian.
 * Exported for the test that rebuilds these bytes by hand.
 */
export function encodeFields(fields: readonly string[]): Uint8Array<ArrayBuffer> {
  const total = fields.reduce((sum, field) => sum + 4 + 2 * field.length, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const field of fields) {
    view.setUint32(offset, field.length, true);
    offset += 4;
    for (let i = 0; i < field.length; i++) {
      view.setUint16(offset, field.charCodeAt(i), true);
      offset += 2;
    }
  }
  return bytes;
}

function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error(
      'Scores cannot be cached: this page has no crypto.subtle, which browsers offer only on secure pages. ' +
        'Open the playground over https or from localhost.',
    );
  }
  return subtle;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
