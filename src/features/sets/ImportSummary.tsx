import type { ImportReport, UnlinkedReference } from '../../core/sets/types';
import { useAppStore } from '../../store';

const SHOWN = 50;

function References({ label, items, testId }: { label: string; items: readonly UnlinkedReference[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <details data-testid={testId} className="text-xs">
      <summary className="cursor-pointer text-amber-900">
        {items.length.toLocaleString('en-US')} {label}
      </summary>
      <ul className="ml-4 list-disc font-mono text-slate-700">
        {items.slice(0, SHOWN).map((r) => (
          <li key={`${r.file}:${r.line}`}>
            {r.file} line {r.line}: query {r.queryId}
            {r.docId !== undefined && `, document ${r.docId}`}
          </li>
        ))}
        {items.length > SHOWN && <li>… and {(items.length - SHOWN).toLocaleString('en-US')} more</li>}
      </ul>
    </details>
  );
}

/** What an import matched and what it did not: every count is also listed, never dropped in silence. */
export function ImportSummary() {
  const report = useAppStore((s) => s.setReport);
  if (!report) return null;
  return <ReportView report={report} />;
}

function ReportView({ report }: { report: ImportReport }) {
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  return (
    <div data-testid="import-summary" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-2 text-xs text-slate-800">
      <p>
        Imported {report.queries.toLocaleString('en-US')} queries, {report.documents.toLocaleString('en-US')} documents and {report.judgments.toLocaleString('en-US')} judgments from{' '}
        {report.files.map((f) => `${f.name} (${f.kind}, ${f.records.toLocaleString('en-US')})`).join(', ')}.
      </p>
      {report.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {report.queriesWithoutCandidates.length > 0 && (
        <details data-testid="queries-without-candidates">
          <summary className="cursor-pointer text-amber-900">{report.queriesWithoutCandidates.length} queries with no candidates</summary>
          <p className="ml-4 font-mono">{report.queriesWithoutCandidates.slice(0, SHOWN).join(', ')}</p>
        </details>
      )}
      <References label="run lines whose document has no text (left out)" items={report.runLinesWithoutText} testId="run-lines-without-text" />
      <References label="run lines for queries no topics file names" items={report.runLinesForUnknownQueries} testId="run-lines-unknown-queries" />
      <References label="qrels for unknown queries" items={report.qrelsForUnknownQueries} testId="qrels-unknown-queries" />
      <References label="qrels for unknown documents" items={report.qrelsForUnknownDocuments} testId="qrels-unknown-documents" />
      {[...errors, ...warnings].length > 0 && (
        <details data-testid="import-issues" open={errors.length > 0}>
          <summary className={`cursor-pointer ${errors.length > 0 ? 'text-red-800' : 'text-amber-900'}`}>
            {errors.length} errors, {warnings.length} warnings
          </summary>
          <ul className="ml-4 list-disc">
            {[...errors, ...warnings].slice(0, SHOWN).map((issue, i) => (
              <li key={i}>
                <span className="font-mono">
                  {issue.file}
                  {issue.line !== undefined && `:${issue.line}`}
                  {issue.column !== undefined && `:${issue.column}`}
                </span>{' '}
                {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
