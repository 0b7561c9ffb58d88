/**
 * The worker's side of long documents: turn (query, documents) into the rows to score — one pair per
 * document when truncating, one per window when splitting — and fold the rows' scores back into one score
 * per document with its windows and token budget.
 *
 * Character spans: transformers.js 4 tokenizers return no offsets. So a long document is tokenized word by
 * word — each whitespace-separated word together with the whitespace before it, so byte-level BPE and
 * SentencePiece see the same leading space as in context — and the windows are cut from the concatenated
 * ids. For tokenizers that split on whitespace before anything else (BERT WordPiece, Metaspace) these are
 * the very ids of the whole text; `sameAsWhole` reports when they are not.
 */
import { encodePair, longestFirstKeep, specialTokenCount, type PairEncoding, type PairTemplate } from '../../core/pairEncoding';
import { aggregateWindows, charSpanOf, planWindows, splitBudget, type LongDocumentsSetting, type TokenizedChunk, type WindowAggregate } from '../../core/windows';
import type { DocumentDetails, TokenBudget } from './protocol';

/** The tokenizer calls this needs: ids without special tokens. */
export interface PlainTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

interface PlannedDocument {
  /** Rows of this document in `rows`: firstRow .. firstRow + rowCount - 1, window order. */
  firstRow: number;
  rowCount: number;
  truncated: boolean;
  budget: TokenBudget;
  /** Split mode: each window's characters. */
  spans?: { charStart: number; charEnd: number }[];
}

export interface RerankPlan {
  rows: PairEncoding[];
  /** The document each row belongs to. */
  rowDocument: number[];
  documents: PlannedDocument[];
  aggregate: WindowAggregate | null;
  /** Split mode: documents whose word-by-word ids differed from the whole text's. */
  notSameAsWhole: number;
}

/** Each word with the whitespace before it; a document's trailing whitespace is left out (it is no token). */
export function tokenizeByWord(tokenizer: PlainTokenizer, text: string): { ids: number[]; chunks: TokenizedChunk[] } {
  const ids: number[] = [];
  const chunks: TokenizedChunk[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(/\S+/g)) {
    const wordStart = match.index;
    const wordEnd = wordStart + match[0].length;
    const pieceIds = tokenizer.encode(text.slice(previousEnd, wordEnd), { add_special_tokens: false });
    ids.push(...pieceIds);
    chunks.push({ charStart: wordStart, charEnd: wordEnd, tokens: pieceIds.length });
    previousEnd = wordEnd;
  }
  return { ids, chunks };
}

const sameIds = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Builds every row to score.
 * @returns an error message (for a person) when split mode's stride does not fit the window.
 */
export function planRerank(
  tokenizer: PlainTokenizer,
  template: PairTemplate,
  query: string,
  docs: readonly string[],
  maxLength: number,
  setting: LongDocumentsSetting,
): { ok: true; plan: RerankPlan } | { ok: false; message: string } {
  const queryIds = tokenizer.encode(query, { add_special_tokens: false });
  const special = specialTokenCount(template);
  const plan: RerankPlan = { rows: [], rowDocument: [], documents: [], aggregate: setting.mode === 'split' ? setting.aggregate : null, notSameAsWhole: 0 };
  const { queryKeep, documentBudget } = splitBudget(maxLength, special, queryIds.length);
  if (setting.mode === 'split') {
    // Checked once, before any work: the window budget is the same for every document of this query.
    const check = planWindows(0, documentBudget, setting.stride);
    if (!check.ok) return { ok: false, message: `${check.message} (A window holds max tokens ${maxLength} minus ${special} special tokens and ${queryKeep} query tokens.)` };
  }
  for (const [index, text] of docs.entries()) {
    const wholeIds = tokenizer.encode(text, { add_special_tokens: false });
    const firstRow = plan.rows.length;
    if (setting.mode === 'truncate' || wholeIds.length <= documentBudget) {
      // One pair, cut as longest_first would: the same encoding as truncate mode.
      const pair = encodePair(queryIds, wholeIds, template, maxLength);
      const { queryKeep: queryTokens, documentKeep: docTokensKept } = longestFirstKeep(queryIds.length, wholeIds.length, maxLength - special);
      plan.rows.push(pair);
      plan.rowDocument.push(index);
      plan.documents.push({
        firstRow,
        rowCount: 1,
        truncated: pair.truncated,
        budget: { queryTokens, docTokensKept, docTokensTotal: wholeIds.length },
        ...(setting.mode === 'split' ? { spans: [{ charStart: 0, charEnd: text.trimEnd().length }] } : {}),
      });
      continue;
    }
    const byWord = tokenizeByWord(tokenizer, text);
    if (!sameIds(byWord.ids, wholeIds)) plan.notSameAsWhole += 1;
    const windows = planWindows(byWord.ids.length, documentBudget, setting.stride);
    const spans = windows.ok ? windows.windows : [{ start: 0, end: Math.min(documentBudget, byWord.ids.length) }];
    const queryPart = queryIds.slice(0, queryKeep);
    for (const span of spans) {
      plan.rows.push(encodePair(queryPart, byWord.ids.slice(span.start, span.end), template, maxLength));
      plan.rowDocument.push(index);
    }
    plan.documents.push({
      firstRow,
      rowCount: spans.length,
      truncated: queryKeep < queryIds.length,
      budget: { queryTokens: queryKeep, docTokensKept: byWord.ids.length, docTokensTotal: byWord.ids.length },
      spans: spans.map((span) => charSpanOf(span, byWord.chunks)),
    });
  }
  return { ok: true, plan };
}

export interface FinishedDocuments {
  indices: number[];
  scores: number[];
  truncated: boolean[];
  details: DocumentDetails[];
}

/** Collects row scores batch by batch; a document is finished once all its rows are scored. */
export function createScoreCollector(plan: RerankPlan): (rowIndices: readonly number[], scores: readonly number[]) => FinishedDocuments {
  const rowScores = new Float64Array(plan.rows.length).fill(Number.NaN);
  const remaining = plan.documents.map((d) => d.rowCount);
  return (rowIndices, scores) => {
    const finished: FinishedDocuments = { indices: [], scores: [], truncated: [], details: [] };
    rowIndices.forEach((row, k) => {
      rowScores[row] = scores[k] ?? Number.NaN;
      const docIndex = plan.rowDocument[row] ?? -1;
      const doc = plan.documents[docIndex];
      if (!doc) return;
      remaining[docIndex] = (remaining[docIndex] ?? 1) - 1;
      if (remaining[docIndex] !== 0) return;
      const windowScores = Array.from(rowScores.subarray(doc.firstRow, doc.firstRow + doc.rowCount));
      const { score, winner } = plan.aggregate ? aggregateWindows(windowScores, plan.aggregate) : { score: windowScores[0] ?? Number.NaN, winner: 0 };
      finished.indices.push(docIndex);
      finished.scores.push(score);
      finished.truncated.push(doc.truncated);
      finished.details.push({
        budget: doc.budget,
        ...(doc.spans ? { windows: doc.spans.map((span, w) => ({ ...span, score: windowScores[w] ?? Number.NaN })), winner, aggregate: plan.aggregate ?? 'first' } : {}),
      });
    });
    return finished;
  };
}
