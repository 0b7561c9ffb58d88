/**
 * Text for an SVG document built as a string. Every text in it is user data (ids, documents, the query, column
 * names) and may be hostile: it is escaped for XML, so that it can only ever be character data, never markup.
 */

/**
 * Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) and lone surrogates: one of them makes the
 * whole document unreadable, so each becomes U+FFFD, the replacement character.
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what this must find.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);

/** Safe as element text and as a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/gu, (c) => ENTITIES.get(c) ?? c);
}

/** At most `max` characters (code points, so an emoji is never cut in half), with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * A text as it reads in a row clamped to `lines` lines of about `perLine` characters: runs of white space
 * become one space (as in HTML), lines break at a space where there is one, and the last line ends in "…"
 * when text is left over.
 */
export function clampLines(text: string, perLine: number, lines: number): string[] {
  let rest = Array.from(text.replace(/\s+/gu, ' ').trim());
  const out: string[] = [];
  while (rest.length > 0 && out.length < lines) {
    if (rest.length <= perLine) {
      out.push(rest.join(''));
      break;
    }
    if (out.length === lines - 1) {
      out.push(`${rest.slice(0, perLine - 1).join('').trimEnd()}…`);
      break;
    }
    const space = rest.lastIndexOf(' ', perLine);
    const cut = space > 0 ? space : perLine;
    out.push(rest.slice(0, cut).join(''));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  return out;
}
