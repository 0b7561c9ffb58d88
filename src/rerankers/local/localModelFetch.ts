/**
 * A fetch for transformers.js (`env.fetch`) that downloads each self-hosted model file once.
 *
 * transformers.js 4.3.1, when given a progress callback, first reads each model file's size for its total
 * progress (get_file_metadata). For a Hub file it asks for one byte (`Range: bytes=0-0`); for a local file
 * (`env.localModelPath`) it makes a plain GET, reads the headers and drops the response, then GETs the file again
 * to load it. The dropped body still crosses the wire: a 23 MB q8 model cost 46 MB.
 *
 * So a GET of a local file is answered with the headers of a HEAD request and a body that is fetched only when
 * someone reads it: the metadata look-up costs a HEAD, the load one GET. Hub requests pass through untouched,
 * and so does everything when the server does not answer HEAD with 2xx or 404.
 */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export function fetchLocalBodiesLazily(fetchImpl: FetchLike, isLocalModelFile: (input: string | URL) => boolean): FetchLike {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' || !isLocalModelFile(input)) return fetchImpl(input, init);
    let head: Response;
    try {
      head = await fetchImpl(input, { ...init, method: 'HEAD' });
    } catch {
      return fetchImpl(input, init); // let the GET report the network error
    }
    if (head.status === 404) return head; // transformers.js then tries the Hub
    if (!head.ok) return fetchImpl(input, init); // e.g. 405: a host without HEAD
    return new Response(bodyOnFirstRead(fetchImpl, input, init), { status: head.status, statusText: head.statusText, headers: head.headers });
  };
}

/** A stream that starts the GET at its first read (highWaterMark 0: nothing is pulled ahead of a reader). */
function bodyOnFirstRead(fetchImpl: FetchLike, input: string | URL, init: RequestInit | undefined): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!reader) {
          const response = await fetchImpl(input, init);
          if (!response.ok || !response.body) {
            throw new Error(`GET ${String(input)} answered ${response.status} ${response.statusText}, although HEAD answered 2xx.`);
          }
          reader = response.body.getReader();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** True for URLs (or paths, resolved against `base`) on `base`'s origin under `modelsPath`. */
export function isUnderModelsPath(input: string | URL, base: string, modelsPath: string): boolean {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    return false;
  }
  return url.origin === new URL(base).origin && url.pathname.startsWith(modelsPath);
}
