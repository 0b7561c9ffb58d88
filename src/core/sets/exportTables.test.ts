import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../metrics';
import { splitRecords } from '../parse/csvRecords';
import { perQueryMetricsCsv } from './exportTables';

const NONE: MetricValues = { precision: null, recall: null, rr: null, ap: null, ndcg: null };

describe('perQueryMetricsCsv', () => {
  it('writes the header with k and one CRLF-ended row per query and ranker, n/a as empty', () => {
    const csv = perQueryMetricsCsv(
      [
        { queryId: '__proto__', queryText: 'ai drug discovery', ranker: 'BM25', values: { precision: 0.5, recall: 0.25, rr: 1, ap: 0.75, ndcg: 0.6 } },
        { queryId: 'constructor', queryText: 'no judgments', ranker: 'BM25', values: NONE },
      ],
      10,
    );
    expect(csv).toBe(
      'query_id,query,ranker,P@10,Recall@10,RR,AP,nDCG@10\r\n' +
        '__proto__,ai drug discovery,BM25,0.5,0.25,1,0.75,0.6\r\n' +
        'constructor,no judgments,BM25,,,,,\r\n',
    );
  });

  it('writes numbers at full precision', () => {
    const csv = perQueryMetricsCsv([{ queryId: 'q', queryText: 't', ranker: 'r', values: { ...NONE, ap: 1 / 3 } }], 5);
    expect(csv.split('\r\n')[1]).toBe('q,t,r,,,,0.3333333333333333,');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    const csv = perQueryMetricsCsv(
      [{ queryId: 'q,1', queryText: 'say "hi"\nthen leave', ranker: 'cross-encoder, v2', values: NONE }],
      3,
    );
    expect(csv.split('\r\n').slice(1).join('\r\n')).toBe('"q,1","say ""hi""\nthen leave","cross-encoder, v2",,,,,\r\n');
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    const csv = perQueryMetricsCsv(
      [
        { queryId: '=1+1', queryText: '+covid vaccine', ranker: '@ranker', values: NONE },
        { queryId: '-q', queryText: '=HYPERLINK("http://x","y")', ranker: 'a=b', values: NONE },
      ],
      3,
    );
    const [, first, second] = csv.split('\r\n');
    expect(first).toBe("'=1+1,'+covid vaccine,'@ranker,,,,,");
    // A guarded cell that also needs quotes: the apostrophe goes inside the quotes. "a=b" is not a formula.
    expect(second).toBe(`'-q,"'=HYPERLINK(""http://x"",""y"")",a=b,,,,,`);
  });

  it('reads back cell for cell with the app’s own RFC 4180 reader', () => {
    const tricky = 'a "quoted", multi\nline text'; // (the reader turns CRLF inside a cell into LF)
    const csv = perQueryMetricsCsv([{ queryId: 'toString', queryText: tricky, ranker: 'BM25', values: { ...NONE, rr: 0.5 } }], 1);
    const records = splitRecords(csv, ',').filter((record) => record.cells.some((cell) => cell !== ''));
    expect(records.map((record) => record.cells)).toEqual([
      ['query_id', 'query', 'ranker', 'P@1', 'Recall@1', 'RR', 'AP', 'nDCG@1'],
      ['toString', tricky, 'BM25', '', '', '0.5', '', ''],
    ]);
  });
});
