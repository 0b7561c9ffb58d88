import { useId, useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { selectColumnRankings } from '../../store/rankingSelectors';
import { selectActiveQuery, selectCandidateById } from '../../store/selectors';
import { explainScore, whySignature } from '../../store/whyActions';
import { useWhyStore, whyKey } from '../../store/whyStore';
import { formatScore } from '../rankings/formatScore';
import { DocumentExplanation, type ExplainedDoc } from './DocumentExplanation';
import { HeatLegend } from './HeatMap';

/** Starts (or restarts) the occlusion of one document in this column; `reuse` keeps a current result. */
export const runWhy = (columnId: string, docId: string, reuse = false): Promise<void> => explainScore(columnId, docId, { get: useAppStore.getState, reuse });

/** The document as the panel needs it now, or null when it is no longer a candidate. */
function useExplainedDoc(columnId: string, docId: string | null): ExplainedDoc | null {
  const active = useAppStore(selectActiveQuery);
  const byId = useAppStore(selectCandidateById);
  const column = useAppStore((s) => s.columns.find((c) => c.id === columnId));
  const entries = useAppStore((s) => selectColumnRankings(s).find((c) => c.columnId === columnId)?.order.reranked.entries);
  return useMemo(() => {
    const doc = docId === null ? undefined : byId.get(docId);
    if (!doc || !column) return null;
    const entry = entries?.find((e) => e.id === doc.id);
    return {
      columnId,
      queryKey: active.key,
      docId: doc.id,
      text: doc.text,
      rank: entry?.rank ?? null,
      score: entry?.score ?? null,
      signature: whySignature(column, active.text, doc.text),
    };
  }, [active, byId, column, columnId, docId, entries]);
}

/** Why this score, for document A of a column, and on request why A beat (or lost to) a document B of the same column. */
export function WhyPanel({ columnId, docId }: { columnId: string; docId: string }) {
  const [otherId, setOtherId] = useState<string | null>(null);
  const pickerId = useId();
  const a = useExplainedDoc(columnId, docId);
  const b = useExplainedDoc(columnId, otherId);
  const entries = useAppStore((s) => selectColumnRankings(s).find((c) => c.columnId === columnId)?.order.reranked.entries) ?? [];
  const busy = useWhyStore((s) => [...s.runs.values()].some((run) => run.status === 'running'));
  const knownB = useWhyStore((s) => (b ? s.runs.get(whyKey(columnId, b.queryKey, b.docId)) : undefined));
  if (!a) return <p className="text-sm text-slate-700">Document {docId} is no longer among this query&apos;s candidates.</p>;
  const choose = (id: string) => {
    setOtherId(id === '' ? null : id);
    if (id !== '') void runWhy(columnId, id, true);
  };
  return (
    <div className="space-y-3">
      <HeatLegend />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={pickerId} className="font-medium text-slate-800">
          Why did A beat B? Compare with
        </label>
        <select
          id={pickerId}
          value={otherId ?? ''}
          disabled={busy}
          onChange={(e) => choose(e.target.value)}
          className="max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          <option value="">no other document</option>
          {entries
            .filter((e) => e.id !== docId)
            .map((e) => (
              <option key={e.id} value={e.id}>
                rank {e.rank}: {e.id} ({formatScore(e.score, 'raw logit')})
              </option>
            ))}
        </select>
      </div>
      {b && a.score !== null && b.score !== null && (
        <p className="text-sm text-slate-800" data-testid="why-versus">
          {a.score === b.score ? 'A and B tie, apart' : a.score > b.score ? 'A beats B' : 'B beats A'} by {formatScore(Math.abs(a.score - b.score), 'raw logit')} raw logit. Warm words of the winner and
          cool words of the loser show why.
        </p>
      )}
      <div className={b ? 'grid gap-4 md:grid-cols-2' : ''}>
        <DocumentExplanation doc={a} label="A" onRun={() => void runWhy(columnId, a.docId)} />
        {b && (knownB ? <DocumentExplanation doc={b} label="B" onRun={() => void runWhy(columnId, b.docId)} /> : null)}
      </div>
    </div>
  );
}
