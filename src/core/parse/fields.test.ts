import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { FieldMapping, ParseOptions } from './types';
import { findField, guessField, isKnownFieldName } from './fieldNames';

const withFields = (fields: FieldMapping): ParseOptions => ({ format: 'auto', textMode: 'auto', fields });
const AUTO = withFields({});

describe('field names', () => {
  it('guesses by priority, ignoring case', () => {
    expect(guessField('text', ['body', 'Content'])).toBe('Content');
    expect(guessField('id', ['docid', '_id'])).toBe('_id');
    expect(guessField('score', ['similarity', 'relevance_score'])).toBe('relevance_score');
    expect(guessField('relevance', ['qrel', 'label'])).toBe('label');
    expect(guessField('text', ['title'])).toBeUndefined();
  });
  it('finds a chosen field by exact spelling first', () => {
    expect(findField('Text', ['text', 'Text'])).toBe('Text');
    expect(findField('TEXT', ['text', 'Text'])).toBe('text');
  });
  it('knows every recognised name', () => {
    expect(isKnownFieldName('PAGE_CONTENT')).toBe(true);
    expect(isKnownFieldName('title')).toBe(false);
  });
});

describe('parseDocuments: field mapping', () => {
  it('guesses fields whatever their case', () => {
    const result = parseDocuments('[{"ID":"a","Text":"B","Score":"1","QREL":2}]', AUTO);
    expect(result.fields?.used).toEqual({ text: 'Text', id: 'ID', score: 'Score', relevance: 'QREL' });
    expect(result.candidates).toEqual([{ id: 'a', text: 'B', index: 0, score: 1, relevance: 2 }]);
  });

  it('follows the user’s choice of field, in any case', () => {
    const raw = '[{"id":"a","title":"T","text":"B","rank":"9"}]';
    const result = parseDocuments(raw, withFields({ text: 'TITLE', score: 'rank' }));
    expect(result.fields?.used).toEqual({ text: 'title', id: 'id', score: 'rank' });
    expect(result.candidates).toEqual([{ id: 'a', text: 'T', index: 0, score: 9 }]);
  });

  it('turns an optional field off with an empty name', () => {
    const result = parseDocuments('[{"text":"a","score":1,"id":"x"}]', withFields({ score: '', id: '' }));
    expect(result.fields?.used).toEqual({ text: 'text' });
    expect(result.candidates).toEqual([{ id: 'doc_1', text: 'a', index: 0 }]);
  });

  it('falls back to the guess when the chosen field is not in the data', () => {
    const result = parseDocuments('[{"id":"a","text":"one"}]', withFields({ text: 'missing', score: 'nope' }));
    expect(result.candidates).toEqual([{ id: 'a', text: 'one', index: 0 }]);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        message: `The chosen text field "missing" is not in this data (fields: "id", "text"). Used "text" instead; choose another field if that's wrong.`,
      },
      {
        severity: 'warning',
        message: 'The chosen score field "nope" is not in this data (fields: "id", "text"). Read no score; choose another field if the data has one.',
      },
    ]);
  });

  it('uses the only field holding text when no known text field exists, and says so', () => {
    const result = parseDocuments('[{"id":"a","snippet":"hello","rank":1},{"id":"b","snippet":"bye","rank":"2"}]', AUTO);
    expect(result.fields).toEqual({ available: ['id', 'snippet', 'rank'], used: { text: 'snippet', id: 'id' } });
    expect(result.candidates.map((c) => c.text)).toEqual(['hello', 'bye']);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        message:
          'No field named text, content, document, passage, body, page_content was found, so the text was read from "snippet", the only field holding text. Choose another text field if that\'s wrong.',
      },
    ]);
  });

  it('reports no candidates and an error when no text field can be found', () => {
    expect(parseDocuments('[{"id":"a","title":"x","url":"y"}]', AUTO)).toEqual({
      format: 'json',
      candidates: [],
      fields: { available: ['id', 'title', 'url'], used: { id: 'id' } },
      issues: [
        {
          severity: 'error',
          message:
            'The input has no text field: looked for text, content, document, passage, body, page_content, but the items have "id", "title", "url". Choose the text field in the field menu, or rename it to "text".',
        },
      ],
    });
  });
});
