/**
 * Scorer sanity checks: signs that a reranker's scores cannot be trusted, each with its likely cause.
 * They look at one column's results over every query it has scored.
 */

/** One query's results from one scorer. */
export interface ScorerQueryResult {
  /** The scores it gave, one per scored document (any order). */
  scores: readonly number[];
  /** The scored documents' ids, best first, as the column shows them. */
  reranked: readonly string[];
  /** The first stage's order; ids the scorer did not score are ignored. */
  firstStage: readonly string[];
  /** How many documents were cut to fit the model's max tokens. */
  truncated: number;
  /** How many documents were scored. */
  total: number;
}

export interface ScorerInput {
  perQuery: readonly ScorerQueryResult[];
}

export type ScorerWarningKind = 'all-equal' | 'non-finite' | 'same-as-first-stage' | 'mostly-truncated';

/** A warning for a person: what was seen, its likely cause, and what to do. */
export interface ScorerWarning {
  kind: ScorerWarningKind;
  title: string;
  message: string;
}

/** Fewer equal scores than this can be an honest tie (two documents that say the same thing). */
const MIN_SCORES_FOR_ALL_EQUAL = 3;

/** Scores in warnings: 3 decimals, as a raw logit is shown; tiny ones in exponent form. */
function formatValue(x: number): string {
  const abs = Math.abs(x);
  return abs !== 0 && abs < 0.001 ? x.toExponential(2) : x.toFixed(3);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function allEqual(scores: readonly number[]): ScorerWarning | null {
  const finite = scores.filter(Number.isFinite);
  if (finite.length < MIN_SCORES_FOR_ALL_EQUAL || finite.some((s) => s !== finite[0])) return null;
  const value = finite[0] as number;
  const shown = formatValue(value);
  const cause =
    value === 1
      ? 'the model may apply softmax to a single logit (a known pitfall of text-classification pipelines); rank on the raw logit.'
      : 'the model ignores its input: perhaps a missing or untrained classification head, or the wrong output read. Try another model.';
  return {
    kind: 'all-equal',
    title: 'Every score is the same',
    message: `Every document scored ${shown}: ${cause} Equal scores carry no order, so this column only keeps the input order.`,
  };
}

function nonFinite(scores: readonly number[]): ScorerWarning | null {
  const nan = scores.filter(Number.isNaN).length;
  const infinite = scores.filter((s) => s === Infinity || s === -Infinity).length;
  if (nan === 0 && infinite === 0) return null;
  const parts = [nan > 0 ? `${plural(nan, 'score is', 'scores are')} not a number (NaN)` : '', infinite > 0 ? `${plural(infinite, 'score is', 'scores are')} infinite` : ''];
  return {
    kind: 'non-finite',
    title: 'Scores that are not numbers',
    message:
      `${parts.filter(Boolean).join(' and ')}: the model's arithmetic overflowed (common at fp16 or quantized precision) or its export is broken. ` +
      'NaN sorts last and infinity first, whatever the document says. Try the model at fp32.',
  };
}

/** The first stage's order of the documents the scorer ranked. */
function sameOrder(query: ScorerQueryResult): boolean {
  const scored = new Set(query.reranked);
  const firstStage = query.firstStage.filter((id) => scored.has(id));
  return firstStage.length === query.reranked.length && firstStage.every((id, i) => id === query.reranked[i]);
}

/**
 * An unchanged order means something only when it could have changed: two or more queries with two or more
 * documents, or one query with three or more (two documents keep their order half the time by chance).
 */
function sameAsFirstStage(perQuery: readonly ScorerQueryResult[]): ScorerWarning | null {
  const orderable = perQuery.filter((q) => q.reranked.length >= 2);
  const meaningful = orderable.length >= 2 || orderable.some((q) => q.reranked.length >= 3);
  if (!meaningful || !orderable.every(sameOrder)) return null;
  const where = orderable.length === 1 ? 'this query' : `all ${orderable.length} queries`;
  return {
    kind: 'same-as-first-stage',
    title: 'Nothing moved',
    message: `The reranked order equals the first stage for ${where}: this may be a no-op reranker or scores that copy the first stage (a server that echoes the retriever's scores).`,
  };
}

function mostlyTruncated(perQuery: readonly ScorerQueryResult[]): ScorerWarning | null {
  const truncated = perQuery.reduce((sum, q) => sum + q.truncated, 0);
  const total = perQuery.reduce((sum, q) => sum + q.total, 0);
  if (total === 0 || truncated * 2 <= total) return null;
  const share = Math.round((truncated / total) * 100);
  return {
    kind: 'mostly-truncated',
    title: 'Most documents were cut',
    message: `${truncated} of ${total} documents (${share}%) were longer than the model's max tokens and were cut: it never read their ends. Raise Max tokens, or use split mode.`,
  };
}

/** Every warning that applies to this scorer's results, most serious first; none when it has no results. */
export function checkScorer(input: ScorerInput): ScorerWarning[] {
  const scores = input.perQuery.flatMap((q) => q.scores);
  const equal = allEqual(scores);
  // Equal scores keep the input order, so "nothing moved" would only repeat the same finding.
  const unmoved = equal ? null : sameAsFirstStage(input.perQuery);
  return [nonFinite(scores), equal, unmoved, mostlyTruncated(input.perQuery)].filter((w): w is ScorerWarning => w !== null);
}
