import { describe, expect, it } from 'vitest';
import { DEFAULT_DENSE_MODEL_ID, DENSE_CATALOG, denseInput, denseSettingsFor, findDenseModel } from './denseCatalog';
import { validateModelId } from './modelId';

describe('the dense catalog', () => {
  it("gives each model its card's pooling and prefixes", () => {
    // all-MiniLM-L6-v2: mean, no prefixes. bge-small-en-v1.5: CLS, instruction on queries only.
    // e5-small-v2: mean ('avg'), "query: " / "passage: ".
    expect(denseSettingsFor('Xenova/all-MiniLM-L6-v2')).toEqual({ pooling: 'mean', normalize: true, queryPrefix: '', documentPrefix: '' });
    expect(denseSettingsFor('Xenova/bge-small-en-v1.5')).toEqual({
      pooling: 'cls',
      normalize: true,
      queryPrefix: 'Represent this sentence for searching relevant passages: ',
      documentPrefix: '',
    });
    expect(denseSettingsFor('Xenova/e5-small-v2')).toEqual({ pooling: 'mean', normalize: true, queryPrefix: 'query: ', documentPrefix: 'passage: ' });
  });

  it('gives each model its size, languages, licence and input limit', () => {
    const facts = DENSE_CATALOG.map((m) => [m.id, m.maxLength, m.licence, m.languages, m.approxSizeMB.q8]);
    expect(facts).toEqual([
      ['Xenova/all-MiniLM-L6-v2', 256, 'Apache-2.0', 'English', 23],
      ['Xenova/bge-small-en-v1.5', 512, 'MIT', 'English', 34],
      ['Xenova/e5-small-v2', 512, 'MIT', 'English', 34],
    ]);
  });

  it('has valid, distinct ids, one default, and a source for every setting', () => {
    const ids = DENSE_CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of DENSE_CATALOG) {
      expect(validateModelId(model.id)).toEqual({ ok: true, id: model.id });
      expect(model.settingsSource).toMatch(/^https:\/\//);
    }
    expect(DENSE_CATALOG.filter((m) => m.default).map((m) => m.id)).toEqual([DEFAULT_DENSE_MODEL_ID]);
  });
});

describe('denseSettingsFor', () => {
  it('uses mean pooling, normalized, no prefixes for an id the catalog does not know', () => {
    const plain = { pooling: 'mean', normalize: true, queryPrefix: '', documentPrefix: '' };
    expect(denseSettingsFor('someone/their-embedder')).toEqual(plain);
    // Ids are data: names of Object.prototype slots are unknown models, not lookups into a prototype.
    expect(denseSettingsFor('__proto__')).toEqual(plain);
    expect(denseSettingsFor('constructor')).toEqual(plain);
    expect(findDenseModel('toString')).toBeUndefined();
  });

  it('lets each set override replace the looked-up field, and leaves the others', () => {
    expect(denseSettingsFor('someone/their-embedder', { pooling: 'cls', queryPrefix: 'search_query: ', documentPrefix: 'search_document: ' })).toEqual({
      pooling: 'cls',
      normalize: true,
      queryPrefix: 'search_query: ',
      documentPrefix: 'search_document: ',
    });
    // An empty string is a real override (drop E5's prefixes), not "unset".
    expect(denseSettingsFor('Xenova/e5-small-v2', { queryPrefix: '', documentPrefix: '' })).toEqual({
      pooling: 'mean',
      normalize: true,
      queryPrefix: '',
      documentPrefix: '',
    });
    expect(denseSettingsFor('Xenova/bge-small-en-v1.5', { normalize: false }).normalize).toBe(false);
  });

  it('trims the id like the model field does', () => {
    expect(denseSettingsFor('  Xenova/e5-small-v2 ').queryPrefix).toBe('query: ');
  });
});

describe('denseInput', () => {
  it('puts the role’s prefix before the text', () => {
    const e5 = denseSettingsFor('Xenova/e5-small-v2');
    expect(denseInput(e5, 'query', 'how much protein should a female eat')).toBe('query: how much protein should a female eat');
    expect(denseInput(e5, 'document', 'As a general guideline')).toBe('passage: As a general guideline');
    const bge = denseSettingsFor('Xenova/bge-small-en-v1.5');
    expect(denseInput(bge, 'query', 'q')).toBe('Represent this sentence for searching relevant passages: q');
    expect(denseInput(bge, 'document', 'd')).toBe('d');
  });
});
