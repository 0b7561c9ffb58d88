import { describe, expect, it } from 'vitest';
import { CATALOG, maxTokensFor } from './catalog';
import { LocalReranker } from './local/client';
import { modelIdError } from './local/errors';
import { MODEL_ID_MESSAGE, validateModelId } from './modelId';

describe('validateModelId', () => {
  it.each([
    ['a/b', 'a/b'],
    ['Xenova/ms-marco-MiniLM-L-6-v2', 'Xenova/ms-marco-MiniLM-L-6-v2'],
    ['test/overlap-reranker', 'test/overlap-reranker'], // a generated test model
    ['org/model.v1_2', 'org/model.v1_2'], // dots and underscores inside a name
    ['__proto__/x', '__proto__/x'], // an id is data: the name of an Object.prototype slot is just a name
    ['constructor/toString', 'constructor/toString'],
    ['  a/b ', 'a/b'], // trimmed
  ])('accepts %j as %j', (input, id) => {
    expect(validateModelId(input)).toEqual({ ok: true, id });
  });

  it('accepts every model in the catalog', () => {
    for (const model of CATALOG) expect(validateModelId(model.id)).toEqual({ ok: true, id: model.id });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['x', 'no owner'],
    ['a/', 'empty name'],
    ['/b', 'empty owner'],
    ['a/b/c', 'three parts'],
    ['../x', 'a parent-folder step as the owner'],
    ['a/../b', 'a parent-folder step in the middle'],
    ['../../etc/passwd', 'a path out of /models/'],
    ['test/../../../vite.config.ts#', 'a path out of /models/ with a fragment'],
    ['a/b..c', '".." inside a name'],
    ['.a/b', 'an owner starting with "."'],
    ['a/.b', 'a name starting with "."'],
    ['a/b#', 'a fragment'],
    ['a/b?x=1', 'a query string'],
    ['a/b c', 'a space inside'],
    ['a\\b', 'a backslash'],
    ['a/%2e%2e', 'percent-encoding'],
    ['http://x/y', 'an http URL'],
    ['https://huggingface.co/Xenova/ms-marco-MiniLM-L-6-v2', 'a Hub URL'],
    ['/models/a/b', 'an absolute path'],
    ['modèle/rerankér', 'non-ASCII letters'],
    ['a／b', 'a full-width slash'],
  ])('rejects %j (%s) with the message that says what to type', (input) => {
    expect(validateModelId(input)).toEqual({ ok: false, message: MODEL_ID_MESSAGE });
  });

  it('allows each part up to 96 characters, not 97', () => {
    const longest = 'a'.repeat(96);
    expect(validateModelId(`${longest}/${longest}`).ok).toBe(true);
    expect(validateModelId(`${'a'.repeat(97)}/b`).ok).toBe(false);
    expect(validateModelId(`a/${'b'.repeat(97)}`).ok).toBe(false);
    expect(validateModelId(`a/${'b'.repeat(100_000)}`).ok).toBe(false);
  });

  it('names the field and gives an example id in its message', () => {
    expect(MODEL_ID_MESSAGE).toMatch(/^Model: /);
    expect(MODEL_ID_MESSAGE).toContain('Xenova/ms-marco-MiniLM-L-6-v2');
  });
});

describe('maxTokensFor', () => {
  it("is the catalog model's input limit, else 8192", () => {
    expect(maxTokensFor('Xenova/ms-marco-MiniLM-L-6-v2')).toBe(512);
    expect(maxTokensFor(' jinaai/jina-reranker-v1-tiny-en ')).toBe(8192); // trimmed like the field's value
    expect(maxTokensFor('someone/unknown-model')).toBe(8192);
    expect(maxTokensFor('__proto__/x')).toBe(8192);
  });
});

describe('the local reranker refuses a bad id before any request', () => {
  it('gives an invalid-request error naming the field, with the id in the cause', () => {
    expect(modelIdError('../x')).toEqual({ kind: 'invalid-request', message: MODEL_ID_MESSAGE, cause: 'model id "../x" is not owner/name' });
    expect(modelIdError('a/b')).toBeNull();
  });

  it('fails the rank without starting a worker', async () => {
    let workersStarted = 0;
    const reranker = new LocalReranker({
      settings: { model: 'test/../../../vite.config.ts#', device: 'wasm', dtype: 'q8', maxLength: 512, batchSize: 2 },
      createWorker: () => {
        workersStarted++;
        throw new Error('no worker should be started for a bad model id');
      },
    });
    const result = await reranker.rank('q', ['a', 'b']);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid-request', message: MODEL_ID_MESSAGE }) });
    expect(workersStarted).toBe(0);
  });
});
