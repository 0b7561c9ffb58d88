import { describe, expect, it } from 'vitest';
import { defaultHybrid } from '../denseFirstStage';
import { defaultDenseFirstStage } from '../denseSettings';
import { readDocument, writeDocument } from './document';
import { samplePasteSetup } from './sampleSetups';

const FILE = { kind: 'file', name: 'dense.rerank.json' } as const;

function written(): Record<string, unknown> {
  const out = writeDocument(samplePasteSetup(), { includeRuns: false, secrets: [] }, FILE);
  if (!out.ok) throw new Error(out.error.message);
  return JSON.parse(out.value) as Record<string, unknown>;
}

describe('dense and hybrid first-stage settings in a shared document', () => {
  it('travel and come back as they were', () => {
    const read = readDocument(JSON.stringify(written()), FILE);
    expect(read.ok && read.value.settings.dense).toEqual({
      model: 'Xenova/e5-small-v2',
      device: 'webgpu',
      dtype: 'fp16',
      pooling: 'cls',
      queryPrefix: 'q: ',
      documentPrefix: '',
      maxLength: 128,
      batchSize: 4,
    });
    expect(read.ok && read.value.settings.hybrid).toEqual({ method: 'weighted', k: 20, weight: 0.3 });
  });

  it('opens a document written before they existed, with the defaults', () => {
    const doc = written();
    const settings = { ...(doc.settings as Record<string, unknown>) };
    delete settings.dense;
    delete settings.hybrid;
    const read = readDocument(JSON.stringify({ ...doc, settings }), FILE);
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.settings.dense).toEqual(defaultDenseFirstStage);
    expect(read.ok && read.value.settings.hybrid).toEqual(defaultHybrid);
  });

  it('opens a dense or hybrid first stage, and refuses a weight outside 0..1', () => {
    const doc = written();
    const settings = doc.settings as Record<string, unknown>;
    const hybridDoc = { ...doc, settings: { ...settings, firstStage: 'hybrid' } };
    const read = readDocument(JSON.stringify(hybridDoc), FILE);
    expect(read.ok && read.value.settings.firstStage).toBe('hybrid');
    const bad = { ...doc, settings: { ...settings, hybrid: { method: 'weighted', k: 60, weight: 1.5 } } };
    expect(readDocument(JSON.stringify(bad), FILE).ok).toBe(false);
  });
});
