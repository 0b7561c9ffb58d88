/**
 * The last guard against a key in a link or file. The document has no field for a key (schemaV1.ts), so a
 * key can only get in as text the user typed elsewhere, such as in a document. Keys shorter than this are
 * not real API keys, and finding them in ordinary text would refuse harmless shares.
 */
export const MIN_SECRET_LENGTH = 8;

/** The document path of the first string that contains one of the secrets, or null. */
export function findSecret(value: unknown, secrets: readonly string[]): string | null {
  const real = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  if (real.length === 0) return null;
  return search(value, real, '');
}

function search(value: unknown, secrets: readonly string[], path: string): string | null {
  if (typeof value === 'string') return secrets.some((s) => value.includes(s)) ? path || 'the top level' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = search(value[i], secrets, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (secrets.some((s) => key.includes(s))) return at;
      const found = search(inner, secrets, at);
      if (found !== null) return found;
    }
  }
  return null;
}
