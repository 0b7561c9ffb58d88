import { afterEach, describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { platformDeflateRaw } from './compression';
import { crc32Hex } from './crc32';
import { hostilePayloads } from './hostilePayloads';
import { decodeShareParam, encodeShareParam } from './link';
import { samplePasteSetup, sampleSetSetup } from './sampleSetups';
import { readSessionFile, writeSessionFile } from './sessionFile';
import type { SharedColumn, SharedSetup } from './types';

/** A link or file is untrusted: whatever it holds is data, and comes back exactly as it went in. */

function hostilePaste(): SharedSetup {
  const setup = samplePasteSetup();
  const payloads = hostilePayloads;
  if (!setup.paste) throw new Error('sample has no paste');
  setup.paste.query = payloads.join(' ');
  setup.paste.documentsText = payloads.join('\n');
  setup.paste.fileName = payloads[1] ?? null;
  setup.paste.presetId = payloads[0] ?? null;
  setup.paste.fields = { text: payloads[2], id: payloads[3], score: payloads[4], relevance: payloads[5] };
  setup.paste.marks = new Map(payloads.map((p, i) => [p, i % 4]));
  setup.columns = payloads.map((p, i): SharedColumn => ({
    id: `col_${i + 1}`,
    config:
      i % 2 === 0
        ? { kind: 'local', model: p, device: 'auto', dtype: 'auto', maxLength: 512, batchSize: 8 }
        : { kind: 'cohere', settings: { provider: 'custom', baseUrl: p, model: p, maxTokensPerDoc: 4096, timeoutMs: 30_000, concurrency: 4 } },
    runs: [],
  }));
  return setup;
}

function hostileSet(): SharedSetup {
  const setup = sampleSetSetup();
  const payloads = hostilePayloads;
  const queries = payloads.map((p) => ({ id: p, text: p, candidates: payloads.map((d) => ({ docId: d, score: 1 })), judgments: new Map([[p, 1]]) }));
  setup.querySet = {
    set: { name: payloads.join(''), scoreKind: 'BM25', queries, documents: new Map(payloads.map((p) => [p, `${p} ${p}`])) },
    marks: new Map(payloads.map((p) => [p, new Map<string, number | null>([[p, 2]])])),
    openQueryId: payloads[7] ?? null,
  };
  setup.columns = [
    {
      id: 'col_1',
      config: { kind: 'local', model: payloads[0] ?? '', device: 'auto', dtype: 'auto', maxLength: 512, batchSize: 8 },
      runs: [{ queryId: payloads[0] ?? '', signature: payloads.join('\u0000'), ids: [...payloads], scores: new Map(payloads.map((p, i) => [p, i])), scoreKind: 'raw logit', truncated: [...payloads], ranOn: payloads[3] ?? null }],
    },
  ];
  return setup;
}

async function craftedLink(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  return `1.${encodeBase64url(await platformDeflateRaw.deflate(bytes))}.${crc32Hex(bytes)}`;
}

afterEach(() => {
  // Never left behind by a test that failed half way: a polluted prototype would spoil every later test.
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('hostile input is data', () => {
  it(`lists ${hostilePayloads.length} payloads, all different`, () => {
    expect(hostilePayloads.length).toBe(50);
    expect(new Set(hostilePayloads).size).toBe(50);
  });

  it('round-trips the payloads in documents, ids, the query and column names through a link, exactly', async () => {
    for (const setup of [hostilePaste(), hostileSet()]) {
      const encoded = await encodeShareParam(setup, { secrets: [] });
      if (!encoded.ok) throw new Error(encoded.error.message);
      const decoded = await decodeShareParam(encoded.value.slice(2));
      expect(decoded).toEqual({ ok: true, value: { ...setup, columns: setup.columns.map((c) => ({ ...c, runs: [] })) } });
    }
  });

  it('round-trips them through a session file, scores included, exactly', () => {
    const setup = hostileSet();
    const written = writeSessionFile(setup, { includeScores: true, secrets: [] });
    if (!written.ok) throw new Error(written.error.message);
    const read = readSessionFile(written.value, 'hostile.rerank.json');
    expect(read).toEqual({ ok: true, value: setup });
    expect(read.ok && read.value.querySet?.set.documents.get('__proto__')).toBe('__proto__ __proto__');
    expect(read.ok && read.value.columns[0]?.runs[0]?.scores.get('constructor')).toBe(hostilePayloads.indexOf('constructor'));
  });

  it('refuses a "__proto__" or "constructor" key anywhere an object is, and Object.prototype stays clean', async () => {
    const written = writeSessionFile(samplePasteSetup(), { includeScores: false, secrets: [] });
    if (!written.ok) throw new Error(written.error.message);
    const spots: [string, (text: string) => string][] = [
      ['the top level', (t) => t.replace('{\n  "app"', '{\n  "__proto__": { "polluted": true },\n  "app"')],
      ['paste', (t) => t.replace('"query":', '"__proto__": { "polluted": true },\n    "query":')],
      ['paste.fields', (t) => t.replace('"fields": {', '"fields": { "__proto__": { "polluted": true },')],
      ['settings.bm25', (t) => t.replace('"bm25": {', '"bm25": { "constructor": { "prototype": { "polluted": true } },')],
      ['columns[0].config', (t) => t.replace('"kind": "local",', '"kind": "local", "__proto__": { "polluted": true },')],
    ];
    for (const [where, spoil] of spots) {
      const text = spoil(written.value);
      expect(text).not.toBe(written.value);
      const read = readSessionFile(text, 'x.rerank.json');
      expect(read.ok, where).toBe(false);
      if (!read.ok) {
        expect(read.error.failure).toMatchObject({ kind: 'invalid', where });
        expect(read.error.message).toMatch(/a field this format does not have \("(__proto__|constructor)"\)/);
      }
      const linked = await decodeShareParam(await craftedLink(text));
      expect(linked.ok, `link: ${where}`).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses a field that is not in the format, such as an apiKey in a column', () => {
    const written = writeSessionFile(samplePasteSetup(), { includeScores: false, secrets: [] });
    if (!written.ok) throw new Error(written.error.message);
    const text = written.value.replace('"provider": "custom",', '"provider": "custom", "apiKey": "co-leaked",');
    const read = readSessionFile(text, 'x.rerank.json');
    expect(read.ok === false && read.error.failure).toEqual({ kind: 'invalid', where: 'columns[1].config.settings', problem: 'a field this format does not have ("apiKey")' });
  });
});
