import { useMemo } from 'react';
import { heatPieces, type OcclusionResult } from '../../core/occlusion';
import { formatEffect, heatStyle } from './heatStyle';

/**
 * The document's text with every unit tinted by its effect. Each unit carries its effect in a tooltip and in
 * data attributes (for tests and tools); the table of top words beside it is the screen-reader version.
 */
export function HeatMap({ text, result, docId }: { text: string; result: OcclusionResult; docId: string }) {
  const pieces = useMemo(() => heatPieces(text, result.effects), [text, result.effects]);
  return (
    <figure className="m-0">
      <figcaption className="sr-only">
        Heat map of {docId}: warm {result.kind}s with a solid underline raised the raw logit, cool ones with a dotted underline lowered it.
      </figcaption>
      <p data-testid="why-heatmap" className="max-h-72 overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-white p-2 text-sm leading-7 text-slate-900">
        {pieces.map((piece, i) =>
          piece.effect ? (
            <span
              key={i}
              data-testid="why-unit"
              data-unit={piece.effect.text}
              data-effect={piece.effect.effect}
              title={`${formatEffect(piece.effect.effect)} raw logit`}
              style={heatStyle(piece.effect.normalized)}
              className="rounded-sm px-px"
            >
              {piece.text}
            </span>
          ) : (
            <span key={i}>{piece.text}</span>
          ),
        )}
      </p>
    </figure>
  );
}

/** What warm and cool mean, shown once above the maps. */
export function HeatLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
      <span>
        <span style={heatStyle(1)} className="rounded-sm px-1 text-slate-900">
          warm, solid line
        </span>{' '}
        raised the score
      </span>
      <span>
        <span style={heatStyle(-1)} className="rounded-sm px-1 text-slate-900">
          cool, dotted line
        </span>{' '}
        lowered it
      </span>
      <span>effect = score with the unit − score without it (raw logit)</span>
    </p>
  );
}
