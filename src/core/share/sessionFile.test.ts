import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION } from './schemaV1';
import { samplePasteSetup, sampleSetSetup } from './sampleSetups';
import { checkSessionFileSize, readSessionFile, sessionFileName, writeSessionFile } from './sessionFile';
import type { SharedSetup } from './types';

const NAME = 'lesson.rerank.json';

function fileOf(setup: SharedSetup, includeScores: boolean): string {
  const written = writeSessionFile(setup, { includeScores, secrets: [] });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

/** The sample file as JSON to spoil, one field at a time. */
const sampleJson = (): Record<string, unknown> => JSON.parse(fileOf(sampleSetSetup(), true)) as Record<string, unknown>;

function failureOf(text: string) {
  const read = readSessionFile(text, NAME);
  if (read.ok) throw new Error('the file was read');
  return read.error;
}

describe('session files: round trips', () => {
  it('brings back a query set with every column’s scores when they are included', () => {
    const setup = sampleSetSetup();
    expect(readSessionFile(fileOf(setup, true), NAME)).toEqual({ ok: true, value: setup });
  });

  it('leaves the scores out unless asked', () => {
    const setup = sampleSetSetup();
    const text = fileOf(setup, false);
    expect(text).not.toContain('"runs"');
    const read = readSessionFile(text, NAME);
    expect(read.ok && read.value.columns.every((c) => c.runs.length === 0)).toBe(true);
  });

  it('brings back a paste with every field set', () => {
    const setup = samplePasteSetup();
    expect(readSessionFile(fileOf(setup, true), NAME)).toEqual({ ok: true, value: setup });
  });

  it('is indented JSON that names its app and version, and ends with a newline', () => {
    const text = fileOf(samplePasteSetup(), false);
    expect(text.startsWith('{\n  "app": "rerank-playground",\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads a file an editor saved with a byte order mark', () => {
    expect(readSessionFile(`\uFEFF${fileOf(samplePasteSetup(), false)}`, NAME).ok).toBe(true);
  });
});

describe('session files: a bad file is refused with a located message', () => {
  it('says where the JSON breaks', () => {
    const text = fileOf(samplePasteSetup(), false);
    // Cut inside the "paste" object: the file ends early.
    const error = failureOf(text.slice(0, 60));
    expect(error.failure.kind).toBe('not-json');
    expect(error.message).toMatch(/^The file "lesson\.rerank\.json" is not valid JSON at line \d+, column \d+: /);
    expect(error.message).toContain('Nothing here was changed.');
    const comma = failureOf('{\n  "app": "rerank-playground",\n}');
    // Line 2 is `  "app": "rerank-playground",`: 2 spaces, "app" (5), ':', ' ', the 19-character value: the comma is column 29.
    expect(comma.failure).toMatchObject({ kind: 'not-json', at: { line: 2, column: 29 } });
    expect(comma.message).toContain("at line 2, column 29: trailing comma before '}'");
  });

  it('refuses a file that is not one of ours', () => {
    for (const text of ['[]', '"text"', '42', 'null', '{"version":1}', '{"app":"other","version":1}']) {
      expect(failureOf(text).failure, text).toEqual({ kind: 'not-ours' });
    }
    expect(failureOf('{}').message).toContain('does not hold a Rerank Playground setup');
  });

  it('names a missing field', () => {
    const doc = sampleJson();
    delete doc.settings;
    const error = failureOf(JSON.stringify(doc));
    expect(error.failure).toEqual({ kind: 'invalid', where: 'settings', problem: 'a required field is missing (expected object)' });
    expect(error.message).toBe(
      'The file "lesson.rerank.json" holds a setup that is not valid: at settings, a required field is missing (expected object). Choose the file again, or ask for a new copy. Nothing here was changed.',
    );
  });

  it('names a field of the wrong type, deep inside', () => {
    const doc = sampleJson() as { columns: { config: { maxLength?: unknown }; runs?: { scores: unknown[] }[] }[] };
    const first = doc.columns[0];
    if (!first) throw new Error('no column');
    first.config.maxLength = '256';
    expect(failureOf(JSON.stringify(doc)).failure).toEqual({ kind: 'invalid', where: 'columns[0].config.maxLength', problem: 'expected number, received string' });
    first.config.maxLength = 256;
    const run = first.runs?.[0];
    if (!run) throw new Error('no run');
    run.scores[1] = ['d2', null];
    expect(failureOf(JSON.stringify(doc)).failure).toMatchObject({ kind: 'invalid', where: 'columns[0].runs[0].scores[1][1]' });
  });

  it('refuses a newer version, and an older one it has no way to read', () => {
    const newer = { ...sampleJson(), version: DOCUMENT_VERSION + 1 };
    expect(failureOf(JSON.stringify(newer)).failure).toEqual({ kind: 'newer', version: 2 });
    expect(failureOf(JSON.stringify(newer)).message).toContain('was made by a newer version of Rerank Playground (format 2;');
    expect(failureOf(JSON.stringify({ ...sampleJson(), version: 0 })).failure).toEqual({ kind: 'older-unreadable', version: 0 });
    for (const version of ['1', 1.5, null]) {
      expect(failureOf(JSON.stringify({ ...sampleJson(), version })).failure).toEqual({ kind: 'no-version' });
    }
  });

  it('refuses ids given twice, and references to what is not there', () => {
    const twice = sampleJson() as { querySet: { documents: [string, string][]; openQueryId: string; marks: [string, unknown][] } };
    twice.querySet.documents.push(['d2', 'another text for d2']);
    expect(failureOf(JSON.stringify(twice)).failure).toEqual({ kind: 'invalid', where: 'querySet.documents[2]', problem: 'the document id "d2" is given twice' });

    const missingQuery = sampleJson() as { querySet: { openQueryId: string } };
    missingQuery.querySet.openQueryId = 'q9';
    expect(failureOf(JSON.stringify(missingQuery)).failure).toEqual({ kind: 'invalid', where: 'querySet.openQueryId', problem: 'the open query "q9" is not in the set' });

    const columns = sampleJson() as { columns: { id: string }[] };
    const second = columns.columns[1];
    if (second) second.id = 'col_3';
    expect(failureOf(JSON.stringify(columns)).failure).toEqual({ kind: 'invalid', where: 'columns[1].id', problem: 'the column id "col_3" is given twice' });

    const scoresForNothing = sampleJson() as { columns: { runs?: { queryId: string | null }[] }[] };
    const run = scoresForNothing.columns[0]?.runs?.[0];
    if (run) run.queryId = null;
    expect(failureOf(JSON.stringify(scoresForNothing)).failure).toEqual({ kind: 'invalid', where: 'columns[0].runs[0].queryId', problem: 'scores for a pasted query, but there is none' });
  });

  it('refuses a file past the size limit before reading it', () => {
    expect(checkSessionFileSize(NAME, 300_000_000)).toBeNull();
    const error = checkSessionFileSize(NAME, 300_000_001);
    expect(error?.failure).toEqual({ kind: 'file-too-large', size: 300_000_001, limit: 300_000_000 });
    expect(error?.message).toContain('The file "lesson.rerank.json" is 300 MB, more than the 300 MB a session file may be');
  });
});

describe('session file names', () => {
  it('are made of safe characters and end in .rerank.json', () => {
    expect(sessionFileName('Workshop set')).toBe('Workshop_set.rerank.json');
    expect(sessionFileName('../<script>')).toBe('.._script.rerank.json');
    expect(sessionFileName('')).toBe('session.rerank.json');
  });
});
