/**
 * Which model ids the app will load. transformers.js turns the id into a path under `/models/` and a Hub
 * URL, so "../../etc/passwd" or "test/../../../vite.config.ts#" would fetch files outside `/models/`, and
 * an empty id or a URL failed later as a "corrupt model". Only a Hub-style `owner/name` passes; that also
 * covers the generated test models (`test/overlap-reranker`). Pure: used by the field, the client and the
 * worker alike.
 */

export type ModelIdCheck = { ok: true; id: string } | { ok: false; message: string };

/** As on the Hub: ASCII letters, digits, `-`, `_`, `.`; 1 to 96 characters; not starting with `.`. */
const PART = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,95}$/;

export const MODEL_ID_MESSAGE =
  'Model: enter a Hugging Face model id such as Xenova/ms-marco-MiniLM-L-6-v2 (owner/name). A URL or a path is not accepted.';

function validPart(part: string): boolean {
  // `..` anywhere, not only as a whole part: no id needs it, and it keeps every path trick out.
  return PART.test(part) && !part.includes('..');
}

/** Checks a typed model id; surrounding spaces are trimmed and the trimmed id is returned. */
export function validateModelId(input: string): ModelIdCheck {
  const id = input.trim();
  const parts = id.split('/');
  if (parts.length !== 2 || !parts.every(validPart)) return { ok: false, message: MODEL_ID_MESSAGE };
  return { ok: true, id };
}
