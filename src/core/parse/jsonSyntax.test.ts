import { describe, expect, it } from 'vitest';
import { describeChar, findJsonSyntaxError } from './jsonSyntax';
import { explainJsonFailure } from './jsonError';

const MISSING_END = "Check for a missing ']' or '}' at the end.";
const NUMBER_HINT = 'JSON numbers look like 12, -3.5 or 1e-7 (no leading + or zeros, no trailing dot).';

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    expect(findJsonSyntaxError('{"a":[1,-2.5e+3,"x\\u00e9\\n",true,null,{}],"b":[]}')).toBeUndefined();
    expect(findJsonSyntaxError('  "just a string"  ')).toBeUndefined();
  });

  it.each([
    ['[1,2,]', 4, "trailing comma before ']'", 'Remove the comma.'],
    ['{"a":1,}', 6, "trailing comma before '}'", 'Remove the comma.'],
    ['{a:1}', 1, "property name 'a' is not quoted", 'Put property names in double quotes, like "a".'],
    ["{'a':1}", 1, `unexpected character "'"`, 'Property names need double quotes, not single quotes.'],
    ["['x']", 1, `unexpected character "'"`, 'JSON strings use double quotes, not single quotes.'],
    ['[1 2]', 3, "expected ',' or ']' but found '2'", 'Check for a missing comma between items, or a missing quote.'],
    ['{"a":1 "b":2}', 7, `expected ',' or '}' but found '"'`, 'Check for a missing comma between properties, or a missing quote.'],
    ['{"a" 1}', 5, "expected ':' after the property name but found '1'", 'Check for a missing colon.'],
    ['{,}', 1, "expected a property name in double quotes but found ','", 'Check for an extra comma or a missing quote.'],
    ['["abc', 1, 'a string that never ends', 'Add the missing closing quote (").'],
    ['["ab\ncd"]', 4, 'a line break inside a string', 'A closing quote (") is probably missing here; inside a string write a line break as \\n.'],
    ['["a\tb"]', 3, 'a control character inside a string', 'Write tabs as \\t and other control characters as \\u escapes.'],
    ['["a\\x"]', 3, 'an invalid escape in a string', 'Write a backslash as \\\\; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.'],
    ['[1,2', 4, 'the input ends too early', MISSING_END],
    ['{"a":', 5, 'the input ends too early', MISSING_END],
    ['', 0, 'the input is empty', 'Paste a JSON array of documents.'],
    ['   ', 3, 'the input is empty', 'Paste a JSON array of documents.'],
    [
      '[1]\n x',
      5,
      'unexpected text after the end of the JSON value',
      'If there is one JSON value per line, choose JSONL; otherwise wrap the values in [ ] separated by commas.',
    ],
    ['[True]', 1, "unexpected word 'True'", 'JSON only knows true, false and null, in lower case; it has no NaN or undefined.'],
    ['[NaN]', 1, "unexpected word 'NaN'", 'JSON only knows true, false and null, in lower case; it has no NaN or undefined.'],
    ['[hello]', 1, "unexpected word 'hello'", 'Text values need double quotes around them.'],
    ['[01]', 1, 'a number with a leading zero', NUMBER_HINT],
    ['[1.]', 1, 'an invalid number', NUMBER_HINT],
    ['[-]', 1, 'an invalid number', NUMBER_HINT],
    ['[1,,2]', 3, "unexpected character ','", 'Check for a trailing or extra comma, or a missing value or quote.'],
    ['// note\n[1]', 0, 'a comment', 'JSON does not allow comments; remove it.'],
  ])('%j breaks at offset %i: %s', (source, offset, problem, hint) => {
    expect(findJsonSyntaxError(source)).toEqual({ offset, problem, hint });
  });

  it('finds a control character after a long run of text and an escaped quote', () => {
    const source = `["${'a'.repeat(100)}\\"${'b'.repeat(50)}\t"]`;
    expect(findJsonSyntaxError(source)?.offset).toBe(154);
  });

  it('keeps messages short when the bad word or property name is huge', () => {
    expect(findJsonSyntaxError(`[${'a'.repeat(100_000)}]`)).toEqual({
      offset: 1,
      problem: `unexpected word '${'a'.repeat(30)}…'`,
      hint: 'Text values need double quotes around them.',
    });
    expect(findJsonSyntaxError(`{${'k'.repeat(100_000)}: 1}`)).toEqual({
      offset: 1,
      problem: `property name '${'k'.repeat(30)}…' is not quoted`,
      hint: 'Put property names in double quotes.',
    });
  });

  it('gives up (undefined) on nesting too deep to explain', () => {
    expect(findJsonSyntaxError('['.repeat(5000))).toBeUndefined();
  });
});

describe('describeChar', () => {
  it('names invisible characters', () => {
    expect(describeChar('\n')).toBe('line break');
    expect(describeChar('\t')).toBe('tab');
    expect(describeChar(',')).toBe("','");
  });
  it('names characters that cannot be seen, or cannot be shown alone, by their code', () => {
    expect(describeChar('\u0000')).toBe('U+0000');
    expect(describeChar('\uFEFF')).toBe('U+FEFF (a byte-order mark)');
    expect(describeChar('\u200B')).toBe('U+200B');
    expect(describeChar('\uD800')).toBe('U+D800 (half of a character)');
    expect(describeChar('😀')).toBe("'😀'");
  });
  it('names a whole emoji found where a value should be, not half of it', () => {
    expect(findJsonSyntaxError('[😀]')?.problem).toBe("unexpected character '😀'");
    expect(findJsonSyntaxError('[1 \uFEFF]')?.problem).toBe("expected ',' or ']' but found U+FEFF (a byte-order mark)");
  });
});

describe('explainJsonFailure', () => {
  it('turns the offset into a line and column, and keeps the native message as the cause', () => {
    const source = '[\n  1,\n  2,\n]';
    expect(explainJsonFailure(source, new SyntaxError('native words'))).toEqual({
      at: { line: 3, column: 4 },
      problem: "trailing comma before ']'",
      hint: 'Remove the comma.',
      cause: 'native words',
    });
  });

  it('falls back to the native position when the scanner gives up', () => {
    const failure = explainJsonFailure('['.repeat(3000), new SyntaxError('Unexpected thing in JSON at position 2999'));
    expect(failure.at).toEqual({ line: 1, column: 3000 });
    expect(failure.problem).toBe('Unexpected thing in JSON at position 2999');
  });

  it('has no location when neither the scanner nor the native message gives one', () => {
    expect(explainJsonFailure('['.repeat(3000), new SyntaxError('Unexpected end of JSON input')).at).toBeUndefined();
  });
});
