// The three number fields of a Cohere column: their bounds, their messages, and what the panel's HTML shows.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseBoundedNumber, type NumberBounds } from '../../core/numberInput';
import { defaultCohereSettings, type CohereSettings } from '../../rerankers/cohere/settings';
import { CohereSettingsPanel, concurrencyBounds, maxTokensBounds, timeoutBounds } from './CohereSettingsPanel';

const rejected = (text: string, bounds: NumberBounds): string => {
  const result = parseBoundedNumber(text, bounds);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected, got ${result.value}`);
  return result.message;
};

function panelMarkup(settings: Partial<CohereSettings> = {}): string {
  const config = { kind: 'cohere' as const, settings: { ...defaultCohereSettings, ...settings } };
  return renderToStaticMarkup(createElement(CohereSettingsPanel, { columnId: 'col_1', config, error: null }));
}

describe('Max tokens per document', () => {
  it('accepts 1, the default 4096 and 32,768, the longest Cohere rerank context', () => {
    expect(parseBoundedNumber('1', maxTokensBounds)).toEqual({ ok: true, value: 1 });
    expect(parseBoundedNumber('4096', maxTokensBounds)).toEqual({ ok: true, value: 4096 });
    expect(parseBoundedNumber('32768', maxTokensBounds)).toEqual({ ok: true, value: 32_768 });
  });

  it('refuses 100,000, 0 and a fraction, naming the field', () => {
    expect(rejected('100000', maxTokensBounds)).toBe('Max tokens per document must be a whole number from 1 to 32,768. "100000" is above 32,768.');
    expect(rejected('0', maxTokensBounds)).toBe('Max tokens per document must be a whole number from 1 to 32,768. "0" is below 1.');
    expect(rejected('512.5', maxTokensBounds)).toBe('Max tokens per document must be a whole number from 1 to 32,768. "512.5" is not a whole number.');
    expect(rejected('', maxTokensBounds)).toBe('Max tokens per document is empty. Enter a whole number from 1 to 32,768.');
  });
});

describe('Timeout (s)', () => {
  it('accepts decimals from 0.1 to 600 seconds', () => {
    expect(parseBoundedNumber('0.1', timeoutBounds)).toEqual({ ok: true, value: 0.1 });
    expect(parseBoundedNumber('0.5', timeoutBounds)).toEqual({ ok: true, value: 0.5 });
    expect(parseBoundedNumber('600', timeoutBounds)).toEqual({ ok: true, value: 600 });
  });

  it('refuses 0.05 and 601, naming the field', () => {
    expect(rejected('0.05', timeoutBounds)).toBe('Timeout in seconds must be a number from 0.1 to 600. "0.05" is below 0.1.');
    expect(rejected('601', timeoutBounds)).toBe('Timeout in seconds must be a number from 0.1 to 600. "601" is above 600.');
  });
});

describe('Concurrent calls', () => {
  it('accepts whole numbers from 1 to 16 and refuses 2.5 and 17, naming the field', () => {
    expect(parseBoundedNumber('16', concurrencyBounds)).toEqual({ ok: true, value: 16 });
    expect(rejected('2.5', concurrencyBounds)).toBe('Concurrent calls must be a whole number from 1 to 16. "2.5" is not a whole number.');
    expect(rejected('17', concurrencyBounds)).toBe('Concurrent calls must be a whole number from 1 to 16. "17" is above 16.');
  });
});

describe('CohereSettingsPanel markup', () => {
  it('shows each field with its label, its value and its bounds beside it', () => {
    // The defaults: 4096 tokens, 30,000 ms = 30 s, 4 calls.
    const html = panelMarkup();
    for (const [label, value, bounds] of [
      ['Max tokens per document', '4096', '1 to 32,768'],
      ['Timeout (s)', '30', '0.1 to 600'],
      ['Concurrent calls', '4', '1 to 16'],
    ] as const) {
      // The label, then its input, then the bounds in a span that the input names in aria-describedby.
      const field = new RegExp(`<label for="([^"]+)">${label.replace(/[()]/g, '\\$&')}</label>(<input [^>]*/>)<span id="([^"]+)"[^>]*>([^<]*)</span>`).exec(html);
      if (field === null) throw new Error(`no field labelled ${label}`);
      const [, labelFor, input, spanId, shown] = field;
      expect(input, label).toContain(`id="${labelFor}"`);
      expect(input, label).toContain(`value="${value}"`);
      expect(input, label).toContain(`aria-describedby="${spanId}"`);
      expect(shown, label).toBe(bounds);
    }
    expect(html).not.toContain('aria-invalid="true"');
  });

  it('marks a saved value out of bounds (100,000 tokens) and says why, by the field name', () => {
    const html = panelMarkup({ maxTokensPerDoc: 100_000 });
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Max tokens per document must be a whole number from 1 to 32,768. &quot;100000&quot; is above 32,768.');
  });

  it('shows a 500 ms timeout as 0.5 seconds', () => {
    expect(panelMarkup({ timeoutMs: 500 })).toMatch(/<label for="[^"]+">Timeout \(s\)<\/label><input [^>]*value="0.5"/);
  });
});
