/** Field names we recognise, case-insensitively, in priority order. */
export const KNOWN_FIELD_NAMES = {
  text: ['text', 'content', 'document', 'passage', 'body', 'page_content'],
  id: ['id', '_id', 'doc_id', 'docid'],
  score: ['score', '_score', 'relevance_score', 'similarity'],
  relevance: ['relevance', 'label', 'qrel'],
} as const satisfies Record<string, readonly string[]>;

export type FieldRole = keyof typeof KNOWN_FIELD_NAMES;

export const FIELD_ROLES: readonly FieldRole[] = ['text', 'id', 'score', 'relevance'];

const ALL_KNOWN = new Set<string>(Object.values(KNOWN_FIELD_NAMES).flat());

export function isKnownFieldName(name: string): boolean {
  return ALL_KNOWN.has(name.toLowerCase());
}

/** The first available field matching one of `role`'s names, by the role's priority. */
export function guessField(role: FieldRole, available: readonly string[]): string | undefined {
  for (const known of KNOWN_FIELD_NAMES[role]) {
    const match = available.find((name) => name.toLowerCase() === known);
    if (match !== undefined) return match;
  }
  return undefined;
}

/** An available field named `wanted`: exact spelling first, then ignoring case. */
export function findField(wanted: string, available: readonly string[]): string | undefined {
  return available.find((name) => name === wanted) ?? available.find((name) => name.toLowerCase() === wanted.toLowerCase());
}
