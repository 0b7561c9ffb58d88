import { describe, expect, it } from 'vitest';
import { validateSavedFields } from './persistedSchema';

describe('the saved query-term highlighting flag', () => {
  it('is read back when it is a boolean', () => {
    expect(validateSavedFields({ highlightQueryTerms: true, scoreDisplay: 'sigmoid' })).toEqual({ values: { highlightQueryTerms: true, scoreDisplay: 'sigmoid' }, dropped: [] });
  });

  it('is absent from an older save, which still loads whole', () => {
    expect(validateSavedFields({ scoreDisplay: 'raw', topN: 5 })).toEqual({ values: { scoreDisplay: 'raw', topN: 5 }, dropped: [] });
  });

  it('is reset and named when it is not a boolean', () => {
    expect(validateSavedFields({ highlightQueryTerms: 'yes', topN: 5 })).toEqual({ values: { topN: 5 }, dropped: ['the query-term highlighting'] });
  });
});
