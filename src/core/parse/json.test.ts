import { describe, expect, it } from 'vitest';
import { parseDocuments } from './index';
import type { ParseOptions } from './types';

const AUTO: ParseOptions = { format: 'auto', textMode: 'auto', fields: {} };
const JSON_ONLY: ParseOptions = { ...AUTO, format: 'json' };

const SEED =
  '[{"id":"doc_101","text":"Deep learning models are revolutionizing drug discovery by predicting molecular properties and designing novel compounds. Recent breakthroughs in generative adversarial networks (GANs) show promise for de novo drug design.","score":0.85},{"id":"doc_205","text":"Artificial intelligence (AI) has been applied to various fields, including healthcare, finance, and autonomous driving. In healthcare, AI is used for diagnosis and personalized medicine.","score":0.72},{"id":"doc_312","text":"The pharmaceutical industry is investing heavily in research and development. New drug candidates are constantly being screened using high-throughput methods.","score":0.65},{"id":"doc_450","text":"Recent advancements in AI, particularly in natural language processing (NLP) and computer vision, are impacting many sectors. For instance, NLP is improving chatbots and translation services.","score":0.60}]';

describe('parseDocuments: JSON', () => {
  it('reads the seed example exactly', () => {
    expect(parseDocuments(SEED, AUTO)).toEqual({
      format: 'json',
      fields: { available: ['id', 'text', 'score'], used: { text: 'text', id: 'id', score: 'score' } },
      issues: [],
      candidates: [
        {
          id: 'doc_101',
          index: 0,
          score: 0.85,
          text: 'Deep learning models are revolutionizing drug discovery by predicting molecular properties and designing novel compounds. Recent breakthroughs in generative adversarial networks (GANs) show promise for de novo drug design.',
        },
        {
          id: 'doc_205',
          index: 1,
          score: 0.72,
          text: 'Artificial intelligence (AI) has been applied to various fields, including healthcare, finance, and autonomous driving. In healthcare, AI is used for diagnosis and personalized medicine.',
        },
        {
          id: 'doc_312',
          index: 2,
          score: 0.65,
          text: 'The pharmaceutical industry is investing heavily in research and development. New drug candidates are constantly being screened using high-throughput methods.',
        },
        {
          id: 'doc_450',
          index: 3,
          score: 0.6,
          text: 'Recent advancements in AI, particularly in natural language processing (NLP) and computer vision, are impacting many sectors. For instance, NLP is improving chatbots and translation services.',
        },
      ],
    });
  });

  it('reads an array of strings, with no fields to choose', () => {
    expect(parseDocuments('["alpha", "beta"]', AUTO)).toEqual({
      format: 'json',
      fields: undefined,
      issues: [],
      candidates: [
        { id: 'doc_1', text: 'alpha', index: 0 },
        { id: 'doc_2', text: 'beta', index: 1 },
      ],
    });
  });

  it.each(['documents', 'results', 'hits', 'data', 'Documents'])('finds the list under "%s"', (key) => {
    const result = parseDocuments(`{"total": 2, "${key}": ["a", "b"]}`, AUTO);
    expect(result.candidates.map((c) => c.text)).toEqual(['a', 'b']);
    expect(result.issues).toEqual([]);
  });

  it('reads an Elasticsearch response: hits.hits with _id, _score and _source fields', () => {
    const raw = `{"took":3,"hits":{"total":{"value":2},"max_score":1.3,"hits":[
      {"_index":"news","_id":"n1","_score":1.3,"_source":{"title":"Drugs","body":"AI finds drugs."}},
      {"_index":"news","_id":"n2","_score":0.7,"_source":{"title":"Cars","body":"AI drives cars."}}]}}`;
    expect(parseDocuments(raw, AUTO)).toEqual({
      format: 'json',
      fields: { available: ['_index', '_id', '_score', 'title', 'body'], used: { text: 'body', id: '_id', score: '_score' } },
      issues: [],
      candidates: [
        { id: 'n1', text: 'AI finds drugs.', index: 0, score: 1.3 },
        { id: 'n2', text: 'AI drives cars.', index: 1, score: 0.7 },
      ],
    });
  });

  it('reads a Cohere rerank response with returned documents', () => {
    const raw = '{"id":"r1","results":[{"index":0,"relevance_score":0.9,"document":{"text":"alpha"}}],"meta":{}}';
    expect(parseDocuments(raw, AUTO)).toEqual({
      format: 'json',
      fields: { available: ['index', 'relevance_score', 'text'], used: { text: 'text', score: 'relevance_score' } },
      issues: [],
      candidates: [{ id: 'doc_1', text: 'alpha', index: 0, score: 0.9 }],
    });
  });

  it('reads a single object with a text field as one document', () => {
    expect(parseDocuments('{"id":"x","text":"only one"}', AUTO).candidates).toEqual([{ id: 'x', text: 'only one', index: 0 }]);
  });

  it('reads the only list in an unfamiliar object, and says so', () => {
    const result = parseDocuments('{"items":[{"text":"a"}],"count":1}', AUTO);
    expect(result.candidates).toEqual([{ id: 'doc_1', text: 'a', index: 0 }]);
    expect(result.issues).toEqual([
      { severity: 'warning', message: 'Read the documents from "items", the only list in the JSON object. Put them under "documents" to make that explicit.' },
    ]);
  });

  it('reports an object with no list of documents', () => {
    expect(parseDocuments('{"a":1,"b":{"c":2}}', AUTO)).toEqual({
      format: 'json',
      fields: undefined,
      candidates: [],
      issues: [
        {
          severity: 'error',
          message: 'The JSON is an object with no list of documents in it (its keys: "a", "b"). Paste an array of documents, or put them under "documents".',
        },
      ],
    });
  });

  it('reports a JSON value that is not a list', () => {
    expect(parseDocuments('42', JSON_ONLY).issues).toEqual([
      { severity: 'error', message: 'The JSON is a number, not a list of documents. Paste an array like ["first document", "second document"].' },
    ]);
  });

  it('skips items that are not documents, naming each, and reads the rest', () => {
    const result = parseDocuments('["a", 3, null, ["x"], {"text":"b"}]', AUTO);
    expect(result.candidates).toEqual([
      { id: 'doc_1', text: 'a', index: 0 },
      { id: 'doc_5', text: 'b', index: 1 },
    ]);
    const advice = 'Use a string, or an object with a "text" field.';
    expect(result.issues).toEqual([
      { severity: 'error', item: 2, message: `Item 2 is a number, not a document, and was skipped. ${advice}` },
      { severity: 'error', item: 3, message: `Item 3 is null, not a document, and was skipped. ${advice}` },
      { severity: 'error', item: 4, message: `Item 4 is an array, not a document, and was skipped. ${advice}` },
    ]);
  });
});

describe('parseDocuments: invalid JSON', () => {
  const trailingComma = '[\n  {"id": "a", "text": "one"},\n  {"id": "b", "text": "two"},\n]';

  it('names the line and column of a trailing comma, and suggests Text when the format was guessed', () => {
    const result = parseDocuments(trailingComma, AUTO);
    expect(result.candidates).toEqual([]);
    expect(result.fields).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      severity: 'error',
      line: 3,
      column: 29,
      message: "Invalid JSON at line 3, column 29: trailing comma before ']'. Remove the comma. If this isn't meant to be JSON, choose the Text format.",
    });
    expect(result.issues[0]?.cause).toEqual(expect.any(String));
  });

  it('leaves out the Text suggestion when the user chose JSON', () => {
    expect(parseDocuments(trailingComma, JSON_ONLY).issues[0]?.message).toBe(
      "Invalid JSON at line 3, column 29: trailing comma before ']'. Remove the comma.",
    );
  });

  it('names an unquoted key', () => {
    expect(parseDocuments('[\n  {id: 1}\n]', AUTO).issues[0]).toMatchObject({
      line: 2,
      column: 4,
      message: `Invalid JSON at line 2, column 4: property name 'id' is not quoted. Put property names in double quotes, like "id". If this isn't meant to be JSON, choose the Text format.`,
    });
  });

  it('says why an error inside very deep nesting has no line', () => {
    const result = parseDocuments(`${'['.repeat(3000)}1,]`, JSON_ONLY);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.severity).toBe('error');
    expect(result.issues[0]?.line).toBeUndefined();
    expect(result.issues[0]?.item).toBeUndefined();
    expect(result.issues[0]?.message).toMatch(
      /^The JSON is invalid: .+\. Where it breaks could not be found \(it nests more than 2000 levels deep, or the browser gave no position\); check that every '\[' and '\{' is closed and has no trailing comma\.$/,
    );
  });

  it('names a missing closing bracket', () => {
    expect(parseDocuments('["a",\n "b"', JSON_ONLY).issues[0]).toMatchObject({
      line: 2,
      column: 5,
      message: "Invalid JSON at line 2, column 5: the input ends too early. Check for a missing ']' or '}' at the end.",
    });
  });

  it('explains prose that happens to start with [', () => {
    expect(parseDocuments('[1] Smith et al. showed that...', AUTO).issues[0]?.message).toBe(
      'Invalid JSON at line 1, column 5: unexpected text after the end of the JSON value. ' +
        'If there is one JSON value per line, choose JSONL; otherwise wrap the values in [ ] separated by commas. ' +
        "If this isn't meant to be JSON, choose the Text format.",
    );
  });
});
