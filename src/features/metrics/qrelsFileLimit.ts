/**
 * The largest qrels file read for one query. Such a file is tiny (a line per judged document, so 10,000
 * judgments are about 0.3 MB); 50 MB, in decimal megabytes, still takes a whole TREC qrels file that holds this
 * query among others, and stops a wrong file (a corpus, a run) before it is read into the page.
 */
export const MAX_QRELS_FILE_BYTES = 50_000_000;

/**
 * Why `file` is refused before it is read, or null when it fits. Names the file, its size and the limit, and
 * what to do: keep only this query's lines, or import the judgments with the query set.
 */
export function qrelsFileTooLarge(file: { name: string; size: number }, queryId: string): string | null {
  if (file.size <= MAX_QRELS_FILE_BYTES) return null;
  const size = `${(file.size / 1e6).toFixed(1)} MB`;
  return (
    `"${file.name}" is ${size}; the limit for a qrels file here is ${MAX_QRELS_FILE_BYTES / 1e6} MB, and it was not read. ` +
    `This import judges only the open query ("${queryId}"): keep that query's lines of the file, ` +
    'or import the file with the query set (Import query set files…) to judge every query at once.'
  );
}
