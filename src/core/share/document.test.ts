import { describe, expect, it } from 'vitest';
import { readDocument, writeDocument } from './document';
import { migrateToCurrent, migrations, type Migration } from './migrations';
import { samplePasteSetup } from './sampleSetups';

const FILE = { kind: 'file', name: 'old.rerank.json' } as const;

/**
 * A made-up version 0, to show how a step works: it kept the query and documents at the top level, and no
 * marks. The real registry has no steps, since version 1 is the first.
 */
const v0ToV1: Migration = (doc) => {
  const { query, documents, ...rest } = doc;
  return { ...rest, paste: { query, documentsText: documents, format: 'auto', textMode: 'auto', fields: {}, presetId: null, fileName: null, formatFromFile: false, marks: [] } };
};

function versionZeroOf(): Record<string, unknown> {
  const written = writeDocument(samplePasteSetup(), { includeRuns: false, secrets: [] }, FILE);
  if (!written.ok) throw new Error(written.error.message);
  const doc = JSON.parse(written.value) as Record<string, unknown>;
  delete doc.paste;
  return { ...doc, version: 0, query: 'old query', documents: 'one\ntwo' };
}

describe('migrations', () => {
  it('has no steps yet: version 1 is the first', () => {
    expect(migrations.size).toBe(0);
  });

  it('refuses a version it has no step from, saying it is older', () => {
    const read = readDocument(JSON.stringify(versionZeroOf()), FILE);
    expect(read.ok === false && read.error.failure).toEqual({ kind: 'older-unreadable', version: 0 });
    expect(read.ok === false && read.error.message).toContain('is in format 0, from an older version of Rerank Playground that this version can no longer read');
    expect(migrateToCurrent({}, -3)).toEqual({ ok: false, missingStepFrom: -3 });
  });

  it('walks a document up through the registry’s steps, then checks it against the current schema', () => {
    const registry = new Map([[0, v0ToV1]]);
    const read = readDocument(JSON.stringify(versionZeroOf()), FILE, registry);
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.paste).toMatchObject({ query: 'old query', documentsText: 'one\ntwo', format: 'auto' });
    expect(read.ok && read.value.settings).toEqual(samplePasteSetup().settings);
  });

  it('still refuses a migrated document that the current schema does not accept', () => {
    const broken: Migration = (doc) => ({ ...doc, paste: { query: 1 } });
    const read = readDocument(JSON.stringify(versionZeroOf()), FILE, new Map([[0, broken]]));
    expect(read.ok === false && read.error.failure).toMatchObject({ kind: 'invalid', where: 'paste.query' });
  });
});

describe('no key in a document', () => {
  it('refuses to write a setup in which a key on this device appears, naming where, and never the key', () => {
    const setup = samplePasteSetup();
    const key = 'co-secret-9f8e7d6c5b4a';
    if (setup.paste) setup.paste.documentsText += `my key is ${key}\n`;
    const written = writeDocument(setup, { includeRuns: false, secrets: [key] }, FILE);
    expect(written.ok === false && written.error.failure).toEqual({ kind: 'has-secret', where: 'paste.documentsText' });
    expect(written.ok === false && written.error.message).not.toContain(key);
    // The same setup without the key on this device is written.
    expect(writeDocument(setup, { includeRuns: false, secrets: [] }, FILE).ok).toBe(true);
  });

  it('does not treat a too-short "key" as one (it would refuse ordinary text)', () => {
    expect(writeDocument(samplePasteSetup(), { includeRuns: false, secrets: ['the', ''] }, FILE).ok).toBe(true);
  });

  it('does not copy a key that a column config carries at run time into the document', () => {
    const setup = samplePasteSetup();
    const column = setup.columns[1];
    if (column?.config.kind !== 'cohere') throw new Error('column 2 is the API column');
    const key = 'co-runtime-key-0123456789';
    Object.assign(column.config.settings, { apiKey: key });
    Object.assign(column.config, { apiKey: key });
    const written = writeDocument(setup, { includeRuns: false, secrets: [] }, FILE);
    expect(written.ok && written.value.includes(key)).toBe(false);
    expect(written.ok && written.value.includes('apiKey')).toBe(false);
  });
});

describe('writing', () => {
  it('refuses to write what would not open again, naming the setting', () => {
    const setup = samplePasteSetup();
    setup.settings.topN = 0;
    const written = writeDocument(setup, { includeRuns: false, secrets: [] }, FILE);
    expect(written.ok === false && written.error.failure).toEqual({ kind: 'unwritable', where: 'settings.topN', problem: 'too small: expected number to be >=1' });
  });
});
