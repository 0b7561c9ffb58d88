/**
 * The Porter stemmer, exactly as in M.F. Porter, "An algorithm for suffix stripping",
 * Program 14(3), 1980. This is the classic 1980 algorithm, not Snowball's "Porter2" and
 * without the later departures of Porter's own C version (e.g. it keeps ABLI -> ABLE and has no LOGI rule).
 *
 * Input must be a lowercase ASCII word; anything else is returned unchanged by the tokenizer's caller.
 */

interface SuffixRule {
  suffix: string;
  replacement: string;
}

const rules = (pairs: readonly (readonly [string, string])[]): readonly SuffixRule[] =>
  pairs.map(([suffix, replacement]) => ({ suffix, replacement }));

// Step 2, condition (m > 0).
const step2Rules = rules([
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['abli', 'able'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
]);

// Step 3, condition (m > 0).
const step3Rules = rules([
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
]);

// Step 4, condition (m > 1); ION additionally needs the stem to end in S or T.
const step4Suffixes: readonly string[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
  'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

/** A consonant is not a, e, i, o, u, and not a y that follows a consonant. */
function isConsonant(word: string, i: number): boolean {
  const ch = word[i];
  if (ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u') return false;
  if (ch === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** m in [C](VC)^m[V]: the number of vowel-consonant sequences in the stem. */
export function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

/** *v*: the stem contains a vowel. */
function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** *d: the stem ends with a double consonant. */
function endsWithDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

/** *o: the stem ends consonant-vowel-consonant, and the last consonant is not w, x or y. */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  const last = stem[n - 1];
  return (
    isConsonant(stem, n - 3) && !isConsonant(stem, n - 2) && isConsonant(stem, n - 1) &&
    last !== 'w' && last !== 'x' && last !== 'y'
  );
}

/**
 * Applies the rule with the longest matching suffix, if its condition on the stem holds.
 * As in the paper, once the longest suffix matches, no shorter rule of the step is tried.
 */
function applyLongestRule(word: string, stepRules: readonly SuffixRule[], condition: (stem: string) => boolean): string {
  let best: SuffixRule | undefined;
  for (const rule of stepRules) {
    if (word.endsWith(rule.suffix) && (!best || rule.suffix.length > best.suffix.length)) best = rule;
  }
  if (!best) return word;
  const stem = word.slice(0, word.length - best.suffix.length);
  return condition(stem) ? stem + best.replacement : word;
}

function step1a(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('ss')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function step1b(word: string): string {
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }
  let stem: string | undefined;
  if (word.endsWith('ed')) stem = word.slice(0, -2);
  else if (word.endsWith('ing')) stem = word.slice(0, -3);
  if (stem === undefined || !containsVowel(stem)) return word;
  return tidyAfterStep1b(stem);
}

/** After removing ED or ING, restore an E or undouble a final consonant. */
function tidyAfterStep1b(stem: string): string {
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsWithDoubleConsonant(stem)) {
    const last = stem[stem.length - 1];
    return last === 'l' || last === 's' || last === 'z' ? stem : stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsCvc(stem)) return stem + 'e';
  return stem;
}

function step1c(word: string): string {
  return word.endsWith('y') && containsVowel(word.slice(0, -1)) ? word.slice(0, -1) + 'i' : word;
}

function step4(word: string): string {
  let best = '';
  for (const suffix of step4Suffixes) {
    if (word.endsWith(suffix) && suffix.length > best.length) best = suffix;
  }
  if (!best) return word;
  const stem = word.slice(0, word.length - best.length);
  if (measure(stem) <= 1) return word;
  if (best === 'ion' && !(stem.endsWith('s') || stem.endsWith('t'))) return word;
  return stem;
}

function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

function step5b(word: string): string {
  return measure(word) > 1 && endsWithDoubleConsonant(word) && word.endsWith('l') ? word.slice(0, -1) : word;
}

/** Stems one lowercase ASCII word. Words of one or two letters are left alone, as in Porter's own code. */
export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  let w = step1a(word);
  w = step1b(w);
  w = step1c(w);
  w = applyLongestRule(w, step2Rules, (stem) => measure(stem) > 0);
  w = applyLongestRule(w, step3Rules, (stem) => measure(stem) > 0);
  w = step4(w);
  w = step5a(w);
  return step5b(w);
}
