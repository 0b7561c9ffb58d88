import { describe, expect, it } from 'vitest';
import { addBilledUnits, emptyBilledUnits, parseRerankAnswer, serverMessage, snippet } from './response';

const answer = (results: unknown, meta?: unknown) => JSON.stringify({ results, meta });

describe('parseRerankAnswer', () => {
  it('aligns scores with the documents by index and reads meta', () => {
    const body = answer(
      [
        { index: 1, relevance_score: 0.8 },
        { index: 0, relevance_score: 0.2 },
      ],
      { billed_units: { search_units: 1, note: 'x' }, warnings: ['old model', 3] },
    );
    expect(parseRerankAnswer(body, 2)).toEqual({
      ok: true,
      value: { scores: [0.2, 0.8], billedUnits: { search_units: 1 }, warnings: ['old model'] },
    });
  });

  it('accepts an answer without meta', () => {
    expect(parseRerankAnswer(answer([{ index: 0, relevance_score: 0 }]), 1)).toEqual({
      ok: true,
      value: { scores: [0], billedUnits: {}, warnings: [] },
    });
  });

  it('says when the body is not JSON', () => {
    expect(parseRerankAnswer('<html>', 1)).toEqual({ ok: false, error: { kind: 'not-json' } });
  });

  it.each([
    ['[]', 'the answer is not a JSON object'],
    ['{"data": []}', 'it has no "results" list'],
    [answer([1]), 'results[0] is not an object'],
    [answer([{ index: 0.5, relevance_score: 1 }]), 'results[0].index is not a whole number'],
    [answer([{ index: '0', relevance_score: 1 }]), 'results[0].index is not a whole number'],
    [answer([{ index: -1, relevance_score: 1 }]), 'results[0].index is -1, outside 0..1'],
    [answer([{ index: 0, relevance_score: 1 }, { index: 0, relevance_score: 1 }]), 'document 0 appears twice in "results"'],
    [answer([{ index: 0, relevance_score: '0.5' }]), 'results[0].relevance_score is not a number'],
    [answer([{ index: 0 }]), 'results[0].relevance_score is not a number'],
  ])('refuses %s: %s', (body, problem) => {
    expect(parseRerankAnswer(body, 2)).toEqual({ ok: false, error: { kind: 'wrong-shape', problem } });
  });

  it('lists the documents the answer left out', () => {
    expect(parseRerankAnswer(answer([{ index: 1, relevance_score: 1 }]), 4)).toEqual({
      ok: false,
      error: { kind: 'missing-documents', missing: [0, 2, 3] },
    });
  });
});

describe('serverMessage and snippet', () => {
  it('prefers the JSON message field', () => {
    expect(serverMessage('{"message": "query is empty"}')).toBe('query is empty');
  });

  it('falls back to the text, on one line', () => {
    expect(serverMessage('Bad\n  Gateway')).toBe('Bad Gateway');
    expect(serverMessage('{"error": "x"}')).toBe('{"error": "x"}');
  });

  it('shortens long text and names an empty body', () => {
    expect(snippet('abcdef', 3)).toBe('abc…');
    expect(snippet('  ')).toBe('(empty)');
  });
});

describe('addBilledUnits', () => {
  it('sums unit by unit', () => {
    const total = emptyBilledUnits();
    addBilledUnits(total, { search_units: 1 });
    addBilledUnits(total, { search_units: 2, tokens: 5 });
    expect(Object.entries(total)).toEqual([
      ['search_units', 3],
      ['tokens', 5],
    ]);
  });

  it('sums units named like Object members as numbers: 3 + 4 = 7, not "function Object()…4"', () => {
    const total = emptyBilledUnits();
    // JSON.parse makes "__proto__" an own key, as a server's answer would; an object literal would not.
    const call = JSON.parse('{"__proto__": 3, "constructor": 3, "toString": 3}') as Record<string, number>;
    addBilledUnits(total, call);
    addBilledUnits(total, JSON.parse('{"__proto__": 4, "constructor": 4, "toString": 4}') as Record<string, number>);
    expect(Object.entries(total)).toEqual([
      ['__proto__', 7],
      ['constructor', 7],
      ['toString', 7],
    ]);
  });
});

describe('parseRerankAnswer: billed units named like Object members', () => {
  it('keeps __proto__, constructor and toString as units', () => {
    const body = '{"results": [{"index": 0, "relevance_score": 0.5}], "meta": {"billed_units": {"__proto__": 2, "constructor": 1, "toString": 5, "search_units": 1}}}';
    const parsed = parseRerankAnswer(body, 1);
    if (!parsed.ok) throw new Error('expected a parsed answer');
    expect(Object.entries(parsed.value.billedUnits)).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['toString', 5],
      ['search_units', 1],
    ]);
  });

  it('starts from no units at all when meta has none: constructor is not inherited', () => {
    const parsed = parseRerankAnswer(answer([{ index: 0, relevance_score: 0 }]), 1);
    if (!parsed.ok) throw new Error('expected a parsed answer');
    expect(parsed.value.billedUnits.constructor).toBeUndefined();
  });
});
