import { describe, expect, it } from 'vitest';
import { validateModelId } from '../../src/rerankers/modelId';
import { checkModelId } from './modelId.mjs';

// fetch-model keeps its own copy of the app's id rule (a Node script cannot import the TypeScript one): the two
// must agree on every id, or a model fetched here would be refused by the app, or the other way round.
const IDS = [
  'a/b',
  'Xenova/ms-marco-MiniLM-L-6-v2',
  'org/model.v1_2',
  '__proto__/x',
  'constructor/toString',
  '  a/b ',
  '',
  'x',
  'a/',
  '/b',
  'a/b/c',
  '../x',
  'a/../b',
  '../../etc/passwd',
  'a/b..c',
  '.a/b',
  'a/.b',
  'a/b#',
  'a/b?x=1',
  'a/b c',
  'https://huggingface.co/a/b',
  `a/${'n'.repeat(96)}`, // 96 characters: the longest part allowed
  `a/${'n'.repeat(97)}`,
];

describe('checkModelId', () => {
  it.each(IDS)('agrees with the app on %j', (input) => {
    const app = validateModelId(input);
    const here = checkModelId(input);
    expect(here.ok).toBe(app.ok);
    if (here.ok && app.ok) expect(here.id).toBe(app.id);
  });

  it('accepts ids that name Object.prototype slots, and trims spaces', () => {
    expect(checkModelId('__proto__/constructor')).toEqual({ ok: true, id: '__proto__/constructor' });
    expect(checkModelId(' a/b\t')).toEqual({ ok: true, id: 'a/b' });
  });

  it('says what an id looks like when refusing one', () => {
    const result = checkModelId('../../etc/passwd');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('owner/name');
  });
});
