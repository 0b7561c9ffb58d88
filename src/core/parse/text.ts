import type { RawItem, TextMode } from './types';

export interface PlainTextRead {
  items: RawItem[];
  mode: TextMode;
}

/** Splits on \n, dropping the \r of Windows line ends. */
export function splitLines(raw: string): string[] {
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
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
