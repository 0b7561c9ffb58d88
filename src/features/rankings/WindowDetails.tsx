import { useId, useState } from 'react';
import { aggregateNames } from '../../rerankers/local/longDocumentNotes';
import type { DocumentDetails, TokenBudget } from '../../rerankers/local/protocol';

const EXCERPT_WORDS = 4;
const count = (n: number): string => n.toLocaleString('en-US');

function excerpt(text: string, start: number, end: number): string {
  const words = text.slice(start, end).split(/\s+/).filter(Boolean);
  // The first and last words say where a window starts and ends; the middle is left out.
  return words.length > 2 * EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} … ${words.slice(-EXCERPT_WORDS).join(' ')}` : words.join(' ');
}

/** "query 5 · document 250 of 1,020 tokens (cut)", or for split mode "document all 1,020 tokens in 3 windows". */
export function budgetLine(budget: TokenBudget, windows: number): string {
  const query = `query ${count(budget.queryTokens)}`;
  if (windows > 1) return `Tokens: ${query} · document all ${count(budget.docTokensTotal)}, in ${windows} windows`;
  const cut = budget.docTokensKept < budget.docTokensTotal;
  return `Tokens: ${query} · document ${count(budget.docTokensKept)} of ${count(budget.docTokensTotal)}${cut ? ' (the rest was cut)' : ''}`;
}

/** A row's token budget, and in split mode its windows' scores, on demand. */
export function WindowDetails({ docId, text, details }: { docId: string; text: string; details: DocumentDetails }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const windows = details.windows ?? [];
  const split = windows.length > 1;
  const aggregate = details.aggregate ?? 'max';
  return (
    <div className="mt-0.5 text-xs text-slate-600">
      <div className="flex flex-wrap items-center gap-x-2">
        <span data-testid="token-budget">{budgetLine(details.budget, windows.length)}</span>
        {split && (
          <button type="button" className="text-indigo-700 underline" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {open ? 'Hide window scores' : 'Window scores'}
            <span className="sr-only"> of {docId}</span>
          </button>
        )}
      </div>
      {split && open && (
        <div id={listId} data-testid="window-scores" className="mt-1">
          <p>Raw logit of each window; the row&apos;s score is the {aggregateNames[aggregate]}.</p>
          <ol className="mt-0.5 space-y-0.5">
            {windows.map((w, i) => {
              const winner = i === details.winner;
              return (
                <li key={i} data-testid="window-score" data-winner={winner ? 'true' : undefined} className={`rounded px-1 ${winner ? 'bg-sky-50 text-slate-900' : ''}`}>
                  <span className={winner ? 'font-semibold' : undefined}>
                    Window {i + 1}:{' '}
                    <span data-testid="window-logit" data-score={w.score} className="font-mono tabular-nums">
                      {w.score.toFixed(3)}
                    </span>
                    {winner && ' (highlighted)'}
                  </span>
                  <span className="block break-words text-slate-500">{excerpt(text, w.charStart, w.charEnd)}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
