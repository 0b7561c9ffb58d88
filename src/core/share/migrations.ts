import { DOCUMENT_VERSION } from './schemaV1';

/**
 * Steps between document versions. The step under key n turns a version-n document (unchecked JSON) into a
 * version n+1 one; the result is checked by the newest schema afterwards, so a step only reshapes.
 * Version 1 is the first, so there are no steps yet. When version 2 comes: add `[1, fromV1]` here, a test
 * with a real version-1 document beside it, and keep schemaV1.ts for that test.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const migrations: ReadonlyMap<number, Migration> = new Map();

export type Migrated = { ok: true; doc: Record<string, unknown> } | { ok: false; missingStepFrom: number };

/** Walks an older document up to the current version; refuses one whose chain of steps has a gap. */
export function migrateToCurrent(doc: Record<string, unknown>, version: number, registry: ReadonlyMap<number, Migration> = migrations): Migrated {
  let current = doc;
  for (let v = version; v < DOCUMENT_VERSION; v++) {
    const step = registry.get(v);
    if (!step) return { ok: false, missingStepFrom: v };
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, doc: current };
}
