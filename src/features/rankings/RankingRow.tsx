import { memo, useMemo, useState, type ReactNode } from 'react';
import { ScoreBar } from '../../components/ScoreBar';
import { useRowHighlight } from '../compare/useRowHighlight';
import { JudgmentControl } from '../judgments/JudgmentControl';
import type { ScoreKind } from '../../core/types';
import { DocumentText, type HighlightRange } from './DocumentText';
import { formatScore } from './formatScore';
import { useQueryTermRanges } from './useQueryTermRanges';

// A row renders again when its rank or score changes; its judgment only when the judgment does.
const Judgment = memo(JudgmentControl);

export interface RankingRowModel {
  id: string;
  rank: number;
  text: string;
  score: number;
  /** The score before any display transform (sigmoid, min-max); kept in a data attribute for tests and tools. */
  rawScore?: number;
  /** Bar length, 0..1 of the column's range. */
  fraction: number;
}

interface RankingRowProps {
  row: RankingRowModel;
  scoreKind: ScoreKind;
  testId: string;
  tone: 'first' | 'reranked' | 'muted';
  /** Extra cells: the rank move, a "not reranked" badge, a "why this score?" button... */
  badge?: ReactNode;
  details?: ReactNode;
  /** Spans of the text to mark besides the query terms (a winning window...). Keep the array stable across renders. */
  highlights?: readonly HighlightRange[];
}

/**
 * Off-screen rows skip style, layout and paint: a list renders 100 of them, and a streamed update of a run or
 * a keypress in Query renders them all again. Once drawn, a row keeps its real height as its placeholder
 * ("auto"); 5.75rem is a row with two lines of text.
 */
const offscreenSkip = '[contain-intrinsic-size:auto_5.75rem] [content-visibility:auto]';

const noHighlights: readonly HighlightRange[] = [];

/**
 * A collapsed row shows two lines, but the browser lays out all the text it is given: one 5 MB document took
 * 1.8 s of layout (npm run bench, "large input (b)"). So a collapsed row gets only its first characters; "Show all"
 * renders the rest.
 */
export const COLLAPSED_TEXT_CHARS = 2000;

/** The first characters, never half of a surrogate pair. */
export function collapsedText(text: string): string {
  const cut = COLLAPSED_TEXT_CHARS;
  const code = text.charCodeAt(cut - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut);
}

export function RankingRow({ row, scoreKind, testId, tone, badge, details, highlights = noHighlights }: RankingRowProps) {
  const [expanded, setExpanded] = useState(false);
  const long = row.text.length > 160;
  const shownText = expanded || row.text.length <= COLLAPSED_TEXT_CHARS ? row.text : collapsedText(row.text);
  const termRanges = useQueryTermRanges(shownText);
  const ranges = useMemo(() => (highlights.length === 0 ? termRanges : termRanges.length === 0 ? highlights : [...highlights, ...termRanges]), [highlights, termRanges]);
  // Hovering or focusing a row highlights the same document in the other columns, and its lines.
  const { highlighted, handlers } = useRowHighlight(row.id);
  return (
    <li
      data-testid={testId}
      data-doc-id={row.id}
      data-score={row.rawScore ?? row.score}
      data-highlighted={highlighted ? 'true' : undefined}
      {...handlers}
      className={`border-b border-slate-100 py-2 last:border-b-0 ${offscreenSkip} ${highlighted ? 'rounded-md bg-indigo-50 ring-2 ring-indigo-300 ring-inset' : ''}`}
    >
      <div className="grid grid-cols-[2.25rem_1fr_6.5rem] gap-2">
        <span className="pt-0.5 text-right font-mono text-sm text-slate-500" aria-label={`rank ${row.rank}`}>
          {row.rank}
        </span>
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <span data-testid="doc-id" className="min-w-0 truncate font-mono text-xs font-semibold text-slate-800" title={row.id}>
              {row.id}
            </span>
            {badge}
          </div>
          <p className={`text-sm leading-snug text-slate-700 ${expanded ? 'whitespace-pre-wrap' : 'line-clamp-2'}`}>
            <DocumentText text={shownText} ranges={ranges} />
          </p>
          {/* The judgment sits on its own line, so a narrow column never squeezes the document id away. */}
          <div className="mt-0.5 flex items-center justify-between gap-2">
            {long ? (
              <button type="button" className="whitespace-nowrap text-xs text-indigo-700 underline" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
                {expanded ? 'Show less' : 'Show all'}
                <span className="sr-only"> of {row.id}</span>
              </button>
            ) : (
              <span />
            )}
            <Judgment docId={row.id} />
          </div>
          {details}
        </div>
        <div className="space-y-1 pt-0.5 text-right">
          <span data-testid="score" className="font-mono text-sm tabular-nums text-slate-800" title={scoreKind}>
            {formatScore(row.score, scoreKind)}
          </span>
          <ScoreBar fraction={row.fraction} tone={tone} />
        </div>
      </div>
    </li>
  );
}
