// The corpus top K field: its bounds and messages, and its HTML (label, value, bounds beside it).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseBoundedNumber } from '../../core/numberInput';
import { useAppStore } from '../../store';
import { CorpusTopKField, corpusTopKBounds } from './CorpusTopKField';

describe('corpusTopKBounds', () => {
  it('accepts whole numbers from 1 to 1,000', () => {
    expect(parseBoundedNumber('1', corpusTopKBounds)).toEqual({ ok: true, value: 1 });
    expect(parseBoundedNumber('1000', corpusTopKBounds)).toEqual({ ok: true, value: 1000 });
  });

  it('refuses 0, 1001 and 2.5 with a message that names the field', () => {
    expect(parseBoundedNumber('0', corpusTopKBounds)).toEqual({ ok: false, message: 'Documents kept per query must be a whole number from 1 to 1,000. "0" is below 1.' });
    expect(parseBoundedNumber('1001', corpusTopKBounds)).toEqual({ ok: false, message: 'Documents kept per query must be a whole number from 1 to 1,000. "1001" is above 1,000.' });
    expect(parseBoundedNumber('2.5', corpusTopKBounds)).toEqual({ ok: false, message: 'Documents kept per query must be a whole number from 1 to 1,000. "2.5" is not a whole number.' });
  });
});

describe('CorpusTopKField markup', () => {
  it('labels the field as the e2e tests find it, with the value in force and the bounds beside it', () => {
    // Rendered on the "server", the store gives its initial state: the default K.
    const html = renderToStaticMarkup(createElement(CorpusTopKField));
    const field = /<label for="([^"]+)">([^<]*)<\/label>(<input [^>]*\/>)<span id="([^"]+)"[^>]*>([^<]*)<\/span>/.exec(html);
    if (field === null) throw new Error('no labelled field');
    const [, labelFor, label, input, spanId, bounds] = field;
    expect(label).toMatch(/BM25 over the corpus keeps the top/); // e2e/dense-corpus.spec.ts finds it by this
    expect(input).toContain(`id="${labelFor}"`);
    expect(input).toContain(`value="${useAppStore.getInitialState().corpusTopK}"`);
    expect(input).toContain(`aria-describedby="${spanId}"`);
    expect(bounds).toBe('1 to 1,000');
  });
});
