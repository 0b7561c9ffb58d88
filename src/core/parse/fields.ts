import type { FieldMapping, RawItem } from './types';
import { FIELD_ROLES, findField, guessField, KNOWN_FIELD_NAMES, type FieldRole } from './fieldNames';
import { type IssueCollector, listFieldNames } from './issues';
import { ownField } from './records';
import { isDecimalNumber } from './values';

/** Every field name seen in the object items, in first-seen order. */
export function collectFieldNames(items: readonly RawItem[]): string[] {
  const seen = new Set<string>();
  for (const { value } of items) {
    if (typeof value === 'string') continue;
    for (const name of Object.keys(value)) seen.add(name);
  }
  return [...seen];
}

/**
 * Decides which field feeds each candidate property: the user's choice when it exists in the data,
 * else a guess from the known names. Returns `used.text === undefined` when no text field can be found
 * (an error has then been reported).
 */
export function resolveFields(
  items: readonly RawItem[],
  available: readonly string[],
  requested: FieldMapping,
  issues: IssueCollector,
): FieldMapping {
  const used: FieldMapping = {};
  for (const role of FIELD_ROLES) {
    const field = resolveRole(role, available, requested[role], issues);
    if (field !== undefined) used[role] = field;
  }
  if (used.text === undefined) {
    used.text = onlyTextualField(items, available, used, issues);
  }
  return used;
}

function resolveRole(role: FieldRole, available: readonly string[], wanted: string | undefined, issues: IssueCollector): string | undefined {
  // '' turns an optional field off; the text can't be off, so for it '' means "guess".
  if (wanted === '' && role !== 'text') return undefined;
  if (wanted !== undefined && wanted !== '') {
    const found = findField(wanted, available);
    if (found !== undefined) return found;
    const guess = guessField(role, available);
    issues.add(`missing-chosen-${role}`, {
      severity: 'warning',
      message:
        `The chosen ${role} field "${wanted}" is not in this data (fields: ${listFieldNames(available)}). ` +
        (guess === undefined ? `Read no ${role}; choose another field if the data has one.` : `Used "${guess}" instead; choose another field if that's wrong.`),
    });
    return guess;
  }
  return guessField(role, available);
}

/** With no known text field, a single field that holds text (not numbers) is surely it. */
function onlyTextualField(items: readonly RawItem[], available: readonly string[], used: FieldMapping, issues: IssueCollector): string | undefined {
  const claimed = new Set([used.id, used.score, used.relevance]);
  const textual = available.filter((name) => !claimed.has(name) && items.some((item) => holdsText(item, name)));
  const looked = KNOWN_FIELD_NAMES.text.join(', ');
  const [only] = textual;
  if (textual.length === 1 && only !== undefined) {
    issues.add('guessed-text', {
      severity: 'warning',
      message: `No field named ${looked} was found, so the text was read from "${only}", the only field holding text. Choose another text field if that's wrong.`,
    });
    return only;
  }
  issues.add('no-text-field', {
    severity: 'error',
    message:
      `The input has no text field: looked for ${looked}, but the items have ${listFieldNames(available)}. ` +
      `Choose the text field in the field menu, or rename it to "text".`,
  });
  return undefined;
}

function holdsText(item: RawItem, name: string): boolean {
  if (typeof item.value === 'string') return false;
  const value = ownField(item.value, name);
  if (typeof value !== 'string') return false;
  return value.trim() !== '' && !isDecimalNumber(value);
}
