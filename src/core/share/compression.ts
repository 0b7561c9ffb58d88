/**
 * Raw deflate (RFC 1951) through the platform's CompressionStream, which browsers and Node 20 both have.
 * Unpacking stops as soon as the output passes a limit, so a small link cannot unpack into gigabytes.
 */

export type Inflated =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'corrupt'; cause: string }
  | { ok: false; reason: 'too-large'; limit: number };

/** The codec a link uses; injectable so that tests can hand in another implementation. */
export interface DeflateRawCodec {
  deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
  inflate(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Inflated>;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Inflated> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true, bytes: concat(chunks, total) };
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large', limit: maxBytes };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, reason: 'corrupt', cause: error instanceof Error ? error.message : String(error) };
  }
}

export const platformDeflateRaw: DeflateRawCodec = {
  async deflate(bytes) {
    const packed = await readAll(streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
    if (!packed.ok) throw new Error(`Compressing the setup failed: ${packed.reason === 'corrupt' ? packed.cause : 'too large'}`);
    return packed.bytes;
  },
  inflate: (bytes, maxBytes) => readAll(streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')), maxBytes),
};
