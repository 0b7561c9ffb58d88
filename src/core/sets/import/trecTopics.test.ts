import { describe, expect, it } from 'vitest';
import { readTrecTopics } from './trecTopics';

const read = (text: string) => readTrecTopics({ name: 'topics.txt', text });

/** Three classic TREC topics (shortened from the Robust04 set), with blank lines and unclosed fields as in the real file. */
const CLASSIC = [
  '<top>', //                                                  1
  '', //                                                       2
  '<num> Number: 301 ', //                                     3
  '<title> International Organized Crime ', //                 4
  '', //                                                       5
  '<desc> Description: ', //                                   6
  'Identify organizations that participate in crime.', //      7
  '', //                                                       8
  '<narr> Narrative: ', //                                     9
  'A relevant document must identify the organization.', //   10
  '', //                                                      11
  '</top>', //                                                12
  '', //                                                      13
  '<top>', //                                                 14
  '<num> Number: 302', //                                     15
  '<title> Poliomyelitis and', //                             16
  '   Post-Polio', //                                         17
  '<desc> Description:', //                                   18
  'Is polio under control in the world?', //                  19
  '<narr> Narrative:', //                                     20
  'Relevant documents give data.', //                         21
  '</top>', //                                                22
  '<top>', //                                                 23
  '<num> Number: __proto__', //                               24
  '<title> Hydroelectric Projects', //                        25
  '<desc> Description:', //                                   26
  'Hydroelectric projects in the world.', //                  27
  '</top>', //                                                28
].join('\n');

describe('readTrecTopics: classic SGML topics', () => {
  it('reads the title of each topic as its query, at the line of its <num>', () => {
    expect(read(CLASSIC)).toEqual({
      file: 'topics.txt',
      kind: 'trec-topics',
      topics: [
        { id: '301', text: 'International Organized Crime', line: 3 },
        // The title runs over lines 16-17 until <desc>; the line break and indent become one space.
        { id: '302', text: 'Poliomyelitis and Post-Polio', line: 15 },
        { id: '__proto__', text: 'Hydroelectric Projects', line: 24 },
      ],
      issues: [],
    });
  });

  it('reads closed tags on one line, a <num> without "Number:", and a "Topic:" prefix', () => {
    const parts = read('<top><num>51</num><title>Topic: Airbus Subsidies</title></top>\n<top> <num> constructor <title> toString </top>');
    expect(parts.topics).toEqual([
      { id: '51', text: 'Airbus Subsidies', line: 1 },
      { id: 'constructor', text: 'toString', line: 2 },
    ]);
    expect(parts.issues).toEqual([]);
  });

  it('closes a topic whose </top> is missing when the next <top> or <num> begins', () => {
    const parts = read('<top>\n<num> 1\n<title> first\n<top>\n<num> 2\n<title> second\n<num> 3\n<title> third');
    expect(parts.topics).toEqual([
      { id: '1', text: 'first', line: 2 },
      { id: '2', text: 'second', line: 5 },
      { id: '3', text: 'third', line: 7 },
    ]);
    expect(parts.issues).toEqual([]);
  });

  it('reads CR-only and CRLF line ends and a byte-order mark', () => {
    expect(read('\uFEFF<top>\r<num> 7\r<title> cr only\r</top>').topics).toEqual([{ id: '7', text: 'cr only', line: 2 }]);
    expect(read('<top>\r\n<num> 8\r\n<title> crlf\r\n</top>\r\n').topics).toEqual([{ id: '8', text: 'crlf', line: 2 }]);
  });

  it('reports a topic without <num> at its <top>, and an empty <num> at its line', () => {
    const parts = read('<top>\n<title> lost\n</top>\n<top>\n<num> Number:\n<title> no id\n</top>');
    expect(parts.topics).toEqual([]);
    expect(parts.issues).toMatchObject([
      { severity: 'error', file: 'topics.txt', line: 1, message: expect.stringContaining('starting on line 1 has no <num>') },
      { severity: 'error', file: 'topics.txt', line: 5, message: expect.stringContaining('holds no id') },
    ]);
  });

  it('reports a topic without a title at its <num>, and an empty title at the <title> line', () => {
    const parts = read('<top>\n<num> 10\n<desc> only a description\n</top>\n<top>\n<num> 11\n<title>   \n<desc> x\n</top>');
    expect(parts.topics).toEqual([]);
    expect(parts.issues).toMatchObject([
      { severity: 'error', line: 2, message: "Line 2: topic '10' has no <title>, and the title is the query text. The topic was skipped." },
      { severity: 'error', line: 7, message: "Line 7: topic '11' has an empty <title>, and the title is the query text. The topic was skipped." },
    ]);
  });

  it('keeps the first of two topics with one id, naming both lines', () => {
    const parts = read('<top><num>5<title>first</top>\n\n<top><num>5<title>second</top>');
    expect(parts.topics).toEqual([{ id: '5', text: 'first', line: 1 }]);
    expect(parts.issues).toEqual([
      { severity: 'warning', file: 'topics.txt', line: 3, message: "Line 3: query '5' appears again (first on line 1). The first is kept; this one was ignored." },
    ]);
  });

  it('warns about text outside any topic and about a second title', () => {
    const parts = read('<top><num>1<title>a</top>\nstray words\n<top><num>2<title>b<title>c</top>');
    expect(parts.topics).toEqual([
      { id: '1', text: 'a', line: 1 },
      { id: '2', text: 'b', line: 3 },
    ]);
    expect(parts.issues).toMatchObject([
      { severity: 'warning', line: 2, message: "Line 2 has text outside any <top> … </top>: 'stray words'. It was ignored." },
      { severity: 'warning', line: 3, message: expect.stringContaining('second <title>') },
    ]);
  });

  it('says so when a tagged file has no topic tags at all', () => {
    const parts = read('<html><body>hello</body></html>');
    expect(parts.topics).toEqual([]);
    const errors = parts.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toMatchObject([{ message: expect.stringContaining('no <num> or <title> tag was found') }]);
    expect(errors[0]).not.toHaveProperty('line');
  });
});

describe('readTrecTopics: qid<TAB>text lines', () => {
  it('reads topics, passing over blank lines, comments and a header', () => {
    const text = 'qid\tquery\n# TREC DL 2019, three of them\n\n1037798\twho is robert gray\r\n__proto__\t  what is a prototype  \rconstructor\tbuild it';
    expect(read(text)).toEqual({
      file: 'topics.txt',
      kind: 'trec-topics',
      topics: [
        { id: '1037798', text: 'who is robert gray', line: 4 },
        { id: '__proto__', text: 'what is a prototype', line: 5 },
        { id: 'constructor', text: 'build it', line: 6 },
      ],
      issues: [],
    });
  });

  it('keeps tabs after the first one as part of the text', () => {
    expect(read('q1\tone\ttwo').topics).toEqual([{ id: 'q1', text: 'one\ttwo', line: 1 }]);
  });

  it('reports a line without a tab, an empty id and an empty text, each with its line', () => {
    const parts = read('q1\tfine\nq2 no tab here\n\tno id\nq4\t  ');
    expect(parts.topics).toEqual([{ id: 'q1', text: 'fine', line: 1 }]);
    expect(parts.issues).toEqual([
      { severity: 'error', file: 'topics.txt', line: 2, message: 'Line 2 has no tab: a topic line is the query id, a tab, then the query text. The line was skipped.' },
      { severity: 'error', file: 'topics.txt', line: 3, column: 1, message: 'Line 3 has no query id before its tab. The line was skipped.' },
      // 'q4' then the tab at offset 2: the text would start at column 4.
      { severity: 'error', file: 'topics.txt', line: 4, column: 4, message: "Line 4: query 'q4' has no text after its tab. The line was skipped." },
    ]);
  });

  it('keeps the first of a repeated id', () => {
    const parts = read('toString\tfirst\ntoString\tsecond');
    expect(parts.topics).toEqual([{ id: 'toString', text: 'first', line: 1 }]);
    expect(parts.issues).toMatchObject([{ severity: 'warning', line: 2, message: expect.stringContaining('(first on line 1)') }]);
  });

  it('lists 20 issues of one kind and counts the rest with their line range', () => {
    // Line 1 is a good topic; lines 2..26 are 25 lines without a tab: 20 listed (lines 2..21), 5 counted (22..26).
    const lines = ['q\tgood', ...Array.from({ length: 25 }, (_, i) => `bad line ${i}`)];
    const parts = read(lines.join('\n'));
    expect(parts.issues).toHaveLength(21);
    expect(parts.issues.slice(0, 20).map((issue) => issue.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(parts.issues[20]).toEqual({
      severity: 'error',
      file: 'topics.txt',
      message: '…and 5 more lines like this (no tab), lines 22 to 26; not listed one by one.',
    });
  });

  it('reports an empty file, or one of comments only, as holding no topics', () => {
    for (const text of ['', '\uFEFF', '\n\n', '# just a comment\n']) {
      expect(read(text)).toMatchObject({ topics: [], issues: [{ severity: 'error', message: expect.stringContaining('holds no topics at all') }] });
    }
  });
});
