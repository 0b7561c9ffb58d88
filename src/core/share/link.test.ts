import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { platformDeflateRaw } from './compression';
import { crc32Hex } from './crc32';
import { writeDocument } from './document';
import { decodeShareParam, encodeShareParam, hashWithoutShareParam, shareParamOf } from './link';
import { samplePasteSetup, sampleSetSetup } from './sampleSetups';
import type { SharedSetup } from './types';

/** The share parameter's value, as a link would carry it. */
async function linkValueOf(setup: SharedSetup): Promise<string> {
  const encoded = await encodeShareParam(setup, { secrets: [] });
  if (!encoded.ok) throw new Error(encoded.error.message);
  expect(encoded.value.startsWith('s=1.')).toBe(true);
  return encoded.value.slice(2);
}

/** A link whose checksum is right for whatever JSON text it carries: a crafted link, not a damaged one. */
async function craftedLink(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  return `1.${encodeBase64url(await platformDeflateRaw.deflate(bytes))}.${crc32Hex(bytes)}`;
}

const withoutRuns = (setup: SharedSetup): SharedSetup => ({ ...setup, columns: setup.columns.map((c) => ({ ...c, runs: [] })) });

describe('share links: round trips', () => {
  it('brings back a pasted setup with every field set', async () => {
    const setup = samplePasteSetup();
    const decoded = await decodeShareParam(await linkValueOf(setup));
    expect(decoded).toEqual({ ok: true, value: setup });
    // Ids that are property names of plain objects are data in Maps.
    expect(decoded.ok && decoded.value.paste?.marks.get('__proto__')).toBe(3);
    expect(decoded.ok && decoded.value.paste?.marks.get('constructor')).toBeNull();
  });

  it('brings back a query set, its marks and the open query, without the scores (links never carry them)', async () => {
    const setup = sampleSetSetup();
    const decoded = await decodeShareParam(await linkValueOf(setup));
    expect(decoded).toEqual({ ok: true, value: withoutRuns(setup) });
    expect(decoded.ok && decoded.value.querySet?.set.documents.get('constructor')).toBe('Document about constructors.');
    expect(decoded.ok && decoded.value.querySet?.marks.get('__proto__')?.get('d2')).toBe(1);
  });

  it('is compressed: a repetitive setup gives a link far shorter than its JSON', async () => {
    const setup = samplePasteSetup();
    if (setup.paste) setup.paste.documentsText = 'the same line again\n'.repeat(500); // 10,000 characters.
    const value = await linkValueOf(setup);
    expect(value.length).toBeLessThan(2000);
    expect(value).toMatch(/^1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  });
});

describe('share links: damage gets its own message, and nothing is opened', () => {
  it('tells a link that was cut off, wherever it was cut', async () => {
    const value = await linkValueOf(samplePasteSetup());
    for (const length of [3, 10, Math.floor(value.length / 2), value.length - 9, value.length - 1]) {
      const decoded = await decodeShareParam(value.slice(0, length));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) {
        expect(decoded.error.failure).toEqual({ kind: 'cut-off', length });
        expect(decoded.error.message).toContain('This link is damaged: it was cut off (the data ends early');
        expect(decoded.error.message).toContain('Nothing here was changed.');
      }
    }
  });

  it('never opens a link with any one character changed', async () => {
    const value = await linkValueOf(samplePasteSetup());
    const kinds = new Set<string>();
    for (let i = 2; i < value.length; i++) {
      const original = value.charAt(i);
      if (original === '.') continue;
      const changed = `${value.slice(0, i)}${original === 'A' ? 'B' : 'A'}${value.slice(i + 1)}`;
      const decoded = await decodeShareParam(changed);
      expect(decoded.ok, `character ${i}`).toBe(false);
      if (!decoded.ok) kinds.add(decoded.error.failure.kind);
    }
    // A change in the data breaks the deflate stream or the checksum, or (in the last character) sets unused bits;
    // one in the checksum breaks the checksum.
    expect([...kinds].every((k) => k === 'unpack-failed' || k === 'checksum' || k === 'bad-padding')).toBe(true);
    expect(kinds.has('checksum')).toBe(true);
  });

  it('names a character that links never have, such as a space added by a mail client', async () => {
    const value = await linkValueOf(samplePasteSetup());
    const decoded = await decodeShareParam(`${value.slice(0, 12)} ${value.slice(12)}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      // "1." is not part of the data: the space is its 11th character.
      expect(decoded.error.failure).toEqual({ kind: 'bad-character', position: 10, character: ' ' });
      expect(decoded.error.message).toContain('character 11 of its data (" ")');
    }
  });

  it('reads a link that a chat app ended with the sentence’s full stop', async () => {
    const value = await linkValueOf(samplePasteSetup());
    expect((await decodeShareParam(`${value}.`)).ok).toBe(true);
    expect((await decodeShareParam(`${value}).`)).ok).toBe(true);
  });

  it('refuses a newer link format, an older one, and no format at all, each in its words', async () => {
    const value = await linkValueOf(samplePasteSetup());
    const newer = await decodeShareParam(`2${value.slice(1)}`);
    expect(newer.ok === false && newer.error.failure).toEqual({ kind: 'newer', version: 2 });
    expect(newer.ok === false && newer.error.message).toContain('made by a newer version of Rerank Playground (format 2; this version reads format 1');
    const older = await decodeShareParam(`0${value.slice(1)}`);
    expect(older.ok === false && older.error.failure).toEqual({ kind: 'older-unreadable', version: 0 });
    for (const wrong of ['', 'x.abc.00000000', value.slice(2), 'v1.abc']) {
      const decoded = await decodeShareParam(wrong);
      expect(decoded.ok === false && decoded.error.failure.kind, wrong).toBe('not-a-share-link');
    }
  });

  it('refuses valid deflate of JSON that is not a setup, naming where', async () => {
    const notOurs = await decodeShareParam(await craftedLink('{"hello":"world"}'));
    expect(notOurs.ok === false && notOurs.error.failure).toEqual({ kind: 'not-ours' });
    const broken = await decodeShareParam(await craftedLink('{"app":"rerank-playground",'));
    expect(broken.ok === false && broken.error.failure.kind).toBe('not-json');
    expect(broken.ok === false && broken.error.message).toContain('This link is not valid JSON at line 1, column');
  });

  it('refuses valid deflate of a setup with a wrong field, naming the field', async () => {
    const written = writeDocument(samplePasteSetup(), { includeRuns: false, secrets: [] }, { kind: 'link' });
    if (!written.ok) throw new Error('not written');
    const doc = JSON.parse(written.value) as { settings: { topN: unknown } };
    doc.settings.topN = 'fifty';
    const decoded = await decodeShareParam(await craftedLink(JSON.stringify(doc)));
    expect(decoded.ok === false && decoded.error.failure).toEqual({ kind: 'invalid', where: 'settings.topN', problem: 'expected number, received string' });
    expect(decoded.ok === false && decoded.error.message).toBe(
      "This link holds a setup that is not valid: at settings.topN, expected number, received string. Ask for the link again, or for a session file instead. Nothing here was changed.",
    );
  });

  it('stops unpacking past 50 MB (a zip bomb), without unpacking it all', async () => {
    // 60 MB of zeros deflate to about 60 KB; the limit is 50,000,000 bytes.
    const zeros = new Uint8Array(60_000_000);
    const packed = await platformDeflateRaw.deflate(zeros);
    expect(packed.length).toBeLessThan(100_000);
    // Any checksum will do: unpacking must stop before the checksum is ever compared.
    const decoded = await decodeShareParam(`1.${encodeBase64url(packed)}.00000000`);
    expect(decoded.ok === false && decoded.error.failure).toEqual({ kind: 'too-large', limit: 50_000_000 });
    expect(decoded.ok === false && decoded.error.message).toContain('unpacks to more than 50 MB');
  });

  it('refuses data that is not UTF-8 text', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const decoded = await decodeShareParam(`1.${encodeBase64url(await platformDeflateRaw.deflate(bytes))}.${crc32Hex(bytes)}`);
    expect(decoded.ok === false && decoded.error.failure).toEqual({ kind: 'not-text' });
  });
});

describe('the fragment', () => {
  it('finds the share parameter among others, and takes only it out', () => {
    expect(shareParamOf('#s=1.abc.0123abcd')).toBe('1.abc.0123abcd');
    expect(shareParamOf('#present&s=1.abc.0123abcd')).toBe('1.abc.0123abcd');
    expect(shareParamOf('#present')).toBeNull();
    expect(shareParamOf('')).toBeNull();
    expect(shareParamOf('#sx=1')).toBeNull();
    expect(hashWithoutShareParam('#s=1.abc.0123abcd')).toBe('');
    expect(hashWithoutShareParam('#present&s=1.abc.0123abcd&step=2')).toBe('#present&step=2');
  });
});
