import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { ParseOptions } from './types';
import { readPlainText, splitLines } from './text';

const AUTO: ParseOptions = { format: 'auto', textMode: 'auto', fields: {} };

describe('splitLines', () => {
  it('handles \\n and \\r\\n', () => {
    expect(splitLines('a\r\nb\nc\r\n')).toEqual(['a', 'b', 'c', '']);
  });
});

describe('readPlainText', () => {
  it('records the line where each paragraph starts', () => {
    expect(readPlainText('a\n\nb\nc\n\n\nd', 'auto')).toEqual({
      mode: 'paragraphs',
      items: [
        { item: 1, line: 1, value: 'a' },
        { item: 2, line: 3, value: 'b\nc' },
        { item: 3, line: 7, value: 'd' },
      ],
    });
  });

  it('records the line of each line, skipping blank ones', () => {
    expect(readPlainText('a\n\n  b  \n', 'lines').items).toEqual([
      { item: 1, line: 1, value: 'a' },
      { item: 2, line: 3, value: 'b' },
    ]);
  });
});

describe('parseDocuments: plain text', () => {
  it('reads one document per line when there are no paragraphs', () => {
    expect(parseDocuments('alpha\nbeta\ngamma', AUTO)).toEqual({
      format: 'text',
      textMode: 'lines',
      fields: undefined,
      issues: [],
      candidates: [
        { id: 'doc_1', text: 'alpha', index: 0 },
        { id: 'doc_2', text: 'beta', index: 1 },
        { id: 'doc_3', text: 'gamma', index: 2 },
      ],
    });
  });

  it('reads single lines separated by blank lines as lines (blank lines are not documents)', () => {
    const result = parseDocuments('one\n\ntwo\n   \nthree\n', AUTO);
    expect(result.textMode).toBe('lines');
    expect(result.candidates.map((c) => c.text)).toEqual(['one', 'two', 'three']);
    expect(result.issues).toEqual([]);
  });

  it('picks paragraphs when blank lines separate multi-line blocks', () => {
    const raw = 'First line\nwraps here.\n\nSecond para\nalso wraps.\n';
    const result = parseDocuments(raw, AUTO);
    expect(result.textMode).toBe('paragraphs');
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'First line\nwraps here.', index: 0 },
      { id: 'doc_2', text: 'Second para\nalso wraps.', index: 1 },
    ]);
  });

  it('lets textMode override the guess both ways', () => {
    const raw = 'First line\nwraps here.\n\nSecond para\nalso wraps.\n';
    expect(parseDocuments(raw, { ...AUTO, textMode: 'lines' }).candidates.map((c) => c.text)).toEqual([
      'First line',
      'wraps here.',
      'Second para',
      'also wraps.',
    ]);
    const paragraphs = parseDocuments('a\nb', { ...AUTO, textMode: 'paragraphs' });
    expect(paragraphs.textMode).toBe('paragraphs');
    expect(paragraphs.candidates).toEqual([{ id: 'doc_1', text: 'a\nb', index: 0 }]);
  });

  it('handles Windows line ends and trims each document', () => {
    expect(parseDocuments('  a  \r\nb\r\n', AUTO).candidates.map((c) => c.text)).toEqual(['a', 'b']);
  });

  it('reads empty input as no documents, without complaint', () => {
    expect(parseDocuments('', AUTO)).toEqual({ format: 'text', textMode: 'lines', fields: undefined, issues: [], candidates: [] });
  });

  it('reads prose that starts with [ as text once the user forces text', () => {
    const raw = '[1] Smith et al. showed that...\nA second line.';
    expect(parseDocuments(raw, { ...AUTO, format: 'text' }).candidates).toEqual([
      { id: 'doc_1', text: '[1] Smith et al. showed that...', index: 0 },
      { id: 'doc_2', text: 'A second line.', index: 1 },
    ]);
  });

  it('ignores a byte-order mark', () => {
    expect(parseDocuments('\uFEFFhello', AUTO).candidates).toEqual([{ id: 'doc_1', text: 'hello', index: 0 }]);
  });
});
