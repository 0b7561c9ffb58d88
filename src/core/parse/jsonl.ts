import type { RawItem } from './types';
import { explainJsonFailure } from './jsonError';
import { toRawItem } from './jsonItem';
import { parseJson } from './jsonNumbers';
import { type IssueCollector, itemLabel } from './issues';
import { splitLines } from './text';

/** One JSON value per line; blank lines are ignored. A bad line is reported and the others still read. */
export function readJsonLines(raw: string, issues: IssueCollector): RawItem[] {
  const items: RawItem[] = [];
  let item = 0;
  splitLines(raw).forEach((text, i) => {
    if (text.trim() === '') return;
    item += 1;
    const line = i + 1;
    let value: unknown;
    try {
      value = parseJson(text);
    } catch (error) {
      const failure = explainJsonFailure(text, error);
      // The generic advice ("choose JSONL") is wrong here: we already read line by line.
      if (failure.problem.startsWith('unexpected text after')) failure.hint = 'Put each JSON value on a line of its own.';
      const where = failure.at ? ` at column ${failure.at.column}` : '';
      issues.add('invalid-json-line', {
        severity: 'error',
        item,
        line,
        column: failure.at?.column,
        message: `${itemLabel(item, line)} is not valid JSON${where}: ${failure.problem}. ${failure.hint} The line was skipped.`,
        cause: failure.cause,
      });
      return;
    }
    const rawItem = toRawItem(value, item, line, issues);
    if (rawItem) items.push(rawItem);
  });
  return items;
}
