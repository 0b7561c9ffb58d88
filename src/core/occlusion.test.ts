import { describe, expect, it } from 'vitest';
import { heatPieces, MAX_WORD_UNITS, MAX_WORDS_PER_SENTENCE, occlusionEffects, planOcclusion, splitSentences, splitWords, topEffects, withoutUnit } from './occlusion';

const spans = (units: { start: number; end: number; text: string }[]) => units.map((u) => [u.start, u.end, u.text]);

describe('splitWords', () => {
  it('finds words with their offsets and trims edge punctuation', () => {
    // "Book cheap flights to Paris, today."
    //  0123456789012345678901234567890123
    // Book 0-4, cheap 5-10, flights 11-18, to 19-21, Paris 22-27 (the comma at 27 stays out), today 29-34.
    expect(spans(splitWords('Book cheap flights to Paris, today.'))).toEqual([
      [0, 4, 'Book'],
      [5, 10, 'cheap'],
      [11, 18, 'flights'],
      [19, 21, 'to'],
      [22, 27, 'Paris'],
      [29, 34, 'today'],
    ]);
  });

  it('keeps inner punctuation, drops chunks of punctuation only, and reads brackets and quotes', () => {
    // "(AI) — don't \"state-of-the-art\" !!"
    //  AI at 1-3; the dash chunk is no word; don't 7-12; state-of-the-art 14-30 (inside the quotes at 13 and 30).
    expect(spans(splitWords('(AI) — don\'t "state-of-the-art" !!'))).toEqual([
      [1, 3, 'AI'],
      [7, 12, "don't"],
      [14, 30, 'state-of-the-art'],
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitWords('')).toEqual([]);
    expect(splitWords('  \n\t ')).toEqual([]);
    expect(splitWords('... ;')).toEqual([]);
  });

  it('counts offsets in UTF-16 units, so slices of accented and astral text line up', () => {
    // "café 🎉x" : café 0-4, then "🎉x" is one chunk; the emoji (2 UTF-16 units) is edge punctuation, x at 7-8.
    const units = splitWords('café 🎉x');
    expect(spans(units)).toEqual([
      [0, 4, 'café'],
      [7, 8, 'x'],
    ]);
  });

  it('treats ids and words like __proto__ as text, each a unit of its own', () => {
    // "__proto__ constructor" : "__proto__" is trimmed of its underscores (edge punctuation) to "proto" at 2-7.
    expect(spans(splitWords('__proto__ constructor toString'))).toEqual([
      [2, 7, 'proto'],
      [10, 21, 'constructor'],
      [22, 30, 'toString'],
    ]);
  });
});

describe('withoutUnit', () => {
  it('removes a word and one side of its spaces', () => {
    const text = 'a b c';
    const [a, b, c] = splitWords(text);
    if (!a || !b || !c) throw new Error('three words expected');
    expect(withoutUnit(text, a)).toBe('b c');
    expect(withoutUnit(text, b)).toBe('a c');
    expect(withoutUnit(text, c)).toBe('a b ');
  });

  it('leaves punctuation next to a removed word in place', () => {
    expect(withoutUnit('to Paris, today.', { start: 3, end: 8 })).toBe('to , today.');
  });
});

describe('splitSentences', () => {
  it('ends sentences at . ! ? and line breaks, keeping the closing punctuation', () => {
    // "One two. Three!\nFour? Five"
    //  0123456789012345 6789012345
    // "One two." 0-8, "Three!" 9-15, line break at 15, "Four?" 16-21, "Five" 22-26.
    expect(spans(splitSentences('One two. Three!\nFour? Five'))).toEqual([
      [0, 8, 'One two.'],
      [9, 15, 'Three!'],
      [16, 21, 'Four?'],
      [22, 26, 'Five'],
    ]);
  });

  it('does not end a sentence inside a number', () => {
    expect(splitSentences('It costs 3.5 euros. Yes').map((u) => u.text)).toEqual(['It costs 3.5 euros.', 'Yes']);
  });

  it('cuts a sentence without full stops into windows of MAX_WORDS_PER_SENTENCE words', () => {
    // 2 * 40 + 5 = 85 words "w0 … w84" -> windows w0..w39, w40..w79, w80..w84.
    const words = Array.from({ length: 2 * MAX_WORDS_PER_SENTENCE + 5 }, (_, i) => `w${i}`);
    const units = splitSentences(words.join(' '));
    expect(units.map((u) => u.text.split(' ').length)).toEqual([40, 40, 5]);
    expect(units[1]?.text.startsWith('w40 ')).toBe(true);
    expect(units[2]?.text).toBe('w80 w81 w82 w83 w84');
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('\n\n')).toEqual([]);
  });
});

describe('planOcclusion', () => {
  it('occludes word by word up to MAX_WORD_UNITS words, the original first', () => {
    const plan = planOcclusion('cheap flights, cheap');
    expect(plan.kind).toBe('word');
    expect(plan.docs).toEqual(['cheap flights, cheap', 'flights, cheap', 'cheap , cheap', 'cheap flights, ']);
  });

  it('switches to sentences past MAX_WORD_UNITS words', () => {
    // 301 words in 7 sentences: 6 of 50 words and one of 1 word -> 7 units, 8 texts to score.
    const sentence = `${Array.from({ length: 50 }, () => 'word').join(' ')}.`;
    const text = `${Array.from({ length: 6 }, () => sentence).join(' ')} end.`;
    expect(splitWords(text)).toHaveLength(MAX_WORD_UNITS + 1);
    const plan = planOcclusion(text);
    expect(plan.kind).toBe('sentence');
    // A 50-word sentence is longer than MAX_WORDS_PER_SENTENCE (40): 40 + 10 words each, so 6 * 2 + 1 = 13 units.
    expect(plan.units).toHaveLength(13);
    expect(plan.docs).toHaveLength(14);
  });

  it('plans nothing but the original for empty text', () => {
    expect(planOcclusion('')).toEqual({ kind: 'word', units: [], docs: [''] });
  });
});

describe('occlusionEffects', () => {
  // The overlap model on query "cheap flights" and "cheap flights today" (3 tokens):
  // base = 2 matched - 0.003 = 1.997; without "cheap": 1 - 0.002 = 0.998; without "flights": 0.998;
  // without "today": 2 - 0.002 = 1.998. Effects: 0.999, 0.999, -0.001; the largest |effect| is 0.999.
  const plan = planOcclusion('cheap flights today');
  const result = occlusionEffects(plan, [1.997, 0.998, 0.998, 1.998]);

  it('is the base minus the variant: positive when the unit raised the score', () => {
    expect(result.base).toBe(1.997);
    expect(result.effects.map((e) => e.effect)).toEqual([expect.closeTo(0.999, 12), expect.closeTo(0.999, 12), expect.closeTo(-0.001, 12)]);
  });

  it('normalizes by the largest |effect|', () => {
    // -0.001 / 0.999 = -0.001001...
    expect(result.effects.map((e) => e.normalized)).toEqual([1, 1, expect.closeTo(-0.001001, 6)]);
  });

  it('gives 0 everywhere when nothing moved, and NaN effects stay out of the scale', () => {
    const flat = occlusionEffects(planOcclusion('a b'), [2, 2, Number.NaN]);
    expect(flat.effects.map((e) => e.effect)).toEqual([0, Number.NaN]);
    expect(flat.effects.map((e) => e.normalized)).toEqual([0, 0]);
  });

  it('refuses a score list of the wrong length, naming where', () => {
    expect(() => occlusionEffects(plan, [1, 2])).toThrow(/occlusion\.ts.*expected 4 scores.*got 2/);
  });
});

describe('topEffects', () => {
  it('orders by |effect|, ties by position, and leaves out zero effects', () => {
    // effects: a +0.5, b -2, c 0, d +2 -> |2| ties: b (1) before d (3), then a; c has no effect.
    const result = occlusionEffects(planOcclusion('a b c d'), [0, -0.5, 2, 0, -2]);
    expect(topEffects(result.effects, 10).map((e) => [e.text, e.effect])).toEqual([
      ['b', -2],
      ['d', 2],
      ['a', 0.5],
    ]);
    expect(topEffects(result.effects, 1).map((e) => e.text)).toEqual(['b']);
    expect(topEffects(result.effects, 0)).toEqual([]);
  });

  it('lists a repeated word once per occurrence', () => {
    const result = occlusionEffects(planOcclusion('cheap cheap'), [1, 0.5, 0.25]);
    expect(topEffects(result.effects, 5).map((e) => [e.text, e.index, e.effect])).toEqual([
      ['cheap', 1, 0.75],
      ['cheap', 0, 0.5],
    ]);
  });
});

describe('heatPieces', () => {
  it('cuts the text into units and the gaps between them, losing nothing', () => {
    const text = '(to) Paris, today';
    const result = occlusionEffects(planOcclusion(text), [3, 2, 1, 3]);
    const pieces = heatPieces(text, result.effects);
    expect(pieces.map((p) => [p.text, p.effect?.effect ?? null])).toEqual([
      ['(', null],
      ['to', 1],
      [') ', null],
      ['Paris', 2],
      [', ', null],
      ['today', 0],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('gives the whole text as one gap when there are no units', () => {
    expect(heatPieces('…', [])).toEqual([{ text: '…', effect: null }]);
    expect(heatPieces('', [])).toEqual([]);
  });
});
