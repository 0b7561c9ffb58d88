/**
 * What the fuzz tests (*.fuzz.test.ts) share: seeded random text, mutations of valid samples (text and JSON
 * trees), and a timed call that turns a throw into a problem. Test-only; nothing in the app imports it.
 * The text mutator generalises the ones parse.fuzz.test.ts and lineReaders.fuzz.test.ts grew (both keep their own, so
 * their seeded cases stay as they were, and take pick and randomUnit from here).
 */
import { mulberry32 } from '../random';

export type Random = () => number;
export { mulberry32 };

/** No single case may take longer: inputs are at most a few KB (or one huge line), so this only catches runaway work. */
export const MAX_CASE_MS = 2000;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
export const randomInt = (random: Random, below: number): number => Math.floor(random() * below);

/** Characters and tokens that break formats: separators, quotes, braces, line ends, BOMs, surrogate halves, ids that are property names. */
export const NOISE = [
  '\t', ',', '"', "'", '{', '}', '[', ']', ':', '\\', '<', '>', '/', '#', '.', '-', '_', '=', '&', '%', '\r', '\n', '\r\n', '\n\n', ' ',
  '\uFEFF', '\u0000', '\u00A0', '\u2028', '\uD800', '\uDFFF', '😀', 'é', '1e400', '0x1F', '-1', '9', 'null', 'true', 'NaN', 'Infinity',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '"text"', '""', '{}', '[]',
];

/** Mostly printable ASCII, sometimes any UTF-16 code unit (lone surrogates and control characters included). */
export function randomUnit(random: Random): string {
  return random() < 0.7 ? String.fromCharCode(32 + randomInt(random, 95)) : String.fromCharCode(randomInt(random, 0x10000));
}

/** Up to `maxLength` noise tokens and random characters. */
export function garbage(random: Random, maxLength = 200, alphabet: readonly string[] = NOISE): string {
  let text = '';
  const length = randomInt(random, maxLength);
  for (let i = 0; i < length; i += 1) text += random() < 0.5 ? pick(random, alphabet) : randomUnit(random);
  return text;
}

/** 1 to 8 edits: delete a span, duplicate a span, insert a noise token or any character, repeat the tail, or cut it off. */
export function mutate(sample: string, random: Random, alphabet: readonly string[] = NOISE): string {
  let text = sample;
  const edits = 1 + randomInt(random, 8);
  for (let i = 0; i < edits; i += 1) {
    const at = randomInt(random, text.length + 1);
    const span = 1 + randomInt(random, 12);
    const roll = random();
    if (roll < 0.25) text = text.slice(0, at) + text.slice(at + span);
    else if (roll < 0.4) text = text.slice(0, at) + text.slice(at, at + span).repeat(2 + randomInt(random, 3)) + text.slice(at + span);
    else if (roll < 0.75) text = text.slice(0, at) + pick(random, alphabet) + text.slice(at);
    else if (roll < 0.9) text = text.slice(0, at) + randomUnit(random) + text.slice(at);
    else if (roll < 0.95) text = text.slice(0, at) + text.slice(at).repeat(1 + randomInt(random, 3));
    else text = text.slice(0, at);
  }
  return text;
}

/** Values of every JSON type, wrong for most fields: what a hand edit or an older build may leave. */
export const ODD_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, 5, 1e300, -0, '', ' ', '5', 'x', '__proto__', [], [1, 2], [['a', 1]], [[]], {}, JSON.parse('{"__proto__": 1}') as unknown, { constructor: 'x' },
  { toString: 5 }, 'a'.repeat(1000), Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -1e6,
];

/** Property names that a mutation adds: ones plain objects already have, and ones no schema knows. */
const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'apiKey', 'extra', '0', 'state', 'version'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every path to a value inside `root` (objects and arrays), the root itself as []. */
function pathsOf(root: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(root)) root.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (isRecord(root)) for (const key of Object.keys(root)) pathsOf(root[key], [...prefix, key], out);
  return out;
}

function at(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const step of path) value = Array.isArray(value) ? value[step as number] : isRecord(value) ? value[step as string] : undefined;
  return value;
}

/**
 * 1 to 4 structural edits of a JSON value (a deep copy; `value` is untouched): a value replaced by one of another
 * type, a field deleted, an odd field added (own `__proto__` included), an array item duplicated or removed,
 * a number pushed out of range. The result is still JSON, so the schema, not the JSON parser, meets it.
 */
export function mutateJson(value: unknown, random: Random): unknown {
  const root: unknown = JSON.parse(JSON.stringify(value));
  const holder: Record<string, unknown> = { root };
  const edits = 1 + randomInt(random, 4);
  for (let i = 0; i < edits; i += 1) {
    const path = pick(random, pathsOf(holder.root));
    const parentPath = ['root', ...path.slice(0, -1)];
    const parent = at(holder, parentPath);
    const key = path.length === 0 ? 'root' : (path[path.length - 1] as string | number);
    const container = path.length === 0 ? holder : parent;
    const current = at(holder, ['root', ...path]);
    const roll = random();
    if (roll < 0.4) setIn(container, key, oddValue(random));
    else if (roll < 0.55 && typeof current === 'number') setIn(container, key, pick(random, [current * 1000, -current, current + 0.5, 0, 1e9]));
    else if (roll < 0.7) {
      if (path.length === 0) holder.root = null; // The whole value cannot be deleted: JSON has no undefined.
      else deleteIn(container, key);
    }
    else if (roll < 0.85 && isRecord(current)) setIn(current, pick(random, ODD_KEYS), oddValue(random));
    else if (Array.isArray(current) && current.length > 0) {
      if (random() < 0.5) current.push(JSON.parse(JSON.stringify(current[randomInt(random, current.length)])) as unknown);
      else current.splice(randomInt(random, current.length), 1);
    } else setIn(container, key, oddValue(random));
  }
  return holder.root;
}

/** A fresh copy each time: a later edit must never change ODD_VALUES itself (or make a value contain itself). */
function oddValue(random: Random): unknown {
  return JSON.parse(JSON.stringify(pick(random, ODD_VALUES))) as unknown;
}

function setIn(container: unknown, key: string | number, value: unknown): void {
  if (Array.isArray(container)) container[key as number] = value;
  else if (isRecord(container)) Object.defineProperty(container, key, { value, enumerable: true, configurable: true, writable: true });
}

function deleteIn(container: unknown, key: string | number): void {
  if (Array.isArray(container)) container.splice(key as number, 1);
  else if (isRecord(container)) Reflect.deleteProperty(container, key);
}

/** Runs one case: what it returned, or the throw as a problem, and how long it took. */
export function timed<T>(run: () => T): { value?: T; thrown?: string; ms: number } {
  const started = performance.now();
  try {
    const value = run();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { thrown: error instanceof Error ? (error.stack ?? error.message) : String(error), ms: performance.now() - started };
  }
}

/** timed, for a promise. */
export async function timedAsync<T>(run: () => Promise<T>): Promise<{ value?: T; thrown?: string; ms: number }> {
  const started = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { thrown: error instanceof Error ? (error.stack ?? error.message) : String(error), ms: performance.now() - started };
  }
}

/** A case's input shortened for a failure line, so a failing run stays readable and the input can be replayed from its seed. */
export function shown(input: string, max = 300): string {
  return JSON.stringify(input.length > max ? `${input.slice(0, max)}…` : input);
}
