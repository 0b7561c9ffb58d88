import { useState } from 'react';
import { HowComputed, type HowComputedProps } from './HowComputed';

/**
 * The conventions, stated where the numbers are (trec_eval's, so results match published tools), and, given
 * `worked`, the working for one ranking. That is only built while the section is open: it can be long.
 */
export function MetricsHelp({ worked }: { worked?: HowComputedProps }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="text-xs text-slate-600" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium text-slate-700">How these are computed</summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>Grades: 0 not relevant, 1 somewhat, 2 relevant, 3 highly relevant. A grade of 1 or more counts as relevant; unjudged documents count as not relevant.</li>
        <li>P@k divides by k, even when the list is shorter than k.</li>
        <li>Recall@k and AP divide by all judged-relevant documents, including those the ranking never retrieved.</li>
        <li>MRR here is the reciprocal rank of the first relevant document for this one query.</li>
        <li>nDCG@k uses linear gain (the grade) by default, or 2^grade − 1; its ideal ranking is built from all judged documents.</li>
        <li>A reranked column is measured as you see it: the reranked top N, then the documents below the cut in first-stage order.</li>
        <li>With no relevant judgments a metric is undefined and shows n/a, not 0. Ties in score keep input order.</li>
        <li>
          Kendall&apos;s τ-b compares two orders: 1 same order, 0 unrelated, −1 reversed. τ-b: ties count as ties, not broken by input
          order (documents with equal scores, or with no score, are tied). It is n/a when fewer than 2 documents are shared, or when one
          ranking gives them all the same score.
        </li>
        <li>
          &ldquo;τ vs first stage&rdquo; covers every document as the column lists it, so the documents below the cut count as agreeing.
          The τ matrix covers only the documents both rankings scored: for a reranked column, the top N it reranked, by its own scores;
          the first stage by its scores.
        </li>
      </ul>
      {worked && open && <HowComputed {...worked} />}
    </details>
  );
}
