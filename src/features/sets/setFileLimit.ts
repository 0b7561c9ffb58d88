/**
 * Per file: larger ones would not fit in the page's memory alongside the set built from them. Decimal
 * megabytes (200,000,000 bytes), as the message and the README say them, like the documents upload limit.
 */
export const MAX_SET_FILE_BYTES = 200_000_000;

interface SizedFile {
  name: string;
  size: number;
}

/** A size in decimal megabytes, one decimal: 250,000,000 -> "250.0 MB", so 200,000,001 does not read as "200 MB". */
function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The set files over the limit, or an empty list when every file fits. */
export function filesOverSetLimit<F extends SizedFile>(files: readonly F[]): F[] {
  return files.filter((file) => file.size > MAX_SET_FILE_BYTES);
}

/** The refusal for files over the limit: each file's name and size, the limit, and what to do instead. */
export function setFilesTooLargeMessage(tooLarge: readonly SizedFile[]): string {
  const names = tooLarge.map((file) => `"${file.name}" (${megabytes(file.size)})`).join(', ');
  const verb = tooLarge.length === 1 ? 'is' : 'are';
  return `${names} ${verb} over the ${MAX_SET_FILE_BYTES / 1e6} MB limit per file. Keep your retriever's top 100 per query in the run, or a smaller corpus.`;
}
