/**
 * The presenter flag in an address: `#present` (or `#present=1`) in the fragment, `?present=1` (or `?present`) in
 * the query. The fragment is `&`-separated `name[=value]` parts, as the share link reads it (core/share/link.ts):
 * `#present&s=1.…` and `#s=1.…&present` both keep the share parameter whole.
 */
export const PRESENT_PARAM = 'present';

const ON_VALUES: ReadonlySet<string> = new Set(['', '1', 'true', 'yes', 'on']);

function partsOf(body: string, lead: '#' | '?'): string[] {
  const rest = body.startsWith(lead) ? body.slice(1) : body;
  return rest === '' ? [] : rest.split('&');
}

const nameOf = (part: string): string => {
  const eq = part.indexOf('=');
  return eq === -1 ? part : part.slice(0, eq);
};

/** Whether one of `parts` turns the flag on; `present=0` (or any other value) does not. */
function flagIn(parts: readonly string[]): boolean {
  return parts.some((part) => nameOf(part) === PRESENT_PARAM && ON_VALUES.has(part.slice(PRESENT_PARAM.length + 1).toLowerCase()));
}

/** Whether an address (its `location.hash` and `location.search`) asks for presenter mode. */
export function presentFlagIn(hash: string, search: string): boolean {
  return flagIn(partsOf(hash, '#')) || flagIn(partsOf(search, '?'));
}

/** The fragment with the flag added at its end (other parameters kept), unless it is on already. */
export function hashWithPresentFlag(hash: string): string {
  const parts = partsOf(hash, '#');
  if (flagIn(parts)) return hash;
  return `#${[...parts.filter((p) => nameOf(p) !== PRESENT_PARAM), PRESENT_PARAM].join('&')}`;
}

/** The fragment without the flag ('' when nothing is left). */
export function hashWithoutPresentFlag(hash: string): string {
  const rest = partsOf(hash, '#').filter((p) => nameOf(p) !== PRESENT_PARAM);
  return rest.length === 0 ? '' : `#${rest.join('&')}`;
}

/** The query string without the flag ('' when nothing is left); other parameters are kept byte for byte. */
export function searchWithoutPresentFlag(search: string): string {
  const rest = partsOf(search, '?').filter((p) => nameOf(p) !== PRESENT_PARAM);
  return rest.length === 0 ? '' : `?${rest.join('&')}`;
}
