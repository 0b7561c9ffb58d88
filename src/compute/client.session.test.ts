import { describe, expect, it } from 'vitest';
import { sampleSetSetup } from '../core/share/sampleSetups';
import { checkSessionFileSize } from '../core/share/sessionFile';
import { createComputeClient, type WorkerLike } from './client';
import type { ComputeReply, ComputeRequest } from './protocol';
import { encodeSession } from './sessionWire';

/** A stand-in Worker that answers each request with `answer`, as the page would receive it (cloned). */
function clientAnswering(answer: (request: ComputeRequest) => ComputeReply | 'crash') {
  const received: ComputeRequest[] = [];
  const client = createComputeClient(() => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(message) {
        received.push(message);
        const reply = answer(message);
        queueMicrotask(() => {
          if (reply === 'crash') worker.onerror?.({ message: 'out of memory', filename: 'worker.ts', lineno: 1, preventDefault: () => undefined } as ErrorEvent);
          else worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent<ComputeReply>);
        });
      },
      terminate: () => undefined,
    };
    return worker;
  });
  return { client, received };
}

describe('compute client: readSession', () => {
  it('sends the File itself, not its text, and resolves with the decoded setup', async () => {
    const { client, received } = clientAnswering((request) => ({ type: 'session-read', id: request.id, result: { ok: true, value: encodeSession(sampleSetSetup()) } }));
    const file = new File(['{}'], '__proto__.rerank.json');
    const read = await client.readSession(file);
    expect(received[0]?.type === 'read-session' && received[0].file).toBe(file);
    expect(read).toEqual({ ok: true, value: sampleSetSetup() });
  });

  it('passes the reader’s failure through unchanged', async () => {
    const failure = checkSessionFileSize('constructor.rerank.json', 300_000_001);
    if (!failure) throw new Error('expected a failure');
    const { client } = clientAnswering((request) => ({ type: 'session-read', id: request.id, result: { ok: false, error: failure } }));
    expect(await client.readSession(new File([''], 'constructor.rerank.json'))).toEqual({ ok: false, error: failure });
  });

  it('resolves with the worker’s error, and with a message when the worker crashes; it never rejects', async () => {
    const failing = clientAnswering((request) => ({ type: 'error', id: request.id, error: { message: 'The file "x" could not be read.', cause: 'NotReadableError' } }));
    expect(await failing.client.readSession(new File([''], 'x'))).toEqual({ ok: false, error: { message: 'The file "x" could not be read.', cause: 'NotReadableError' } });
    const crashing = clientAnswering(() => 'crash');
    const crashed = await crashing.client.readSession(new File([''], 'x'));
    expect(crashed.ok).toBe(false);
    expect(!crashed.ok && crashed.error.message).toMatch(/^The background worker .* stopped unexpectedly/);
  });
});
