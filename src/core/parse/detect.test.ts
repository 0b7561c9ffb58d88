import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

describe('detectFormat', () => {
  it.each([
    ['[{"text":"a"}]', 'json'],
    ['  {"documents":[]}', 'json'],
    ['{\n  "documents": []\n}', 'json'],
    ['{"text":"a"}\n{"text":"b"}', 'jsonl'],
    ['\n{"text":"a"}\n\n{"text":"b"', 'jsonl'],
    ['"first"\n"second"', 'jsonl'],
    ['id,text,score\n1,a,0.5', 'csv'],
    ['"id","text"\n1,a', 'csv'],
    ['Text, ID\nx,1', 'csv'],
    ['id\ttext\n1\ta', 'tsv'],
    ['title\tabstract\nA\tB', 'tsv'],
    ['Hello, world\nBye', 'text'],
    ['title,abstract\nA,B', 'text'],
    ['The text, as given\nmore', 'text'],
    ['plain words\nmore words', 'text'],
    ['"Hello," she said.\nThen she left.', 'text'],
    ['', 'text'],
    ['  \n \n', 'text'],
  ] as const)('%j is %s', (raw, expected) => {
    expect(detectFormat(raw)).toBe(expected);
  });

  it('calls input starting with [ or { JSON even when it will not parse: the user most likely meant JSON', () => {
    expect(detectFormat('[1] Smith et al. showed that...')).toBe('json');
    expect(detectFormat('{not json}\nmore')).toBe('json');
  });
});
