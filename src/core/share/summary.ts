import type { SharedColumnConfig, SharedSetup } from './types';

/**
 * What a setup holds, in a few lines for the question before it opens. Plain text: the caller renders it
 * as text, never as HTML. Long values are shortened; servers that a rerank would call are named in full,
 * so that the user sees where their queries would go.
 */

const MAX_SHOWN = 80;
const shorten = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function columnLine(config: SharedColumnConfig): string {
  if (config.kind === 'bm25') return 'BM25 over the top N';
  if (config.kind === 'local') return `${shorten(config.model)} (in this browser)`;
  const { provider, model, baseUrl } = config.settings;
  return `${shorten(model)} through ${provider === 'cohere' ? 'Cohere' : 'a custom server'} at ${baseUrl} (called only when you press Rerank)`;
}

export function describeSetup(setup: SharedSetup): string[] {
  const lines: string[] = [];
  if (setup.querySet) {
    const { set } = setup.querySet;
    lines.push(`Query set "${shorten(set.name)}": ${count(set.queries.length, 'query', 'queries')}, ${count(set.documents.size, 'document')}.`);
  } else if (setup.paste) {
    lines.push(`Query: "${shorten(setup.paste.query)}".`);
    lines.push(`Documents: ${count(setup.paste.documentsText.length, 'character')} of text${setup.paste.fileName ? ` (from ${shorten(setup.paste.fileName)})` : ''}.`);
  }
  lines.push(`${setup.columns.length === 1 ? 'Column' : 'Columns'}: ${setup.columns.map((c) => columnLine(c.config)).join('; ')}.`);
  const withScores = setup.columns.filter((c) => c.runs.length > 0).length;
  if (withScores > 0) lines.push(`Scores are included for ${count(withScores, 'column')}: their results show without running a model.`);
  return lines;
}
