/**
 * A TREC run: `qid Q0 docid rank score tag`, whitespace separated. The Q0 and tag columns are not used
 * (trec_eval ignores them too). Lines stay in file order; the linker sorts by score.
 */
import type { SetFile, SetFileParts } from '../types';
import { FirstLines, IssueList, guarded, isTrecSkippable, plural, quote, readFiniteNumber, readInteger, textLines, whitespaceFields } from './lines';

type RunLine = NonNullable<SetFileParts['run']>[number];

const RUN_COLUMNS = 6;

export function readTrecRun(file: SetFile): SetFileParts {
  return guarded(file.name, 'trec-run', () => {
    const issues = new IssueList(file.name);
    const seen = new FirstLines();
    const run: RunLine[] = [];
    let meaningfulLines = 0;
    textLines(file.text).forEach((text, index) => {
      if (isTrecSkippable(text)) return;
      meaningfulLines += 1;
      const line = index + 1;
      const fields = whitespaceFields(text);
      const [qid, , doc, rankField, scoreField] = fields;
      if (fields.length !== RUN_COLUMNS || !qid || !doc || !rankField || !scoreField) {
        const message = `Line ${line} has ${plural(fields.length, 'column', 'columns')}; a run line has 6: qid Q0 docid rank score tag. The line was skipped.`;
        issues.add('wrong number of columns', { severity: 'error', line, message });
        return;
      }
      const rank = readInteger(rankField.text);
      if (rank === undefined) {
        const message = `Line ${line}, column ${rankField.column}: the rank ${quote(rankField.text)} (4th field) is not a whole number. The line was skipped.`;
        issues.add('rank not a whole number', { severity: 'error', line, column: rankField.column, message });
        return;
      }
      const score = readFiniteNumber(scoreField.text);
      if (score === undefined) {
        const message = `Line ${line}, column ${scoreField.column}: the score ${quote(scoreField.text)} (5th field) is not a finite number such as 12.5 or -3e-2. The line was skipped.`;
        issues.add('score not a finite number', { severity: 'error', line, column: scoreField.column, message });
        return;
      }
      const earlier = seen.claim(qid.text, doc.text, line);
      if (earlier !== undefined) {
        const message = `Line ${line}: document ${quote(doc.text)} appears again for query ${quote(qid.text)} (first on line ${earlier}). The first is kept; this line was ignored.`;
        issues.add('duplicate document in a query', { severity: 'warning', line, message });
        return;
      }
      run.push({ queryId: qid.text, docId: doc.text, rank, score, line });
    });
    if (meaningfulLines === 0) {
      issues.add('no run lines', { severity: 'error', message: 'The file holds no run lines at all: it is empty, or every line is blank or a comment. Check that this is the run file.' });
    }
    return { file: file.name, kind: 'trec-run', run, issues: issues.finish() };
  });
}
