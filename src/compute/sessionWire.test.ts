import { describe, expect, it } from 'vitest';
import { samplePasteSetup, sampleSetSetup } from '../core/share/sampleSetups';
import { decodeSession, encodeSession, sessionTransfer } from './sessionWire';

describe('session wire', () => {
  it('joins the set documents into two strings with end offsets, and cuts them back out in order', () => {
    const setup = sampleSetSetup();
    const wire = encodeSession(setup);
    // Documents in order: constructor (11 chars) -> "Document about constructors." (28 chars); d2 (2) -> "Second document." (16).
    // idEnds: 11, 11 + 2 = 13; textEnds: 28, 28 + 16 = 44.
    expect(wire.documents?.ids).toBe('constructord2');
    expect([...(wire.documents?.idEnds ?? [])]).toEqual([11, 13]);
    expect(wire.documents?.texts).toBe('Document about constructors.Second document.');
    expect([...(wire.documents?.textEnds ?? [])]).toEqual([28, 44]);
    expect(wire.setup.querySet?.set.documents.size).toBe(0);
    // The setup it came from is untouched.
    expect(setup.querySet?.set.documents.size).toBe(2);

    const back = decodeSession(structuredClone(wire));
    expect(back).toEqual(sampleSetSetup());
    expect([...(back.querySet?.set.documents.keys() ?? [])]).toEqual(['constructor', 'd2']);
  });

  it('keeps ids that are property names, empty texts and empty ids apart', () => {
    const base = sampleSetSetup();
    const documents = new Map([
      ['__proto__', ''],
      ['', 'empty id'],
      ['toString', 'é'],
    ]);
    const setup = { ...base, querySet: base.querySet && { ...base.querySet, set: { ...base.querySet.set, documents } } };
    const wire = encodeSession(setup);
    // idEnds: 9, 9 + 0 = 9, 9 + 8 = 17; textEnds: 0, 8, 9.
    expect([...(wire.documents?.idEnds ?? [])]).toEqual([9, 9, 17]);
    expect([...(wire.documents?.textEnds ?? [])]).toEqual([0, 8, 9]);
    const back = decodeSession(structuredClone(wire)).querySet?.set.documents;
    expect(back).toBeInstanceOf(Map);
    expect([...(back ?? [])]).toEqual([...documents]);
    expect(back?.get('__proto__')).toBe('');
  });

  it('passes a setup without a set through, with nothing to transfer', () => {
    const wire = encodeSession(samplePasteSetup());
    expect(wire.documents).toBeNull();
    expect(sessionTransfer(wire)).toEqual([]);
    expect(decodeSession(wire)).toEqual(samplePasteSetup());
  });

  it('transfers both offset buffers', () => {
    const wire = encodeSession(sampleSetSetup());
    expect(sessionTransfer(wire)).toEqual([wire.documents?.idEnds.buffer, wire.documents?.textEnds.buffer]);
  });
});
