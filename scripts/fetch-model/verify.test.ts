import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVerifier, verifyFileOnDisk } from './verify.mjs';

// Known digests, from outside this code:
// sha256("abc") is the FIPS 180-2 example value;
// `printf 'hello\n' | git hash-object --stdin` prints ce013625030ba8dba906f756967f9e9ca394464a;
// git's empty blob is e69de29bb2d1d6434b8b29ae775ad8c2e48c5391.
const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const GIT_HELLO = 'ce013625030ba8dba906f756967f9e9ca394464a';
const GIT_EMPTY = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';
const bytes = (text: string) => new TextEncoder().encode(text);

describe('createVerifier', () => {
  it('checks sha256 over chunks fed in pieces', () => {
    const verifier = createVerifier({ size: 3, sha256: SHA256_ABC });
    verifier.update(bytes('a'));
    verifier.update(bytes('bc'));
    expect(verifier.verdict()).toEqual({ ok: true, checked: 'size and sha256' });
  });

  it('reports a sha256 mismatch with both values', () => {
    const verifier = createVerifier({ size: 3, sha256: SHA256_ABC });
    verifier.update(bytes('abd'));
    const verdict = verifier.verdict();
    expect(verdict).toMatchObject({ ok: false, what: 'sha256', expected: SHA256_ABC });
    expect(verdict.ok === false && verdict.actual).not.toBe(SHA256_ABC);
  });

  it('checks the git blob id of a file kept in git', () => {
    const verifier = createVerifier({ size: 6, gitOid: GIT_HELLO });
    verifier.update(bytes('hello\n'));
    expect(verifier.verdict()).toEqual({ ok: true, checked: 'size and git blob sha1' });
    expect(createVerifier({ size: 0, gitOid: GIT_EMPTY }).verdict()).toEqual({ ok: true, checked: 'size and git blob sha1' });
  });

  it('reports a wrong size before any hash', () => {
    const verifier = createVerifier({ size: 4, sha256: SHA256_ABC });
    verifier.update(bytes('abc'));
    expect(verifier.verdict()).toEqual({ ok: false, what: 'size', expected: '4 bytes', actual: '3 bytes' });
  });

  it('checks only the size when the Hub gives no hash', () => {
    const verifier = createVerifier({ size: 3 });
    verifier.update(bytes('xyz'));
    expect(verifier.verdict()).toEqual({ ok: true, checked: 'size' });
  });
});

describe('verifyFileOnDisk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fetch-model-verify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is null for a file that is not there', async () => {
    expect(await verifyFileOnDisk(path.join(dir, 'missing'), { size: 3 })).toBeNull();
  });

  it('verifies a file on disk, and notices a changed one', async () => {
    const file = path.join(dir, 'abc.bin');
    writeFileSync(file, 'abc');
    expect(await verifyFileOnDisk(file, { size: 3, sha256: SHA256_ABC })).toEqual({ ok: true, checked: 'size and sha256' });
    writeFileSync(file, 'abcd');
    expect(await verifyFileOnDisk(file, { size: 3, sha256: SHA256_ABC })).toEqual({ ok: false, what: 'size', expected: '3 bytes', actual: '4 bytes' });
  });
});
