import { describe, expect, it } from 'vitest';
import { sampleSetSetup } from '../core/share/sampleSetups';
import { readSessionFile, writeSessionFile } from '../core/share/sessionFile';
import type { SharedSetup } from '../core/share/types';
import { createComputeHandlers } from './handlers';
import type { ComputeReply } from './protocol';
import { decodeSession } from './sessionWire';

function setup() {
  const posted: { reply: ComputeReply; transfer: Transferable[] | undefined }[] = [];
  const handlers = createComputeHandlers({
    post: (reply, transfer) => posted.push({ reply, transfer }),
    importQuerySet: () => {
      throw new Error('not called');
    },
  });
  return { handlers, posted };
}

function fileText(setup: SharedSetup): string {
  const written = writeSessionFile(setup, { includeScores: true, secrets: [] });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

/** What the page receives: the reply after a structured clone, as postMessage makes one. */
function onlyReply(posted: { reply: ComputeReply }[]): ComputeReply {
  expect(posted).toHaveLength(1);
  return structuredClone(posted[0]?.reply) as ComputeReply;
}

describe('compute handlers: read-session', () => {
  it('reads and validates a session file, and the setup (ids __proto__ and constructor, Maps, scores) survives the trip', async () => {
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 4, file: new File([fileText(sampleSetSetup())], 'constructor.rerank.json') });
    const reply = onlyReply(posted);
    if (reply.type !== 'session-read' || !reply.result.ok) throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
    expect(reply.id).toBe(4);
    expect(posted[0]?.transfer).toHaveLength(2);
    const back = decodeSession(reply.result.value);
    expect(back).toEqual(sampleSetSetup());
    // What applySetup reads: real Maps keyed by the ids, never properties of a plain object.
    const set = back.querySet?.set;
    expect(set?.documents.get('constructor')).toBe('Document about constructors.');
    expect(set?.queries[0]?.id).toBe('__proto__');
    expect(set?.queries[0]?.judgments).toBeInstanceOf(Map);
    expect(set?.queries[0]?.judgments.get('constructor')).toBe(2);
    expect(back.querySet?.marks.get('__proto__')?.get('constructor')).toBeNull();
    expect(back.columns[0]?.runs[0]?.scores.get('constructor')).toBe(4.25);
  });

  it('reads a file that starts with a byte order mark', async () => {
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 1, file: new File([`\uFEFF${fileText(sampleSetSetup())}`], 'bom.rerank.json') });
    const reply = onlyReply(posted);
    expect(reply.type === 'session-read' && reply.result.ok).toBe(true);
  });

  it('answers a damaged file with the main-thread reader’s failure, message for message', async () => {
    const damaged = fileText(sampleSetSetup()).replace('"queries": [', '"queries": [,');
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 2, file: new File([damaged], 'broken.rerank.json') });
    const reply = onlyReply(posted);
    if (reply.type !== 'session-read' || reply.result.ok) throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
    expect(reply.result.error.failure.kind).toBe('not-json');
    expect(reply.result.error.message).toContain('"broken.rerank.json"');
    expect(reply.result).toEqual(readSessionFile(damaged, 'broken.rerank.json'));
  });

  it('answers a valid JSON file that is not a valid setup with the reader’s failure', async () => {
    const text = '{"app": "rerank-playground", "version": 1}';
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 3, file: new File([text], '__proto__.rerank.json') });
    const reply = onlyReply(posted);
    if (reply.type !== 'session-read' || reply.result.ok) throw new Error('expected a failure');
    expect(reply.result.error.failure.kind).toBe('invalid');
    expect(reply.result).toEqual(readSessionFile(text, '__proto__.rerank.json'));
  });

  it('refuses a file over 300 MB without reading it', async () => {
    let read = false;
    // A stand-in: a real 300 MB File would take that much memory. Only name, size and text() are used.
    const huge = { name: 'huge.rerank.json', size: 300_000_001, text: () => ((read = true), Promise.resolve('')) } as unknown as File;
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 5, file: huge });
    const reply = onlyReply(posted);
    if (reply.type !== 'session-read' || reply.result.ok) throw new Error('expected a failure');
    expect(read).toBe(false);
    expect(reply.result.error.failure).toEqual({ kind: 'file-too-large', size: 300_000_001, limit: 300_000_000 });
    expect(reply.result.error.message).toContain('"huge.rerank.json"');
  });

  it('takes a file of exactly 300 MB by size as within the limit', async () => {
    const atLimit = { name: 'edge.rerank.json', size: 300_000_000, text: () => Promise.resolve(fileText(sampleSetSetup())) } as unknown as File;
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 6, file: atLimit });
    const reply = onlyReply(posted);
    expect(reply.type === 'session-read' && reply.result.ok).toBe(true);
  });

  it('answers a file that cannot be read with an error that names it', async () => {
    const gone = { name: 'gone.rerank.json', size: 10, text: () => Promise.reject(new DOMException('The file was removed.', 'NotReadableError')) } as unknown as File;
    const { handlers, posted } = setup();
    await handlers.handle({ type: 'read-session', id: 7, file: gone });
    const reply = onlyReply(posted);
    if (reply.type !== 'error') throw new Error('expected an error reply');
    expect(reply.id).toBe(7);
    expect(reply.error.message).toBe(
      'The file "gone.rerank.json" could not be read (NotReadableError: The file was removed.). Check that it still exists and is readable, then choose it again. Nothing here was changed.',
    );
  });
});
