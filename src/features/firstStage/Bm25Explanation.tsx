import { useMemo } from 'react';
import { explainBm25 } from '../../core/retrieval/bm25';
import { useAppStore } from '../../store';
import { selectBm25Index } from '../../store/selectors';

/** Each query term's share of one document's BM25 score: the teaching view of the formula. */
export function Bm25Explanation({ docIndex, docId }: { docIndex: number; docId: string }) {
  const index = useAppStore(selectBm25Index);
  const query = useAppStore((s) => s.query);
  const { k1, b } = useAppStore((s) => s.bm25);
  const contributions = useMemo(() => explainBm25(index, query, docIndex, { k1, b }), [index, query, docIndex, k1, b]);
  const total = contributions.reduce((sum, t) => sum + t.contribution, 0);
  if (contributions.length === 0) return <p className="mt-1 text-xs text-slate-500">The query has no terms to match.</p>;
  return (
    <table aria-label={`BM25 terms for ${docId}`} className="mt-2 w-full text-xs tabular-nums">
      <caption className="text-left text-slate-500">
        idf × tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), k1 = {k1}, b = {b}
      </caption>
      <thead className="text-slate-500">
        <tr>
          <th className="text-left font-medium">term</th>
          <th className="text-right font-medium">tf</th>
          <th className="text-right font-medium">df</th>
          <th className="text-right font-medium">idf</th>
          <th className="text-right font-medium">adds</th>
        </tr>
      </thead>
      <tbody>
        {contributions.map((t) => (
          <tr key={t.term} className={t.tf === 0 ? 'text-slate-500' : 'text-slate-800'}>
            <td className="font-mono">{t.term}</td>
            <td className="text-right">{t.tf}</td>
            <td className="text-right">{t.df}</td>
            <td className="text-right">{t.idf.toFixed(3)}</td>
            <td className="text-right">{t.contribution.toFixed(3)}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-200 font-semibold">
          <td colSpan={4}>BM25 (document length {contributions[0]?.docLength ?? 0}, average {(contributions[0]?.avgDocLength ?? 0).toFixed(1)})</td>
          <td className="text-right">{total.toFixed(3)}</td>
        </tr>
      </tbody>
    </table>
  );
}
