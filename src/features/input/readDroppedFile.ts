import type { InputFormat } from '../../core/parse';

/**
 * Files above this are refused. A large input is parsed in the compute worker and never laid out in the
 * textarea; the page then holds the text about three times over (the text, the documents read from it, and
 * the worker's copy with its BM25 index). Decimal megabytes, as the message and the README say them.
 */
export const MAX_FILE_BYTES = 100_000_000;

/** A Map, not an object: the extension is the user's text, and "data.constructor" must not find Object's members. */
const FORMAT_BY_EXTENSION: ReadonlyMap<string, InputFormat> = new Map([
  ['json', 'json'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['txt', 'text'],
]);

/** The format a file's extension names, or 'auto' to let the content decide. */
export function formatFromFileName(name: string): InputFormat {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  return FORMAT_BY_EXTENSION.get(extension) ?? 'auto';
}

export type FileReadResult = { ok: true; text: string; format: InputFormat; name: string } | { ok: false; message: string };

export async function readDocumentsFile(file: File): Promise<FileReadResult> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB. Keep the top candidates from your retriever (a reranker only sees the top N anyway), or import it as a query set, which keeps only what each query refers to.`,
    };
  }
  try {
    const text = await file.text();
    if (text.includes('\u0000')) {
      return { ok: false, message: `"${file.name}" looks like a binary file. Upload text, JSON, JSONL, CSV or TSV.` };
    }
    return { ok: true, text, format: formatFromFileName(file.name), name: file.name };
  } catch (error) {
    return { ok: false, message: `Could not read "${file.name}": ${String(error)}. Try again, or paste its contents.` };
  }
}
