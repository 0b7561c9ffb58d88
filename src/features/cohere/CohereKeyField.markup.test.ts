// The key field's HTML, rendered without a DOM: the key must never be in an attribute or in the text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

const KEY = 'co-markup-secret-5e4d3c2b1a';
const COHERE = 'https://api.cohere.com';

/** A storage holding the key as earlier versions remembered it, which the store moves to api.cohere.com. */
function storageWithRememberedKey(): Storage {
  const items = new Map([['rerank-playground:cohere-key', KEY]]);
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (name) => items.get(name) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (name) => void items.delete(name),
    setItem: (name, value) => void items.set(name, String(value)),
  };
}

/** The field as the server renders it, with the key already in the store when the store is created. */
async function markupOf(props: { baseUrl: string; optional: boolean }): Promise<string> {
  vi.stubGlobal('localStorage', storageWithRememberedKey());
  vi.resetModules();
  const { CohereKeyField } = await import('./CohereKeyField');
  const { useAppStore } = await import('../../store');
  expect(useAppStore.getState().cohereKeyFor(COHERE)).toBe(KEY); // The key is there to leak.
  return renderToStaticMarkup(createElement(CohereKeyField, { columnId: 'col_1', ...props }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CohereKeyField', () => {
  it('keeps a saved key out of the HTML: no value attribute, no text', async () => {
    const markup = await markupOf({ baseUrl: COHERE, optional: false });
    expect(markup).toContain('type="password"'); // The field itself was rendered.
    expect(markup).not.toContain(KEY);
    expect(markup).not.toMatch(/value="[^"]/);
  });

  it('says a key is entered for this address, without showing it', async () => {
    const markup = await markupOf({ baseUrl: COHERE, optional: false });
    expect(markup).toContain('A key for https://api.cohere.com is entered (hidden).');
  });

  it("does not show another address's key in a custom server's column", async () => {
    const markup = await markupOf({ baseUrl: 'http://localhost:8000', optional: true });
    expect(markup).not.toContain(KEY);
    expect(markup).not.toContain('is entered');
  });
});
