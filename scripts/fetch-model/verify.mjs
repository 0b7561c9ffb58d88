// Checks a downloaded file against what the Hub lists: its size, and its sha256 (LFS files) or git blob id (small
// files kept in git). The hash is computed while the bytes stream in, so no file is read twice after a download.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * @typedef {{ size: number, sha256?: string, gitOid?: string }} Expected
 * @typedef {{ ok: true, checked: string } | { ok: false, what: string, expected: string, actual: string }} Verdict
 */

/**
 * A running check of one file's bytes.
 * @param {Expected} expected
 */
export function createVerifier(expected) {
  let hash;
  let algorithm;
  if (expected.sha256) {
    hash = createHash('sha256');
    algorithm = 'sha256';
  } else if (expected.gitOid) {
    // A git blob id is the sha1 of "blob <size>\0" and the content.
    hash = createHash('sha1').update(`blob ${expected.size}\0`);
    algorithm = 'git blob sha1';
  }
  let bytes = 0;
  return {
    /** @param {Uint8Array} chunk */
    update(chunk) {
      bytes += chunk.length;
      hash?.update(chunk);
    },
    /** @returns {Verdict} */
    verdict() {
      if (bytes !== expected.size) return { ok: false, what: 'size', expected: `${expected.size} bytes`, actual: `${bytes} bytes` };
      if (!hash) return { ok: true, checked: 'size' };
      const want = expected.sha256 ?? expected.gitOid ?? '';
      const got = hash.digest('hex');
      return got === want ? { ok: true, checked: `size and ${algorithm}` } : { ok: false, what: algorithm, expected: want, actual: got };
    },
  };
}

/**
 * Feeds a file's bytes (or its first `end` bytes) to a verifier.
 * @param {string} file
 * @param {{ update(chunk: Uint8Array): void }} verifier
 * @param {AbortSignal} [signal]
 */
export async function feedFile(file, verifier, signal) {
  for await (const chunk of createReadStream(file, { signal })) verifier.update(chunk);
}

/**
 * The verdict on a file already on disk, or null when there is none.
 * @param {string} file
 * @param {Expected} expected
 * @param {AbortSignal} [signal]
 * @returns {Promise<Verdict | null>}
 */
export async function verifyFileOnDisk(file, expected, signal) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  // A wrong size needs no hashing.
  if (info.size !== expected.size) return { ok: false, what: 'size', expected: `${expected.size} bytes`, actual: `${info.size} bytes` };
  const verifier = createVerifier(expected);
  await feedFile(file, verifier, signal);
  return verifier.verdict();
}
