export interface LineColumn {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number;
}

/** Line and column of a character offset. Linear in `offset`: meant for the one error position, not per item. */
export function lineColumnAt(source: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let nl = source.indexOf('\n'); nl !== -1 && nl < offset; nl = source.indexOf('\n', nl + 1)) {
    line += 1;
    lineStart = nl + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
