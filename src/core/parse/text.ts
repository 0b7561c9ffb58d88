import type { RawItem, TextMode } from './types';

export interface PlainTextRead {
  items: RawItem[];
  mode: TextMode;
}

/** Every line break we accept: \n, \r\n (Windows) and a lone \r (old Mac files). */
export const LINE_BREAK = /\r\n?|\n/;

/** Splits into lines at \n, \r\n or a lone \r; the breaks themselves are dropped. */
export function splitLines(raw: string): string[] {
  return raw.includes('\r') ? raw.split(LINE_BREAK) : raw.split('\n'); // a plain split is several times faster
}

interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

/** Runs of non-blank lines. Blank (or whitespace-only) lines separate documents; they are never documents. */
function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

/**
 * Auto picks paragraphs when blank lines separate blocks and some block spans several lines:
 * then a line break inside a block is wrapping, not a new document. Otherwise one document per line.
 */
export function readPlainText(raw: string, requested: TextMode | 'auto'): PlainTextRead {
  const blocks = blocksOf(splitLines(raw));
  const mode = requested !== 'auto' ? requested : blocks.length > 1 && blocks.some((block) => block.lines.length > 1) ? 'paragraphs' : 'lines';
  const items: RawItem[] = [];
  if (mode === 'paragraphs') {
    for (const block of blocks) items.push({ item: items.length + 1, line: block.line, value: block.lines.map((line) => line.trim()).join('\n') });
  } else {
    for (const block of blocks) {
      block.lines.forEach((line, offset) => items.push({ item: items.length + 1, line: block.line + offset, value: line.trim() }));
    }
  }
  return { items, mode };
}
