import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

const plain = { stem: false, stopwords: false };
const stopOnly = { stem: false, stopwords: true };
const stemOnly = { stem: true, stopwords: false };
const both = { stem: true, stopwords: true };

describe('tokenize', () => {
  it('lowercases and splits on anything that is not a letter, digit or mark', () => {
    expect(tokenize("Hello, World! It's 2024.", plain)).toEqual(['hello', 'world', 'it', 's', '2024']);
    expect(tokenize('state-of-the-art_AI', plain)).toEqual(['state', 'of', 'the', 'art', 'ai']);
  });

  it('returns no terms for empty or punctuation-only text', () => {
    expect(tokenize('', plain)).toEqual([]);
    expect(tokenize('  ... !? — ', both)).toEqual([]);
  });

  it('drops NLTK stopwords only when asked, including the pieces of contractions', () => {
    const text = "How do I stop my laptop? Don't panic.";
    expect(tokenize(text, plain)).toEqual(['how', 'do', 'i', 'stop', 'my', 'laptop', 'don', 't', 'panic']);
    expect(tokenize(text, stopOnly)).toEqual(['stop', 'laptop', 'panic']);
  });

  it('stems English words only when asked', () => {
    expect(tokenize('Running cats generalizations', plain)).toEqual(['running', 'cats', 'generalizations']);
    expect(tokenize('Running cats generalizations', stemOnly)).toEqual(['run', 'cat', 'gener']);
  });

  it('checks stopwords on the surface form, before stemming', () => {
    // "doing" is a stopword and goes. "ones" is not, so it stays, although its stem "on" is one.
    expect(tokenize('doing ones', both)).toEqual(['on']);
  });

  it('keeps accented, Cyrillic, CJK and Devanagari words whole and leaves them unstemmed', () => {
    expect(tokenize('Café NAÏVE Москва 東京タワー नमस्ते', both)).toEqual(['café', 'naïve', 'москва', '東京タワー', 'नमस्ते']);
  });

  it('normalises with NFKC: full-width letters, ligatures and decomposed accents', () => {
    expect(tokenize('ＡＩ', plain)).toEqual(['ai']);
    expect(tokenize('\uFB01le', plain)).toEqual(['file']); // the "fi" ligature
    expect(tokenize('cafe\u0301', plain)).toEqual(['caf\u00e9']); // e + combining acute -> é
  });
});
