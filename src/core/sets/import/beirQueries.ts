/** BEIR queries: `queries.jsonl`, one `{"_id": "...", "text": "..."}` per line (`id`/`query_id`, `query` also read). */
import type { SetFile, SetFileParts } from '../types';
import { IssueList, fieldsOf, guarded, idText, isBlank, keepFirstOfEach, pickField, quote, readJsonObjectLine, textLines } from './lines';

type Topic = NonNullable<SetFileParts['topics']>[number];

const ID_FIELDS = ['_id', 'id', 'query_id'] as const;
const TEXT_FIELDS = ['text', 'query'] as const;

export function readBeirQueries(file: SetFile): SetFileParts {
  return guarded(file.name, 'beir-queries', () => {
    const issues = new IssueList(file.name);
    const topics: Topic[] = [];
    let meaningfulLines = 0;
    textLines(file.text).forEach((text, index) => {
      if (isBlank(text)) return;
      meaningfulLines += 1;
      const line = index + 1;
      const object = readJsonObjectLine(text, line, issues);
      if (!object) return;
      const id = idText(pickField(object, ID_FIELDS)?.value);
      if (id === undefined) {
        const message = `Line ${line} has no query id: it ${fieldsOf(object)}. A query needs "_id", "id" or "query_id" (a string or a number). The line was skipped.`;
        issues.add('no query id', { severity: 'error', line, message });
        return;
      }
      const textField = pickField(object, TEXT_FIELDS);
      const query = typeof textField?.value === 'string' ? textField.value.trim() : '';
      if (query === '') {
        const problem = textField === undefined ? `has no text field: it ${fieldsOf(object)}` : typeof textField.value === 'string' ? `has an empty "${textField.name}"` : `has a "${textField.name}" that is not a string`;
        const message = `Line ${line}: query ${quote(id)} ${problem}. Its text goes in "text" or "query". The line was skipped.`;
        issues.add('no query text', { severity: 'error', line, message });
        return;
      }
      topics.push({ id, text: query, line });
    });
    if (meaningfulLines === 0) {
      issues.add('no queries', { severity: 'error', message: 'The file holds no queries at all: it is empty or blank. Check that this is the queries file.' });
    }
    return { file: file.name, kind: 'beir-queries', topics: keepFirstOfEach(topics, 'query', issues), issues: issues.finish() };
  });
}
