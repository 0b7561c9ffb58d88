export interface LineColumn {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number;
}

/**
 * Line and column of a character offset; \n, \r\n and a lone \r each end a line. A break belongs to the line
 * it ends, so the offset of either half of \r\n is still on that line. Linear in `offset`: meant for the one
 * error position, not per item.
 */
export function lineColumnAt(source: string, offset: number): LineColumn {
  const lineBreaks = /\r\n?|\n/g;
  let line = 1;
  let lineStart = 0;
  for (let found = lineBreaks.exec(source); found !== null; found = lineBreaks.exec(source)) {
    const nextLineStart = found.index + found[0].length;
    if (nextLineStart > offset) break;
    line += 1;
    lineStart = nextLineStart;
  }
  return { line, column: offset - lineStart + 1 };
}
