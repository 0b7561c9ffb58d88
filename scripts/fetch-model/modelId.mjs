// The model id rule of src/rerankers/modelId.ts, for a Node script that cannot import TypeScript. The two are
// checked against each other in modelId.test.ts, so a change to one that is not made to the other fails a test.

/** As on the Hub: ASCII letters, digits, `-`, `_`, `.`; 1 to 96 characters; not starting with `.`. */
const PART = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,95}$/;

/** `..` anywhere, not only as a whole part: no id needs it, and the id becomes a folder path. */
function validPart(part) {
  return PART.test(part) && !part.includes('..');
}

/**
 * Checks a model id as the app does; surrounding spaces are trimmed.
 * @param {string} input
 * @returns {{ ok: true, id: string } | { ok: false, message: string }}
 */
export function checkModelId(input) {
  const id = input.trim();
  const parts = id.split('/');
  if (parts.length === 2 && parts.every(validPart)) return { ok: true, id };
  return {
    ok: false,
    message: `${JSON.stringify(input)} is not a Hugging Face model id. Give it as owner/name, e.g. Xenova/ms-marco-MiniLM-L-6-v2 (letters, digits, - _ . only; no URL or path).`,
  };
}
