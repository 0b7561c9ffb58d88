import { describe, expect, it } from 'vitest';
import { readDocument, writeDocument } from './document';
import { samplePasteSetup } from './sampleSetups';
import type { SharedColumnConfig, SharedSetup } from './types';

const FILE = { kind: 'file', name: 'split.rerank.json' } as const;

function withFirstLocal(setup: SharedSetup, patch: (config: Extract<SharedColumnConfig, { kind: 'local' }>) => SharedColumnConfig): SharedSetup {
  let done = false;
  const columns = setup.columns.map((c) => {
    if (done || c.config.kind !== 'local') return c;
    done = true;
    return { ...c, config: patch(c.config) };
  });
  return { ...setup, columns };
}

function roundTrip(setup: SharedSetup): SharedSetup {
  const written = writeDocument(setup, { includeRuns: false, secrets: [] }, FILE);
  if (!written.ok) throw new Error(written.error.message);
  const read = readDocument(written.value, FILE);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

const firstLocal = (setup: SharedSetup) => setup.columns.map((c) => c.config).find((c) => c.kind === 'local');

describe('the long-documents setting in links and session files', () => {
  it('travels with a local column', () => {
    const setup = withFirstLocal(samplePasteSetup(), (c) => ({ ...c, longDocuments: { mode: 'split', stride: 64, aggregate: 'mean' } }));
    expect(firstLocal(roundTrip(setup))).toMatchObject({ longDocuments: { mode: 'split', stride: 64, aggregate: 'mean' } });
  });

  it('is absent (truncate) in a file written without it, which still opens', () => {
    const read = firstLocal(roundTrip(samplePasteSetup()));
    expect(read?.kind).toBe('local');
    expect(read && 'longDocuments' in read).toBe(false);
  });

  it('refuses a negative stride or an unknown aggregate, naming the field', () => {
    const written = writeDocument(samplePasteSetup(), { includeRuns: false, secrets: [] }, FILE);
    if (!written.ok) throw new Error(written.error.message);
    const doc = JSON.parse(written.value) as { columns: { config: Record<string, unknown> }[] };
    const local = doc.columns.find((c) => c.config.kind === 'local');
    if (!local) throw new Error('the sample has a local column');
    local.config.longDocuments = { mode: 'split', stride: -1, aggregate: 'max' };
    const negative = readDocument(JSON.stringify(doc), FILE);
    expect(negative.ok).toBe(false);
    local.config.longDocuments = { mode: 'split', stride: 8, aggregate: 'median' };
    expect(readDocument(JSON.stringify(doc), FILE).ok).toBe(false);
  });
});
