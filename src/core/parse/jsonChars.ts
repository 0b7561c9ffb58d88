/** Characters as the JSON scanner sees them, and as error messages name them. */

/** A bare word or name longer than this is cut in messages: a 5 MB unquoted word must not make a 5 MB message. */
const MAX_SHOWN_WORD = 30;

/** Control characters, lone surrogate halves, and invisible or line-breaking format characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must catch
const UNSHOWABLE = /^(?:[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]|[\ud800-\udfff])$/;

/** Names a character the way a person would read it in an error message. */
export function describeChar(char: string): string {
  if (char === '\n' || char === '\r') return 'line break';
  if (char === '\t') return 'tab';
  if (char === "'") return `"'"`;
  if (UNSHOWABLE.test(char)) {
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    if (char === '\ufeff') return `${code} (a byte-order mark)`;
    return /[\ud800-\udfff]/.test(char) ? `${code} (half of a character)` : code;
  }
  return `'${char}'`;
}

/** The whole character at `pos`: both halves of a surrogate pair, so an emoji is named as itself. */
export function charAt(src: string, pos: number): string | undefined {
  const code = src.codePointAt(pos);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** A word cut for a message. Word characters are ASCII, so it is safe to cut anywhere. */
export function shortWord(word: string): string {
  return word.length > MAX_SHOWN_WORD ? `${word.slice(0, MAX_SHOWN_WORD)}…` : word;
}

export function isWhitespace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_$]/.test(char);
}
