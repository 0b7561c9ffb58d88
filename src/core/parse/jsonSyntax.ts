/**
 * Finds the first syntax error in a JSON text and explains it. Browsers word JSON.parse errors
 * differently and some give no position at all, so we locate the break ourselves. Runs only after
 * JSON.parse has failed.
 */
import { charAt, describeChar, isDigit, isWhitespace, isWordChar, shortWord } from './jsonChars';

export { describeChar } from './jsonChars';

export interface JsonSyntaxError {
  /** Character offset of the break. */
  offset: number;
  /** What is wrong, lower-case, no final period: "unexpected character ','". */
  problem: string;
  /** What to do about it, a full sentence. */
  hint: string;
}

/** Nesting deeper than this is not worth explaining (and would risk the call stack). */
export const MAX_DEPTH = 2000;

/** Characters that need no attention inside a JSON string (control characters do: JSON forbids them raw). */
// eslint-disable-next-line no-control-regex -- the control-character range is the point
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]+/y;

const HINT_MISSING_END = "Check for a missing ']' or '}' at the end.";
const HINT_CHECK_NUMBER = 'JSON numbers look like 12, -3.5 or 1e-7 (no leading + or zeros, no trailing dot).';

class Failure {
  constructor(readonly error: JsonSyntaxError) {}
}

export function findJsonSyntaxError(source: string): JsonSyntaxError | undefined {
  try {
    new Scanner(source).document();
    return undefined;
  } catch (thrown) {
    if (thrown instanceof Failure) return thrown.error;
    if (thrown instanceof RangeError) return undefined; // too deep for us; the caller falls back
    throw thrown;
  }
}

class Scanner {
  private pos = 0;
  private depth = 0;

  constructor(private readonly src: string) {}

  document(): void {
    this.skipWhitespace();
    if (this.pos >= this.src.length) this.fail(this.pos, 'the input is empty', 'Paste a JSON array of documents.');
    this.value();
    this.skipWhitespace();
    if (this.pos < this.src.length) {
      this.fail(
        this.pos,
        'unexpected text after the end of the JSON value',
        'If there is one JSON value per line, choose JSONL; otherwise wrap the values in [ ] separated by commas.',
      );
    }
  }

  private fail(offset: number, problem: string, hint: string): never {
    throw new Failure({ offset, problem, hint });
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.src[this.pos])) this.pos += 1;
  }

  private value(): void {
    const char = this.src[this.pos];
    if (char === undefined) this.fail(this.pos, 'the input ends too early', HINT_MISSING_END);
    if (char === '{') return this.nested(() => this.object());
    if (char === '[') return this.nested(() => this.array());
    if (char === '"') return this.string();
    if (char === '-' || isDigit(char)) return this.number();
    if (char === "'") this.fail(this.pos, `unexpected character "'"`, 'JSON strings use double quotes, not single quotes.');
    if (char === '/') this.fail(this.pos, 'a comment', 'JSON does not allow comments; remove it.');
    if (isWordChar(char)) return this.word();
    this.fail(this.pos, `unexpected character ${describeChar(charAt(this.src, this.pos) ?? char)}`, 'Check for a trailing or extra comma, or a missing value or quote.');
  }

  private nested(read: () => void): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new RangeError('nesting too deep');
    read();
    this.depth -= 1;
  }

  private word(): void {
    const start = this.pos;
    while (isWordChar(this.src[this.pos])) this.pos += 1;
    const word = this.src.slice(start, this.pos);
    if (word === 'true' || word === 'false' || word === 'null') return;
    if (/^(true|false|null|none|nan|infinity|undefined)$/i.test(word)) {
      this.fail(start, `unexpected word '${shortWord(word)}'`, 'JSON only knows true, false and null, in lower case; it has no NaN or undefined.');
    }
    this.fail(start, `unexpected word '${shortWord(word)}'`, 'Text values need double quotes around them.');
  }

  private object(): void {
    this.pos += 1; // '{'
    this.skipWhitespace();
    if (this.src[this.pos] === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.key();
      this.skipWhitespace();
      if (this.src[this.pos] !== ':') this.expected("':' after the property name", 'Check for a missing colon.');
      this.pos += 1;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      const char = this.src[this.pos];
      if (char === '}') {
        this.pos += 1;
        return;
      }
      if (char !== ',') this.expected("',' or '}'", 'Check for a missing comma between properties, or a missing quote.');
      const comma = this.pos;
      this.pos += 1;
      this.skipWhitespace();
      if (this.src[this.pos] === '}') this.fail(comma, "trailing comma before '}'", 'Remove the comma.');
    }
  }

  private key(): void {
    const char = this.src[this.pos];
    if (char === '"') return this.string();
    if (char === "'") this.fail(this.pos, `unexpected character "'"`, 'Property names need double quotes, not single quotes.');
    if (isWordChar(char)) {
      const start = this.pos;
      while (isWordChar(this.src[this.pos])) this.pos += 1;
      const name = this.src.slice(start, this.pos);
      const shown = shortWord(name);
      const hint = shown === name ? `Put property names in double quotes, like "${name}".` : 'Put property names in double quotes.';
      this.fail(start, `property name '${shown}' is not quoted`, hint);
    }
    this.expected('a property name in double quotes', 'Check for an extra comma or a missing quote.');
  }

  private array(): void {
    this.pos += 1; // '['
    this.skipWhitespace();
    if (this.src[this.pos] === ']') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipWhitespace();
      const char = this.src[this.pos];
      if (char === ']') {
        this.pos += 1;
        return;
      }
      if (char !== ',') this.expected("',' or ']'", 'Check for a missing comma between items, or a missing quote.');
      const comma = this.pos;
      this.pos += 1;
      this.skipWhitespace();
      if (this.src[this.pos] === ']') this.fail(comma, "trailing comma before ']'", 'Remove the comma.');
    }
  }

  /** Reports what was found where `what` was expected; at the end of input that means something is missing. */
  private expected(what: string, hint: string): never {
    const char = this.src[this.pos];
    if (char === undefined) this.fail(this.pos, 'the input ends too early', HINT_MISSING_END);
    this.fail(this.pos, `expected ${what} but found ${describeChar(charAt(this.src, this.pos) ?? char)}`, hint);
  }

  private string(): void {
    const start = this.pos;
    this.pos += 1; // opening quote
    for (;;) {
      // Skip ordinary characters in one step: long document texts would be slow one by one.
      PLAIN_STRING_RUN.lastIndex = this.pos;
      if (PLAIN_STRING_RUN.test(this.src)) this.pos = PLAIN_STRING_RUN.lastIndex;
      const char = this.src[this.pos];
      if (char === undefined) this.fail(start, 'a string that never ends', 'Add the missing closing quote (").');
      if (char === '"') {
        this.pos += 1;
        return;
      }
      if (char === '\\') {
        this.escape();
        continue;
      }
      if (char === '\n' || char === '\r') {
        this.fail(this.pos, 'a line break inside a string', 'A closing quote (") is probably missing here; inside a string write a line break as \\n.');
      }
      if (char < ' ') this.fail(this.pos, 'a control character inside a string', 'Write tabs as \\t and other control characters as \\u escapes.');
      this.pos += 1;
    }
  }

  private escape(): void {
    const start = this.pos;
    const kind = this.src[this.pos + 1];
    if (kind !== undefined && '"\\/bfnrt'.includes(kind)) {
      this.pos += 2;
      return;
    }
    if (kind === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.pos + 2, this.pos + 6))) {
      this.pos += 6;
      return;
    }
    this.fail(start, 'an invalid escape in a string', 'Write a backslash as \\\\; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.');
  }

  private number(): void {
    const start = this.pos;
    if (this.src[this.pos] === '-') this.pos += 1;
    if (this.src[this.pos] === '0') {
      this.pos += 1;
      if (isDigit(this.src[this.pos])) this.fail(start, 'a number with a leading zero', HINT_CHECK_NUMBER);
    } else {
      this.digits(start);
    }
    if (this.src[this.pos] === '.') {
      this.pos += 1;
      this.digits(start);
    }
    if (this.src[this.pos] === 'e' || this.src[this.pos] === 'E') {
      this.pos += 1;
      if (this.src[this.pos] === '+' || this.src[this.pos] === '-') this.pos += 1;
      this.digits(start);
    }
  }

  private digits(numberStart: number): void {
    if (!isDigit(this.src[this.pos])) this.fail(numberStart, 'an invalid number', HINT_CHECK_NUMBER);
    while (isDigit(this.src[this.pos])) this.pos += 1;
  }
}
