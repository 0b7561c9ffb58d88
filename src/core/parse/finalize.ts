import type { Candidate } from '../types';
import type { FieldMapping, RawItem } from './types';
import { assignIds } from './ids';
import { type IssueCollector, itemLabel, listFieldNames, listNumbers } from './issues';
import { ownField } from './records';
import { ABSENT, readId, readNumber, readRelevance, readText, type Read } from './values';

interface Draft {
  item: number;
  line: number | undefined;
  text: string;
  suppliedId: string | undefined;
  score: number | undefined;
  relevance: number | undefined;
}

/**
 * Turns raw items into candidates: maps fields, skips empty or text-less items, makes ids unique and
 * reports every problem with the item it concerns. `fields` is undefined when every item is a plain string.
 */
export function buildCandidates(items: readonly RawItem[], fields: FieldMapping | undefined, issues: IssueCollector): Candidate[] {
  const drafts: Draft[] = [];
  for (const raw of items) {
    const draft = typeof raw.value === 'string' ? plainDraft(raw, raw.value) : readObject(raw, raw.value, fields ?? {}, issues);
    if (draft === undefined) continue;
    if (draft.text === '') {
      issues.add('empty', { severity: 'warning', item: raw.item, line: raw.line, message: `${itemLabel(raw.item, raw.line)} is empty and was skipped.` });
      continue;
    }
    drafts.push(draft);
  }

  const ids = assignIds(drafts.map(({ item, suppliedId }) => ({ item, supplied: suppliedId })), issues);
  warnIfSomeScoresMissing(drafts, issues);
  return drafts.map((draft, index) => {
    const candidate: Candidate = { id: ids[index] ?? `doc_${draft.item}`, text: draft.text, index };
    if (draft.score !== undefined) candidate.score = draft.score;
    if (draft.relevance !== undefined) candidate.relevance = draft.relevance;
    return candidate;
  });
}

/** Every draft has the same shape (undefined, not missing, properties), which keeps this loop fast. */
function plainDraft(raw: RawItem, text: string): Draft {
  return { item: raw.item, line: raw.line, text: text.trim(), suppliedId: undefined, score: undefined, relevance: undefined };
}

function readObject(raw: RawItem, value: Record<string, unknown>, fields: FieldMapping, issues: IssueCollector): Draft | undefined {
  // Messages are built only when there is something to say: this runs once per document.
  const where = (): string => itemLabel(raw.item, raw.line);
  const textField = fields.text;
  const text = textField === undefined ? ABSENT : readText(ownField(value, textField));
  if (text.kind !== 'ok') {
    const has = listFieldNames(Object.keys(value));
    issues.add('missing-text', {
      severity: 'error',
      item: raw.item,
      line: raw.line,
      message:
        text.kind === 'absent'
          ? `${where()} has no "${textField}" field (it has ${has}) and was skipped. Add the text, or choose another text field.`
          : `${where()} has ${text.shown} in its "${textField}" field, which is not text, and was skipped. Put the document's text there, or choose another text field.`,
    });
    return undefined;
  }

  const id = fieldValue(value, fields.id, readId);
  const score = fieldValue(value, fields.score, readNumber);
  const relevance = fieldValue(value, fields.relevance, readRelevance);
  if (id.kind === 'invalid') {
    issues.add('bad-id', { severity: 'warning', item: raw.item, line: raw.line, message: `${where()} has ${id.shown} as its id, which is not a string or number; it was given a generated id.` });
  }
  if (score.kind === 'invalid') {
    issues.add('bad-score', {
      severity: 'warning',
      item: raw.item,
      line: raw.line,
      message: `${where()} has the score ${score.shown}, which ${score.overflows ? 'is too large to be a number (it overflows)' : 'is not a number'}, so it has no score. Use a plain number like 0.85.`,
    });
  }
  if (relevance.kind === 'invalid') {
    issues.add('bad-relevance', {
      severity: 'warning',
      item: raw.item,
      line: raw.line,
      message: `${where()} has the relevance ${relevance.shown}, which is not a whole number from 0 to 3, so it was ignored. Use 0 (not relevant) to 3 (highly relevant).`,
    });
  }
  return {
    item: raw.item,
    line: raw.line,
    text: text.value,
    suppliedId: id.kind === 'ok' ? id.value : undefined,
    score: score.kind === 'ok' ? score.value : undefined,
    relevance: relevance.kind === 'ok' ? relevance.value : undefined,
  };
}

function fieldValue<T>(value: Record<string, unknown>, field: string | undefined, read: (raw: unknown) => Read<T>): Read<T> {
  return field === undefined ? ABSENT : read(ownField(value, field));
}

/** A first-stage ranking by score needs every document to have one. */
function warnIfSomeScoresMissing(drafts: readonly Draft[], issues: IssueCollector): void {
  const missing = drafts.filter((draft) => draft.score === undefined).map((draft) => draft.item);
  if (missing.length === 0 || missing.length === drafts.length) return;
  issues.add('some-scores', {
    severity: 'warning',
    item: missing[0],
    message:
      `Only ${drafts.length - missing.length} of ${drafts.length} documents have a score (missing on ${missing.length === 1 ? 'item' : 'items'} ${listNumbers(missing)}). ` +
      `Add the missing scores, or rank the first stage by BM25 instead.`,
  });
}
