// Downloads one file to `<file>.part`, resuming with `Range: bytes=<n>-` when a part is there, checks it while it
// streams in, and renames it into place only when it is whole and verified. A retryable failure (a dropped
// connection, a timeout, a 5xx) is tried again a few times, each time resuming.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FetchModelError, connectionLostError, diskError, isDiskError, withoutQuery } from './errors.mjs';
import { throwForStatus } from './hubApi.mjs';
import { asFetchModelError, createIdleTimer, getFollowingRedirects } from './http.mjs';
import { formatBytes } from './progress.mjs';
import { createVerifier, feedFile, verifyFileOnDisk } from './verify.mjs';

/**
 * @typedef {{
 *   url: string, target: string, label: string, expected: import('./verify.mjs').Expected,
 *   headers: Record<string, string>, id: string, tokenSet: boolean,
 *   progress: ReturnType<typeof import('./progress.mjs').createProgress>,
 *   signal: AbortSignal, idleMs: number, retries: number, sleep: (ms: number) => Promise<void>, fetchImpl?: typeof fetch,
 * }} FetchFileOptions
 */

/**
 * @param {FetchFileOptions} o
 * @returns {Promise<{ outcome: 'present' | 'downloaded', checked: string, resumedAt: number }>}
 */
export async function fetchFile(o) {
  await mkdir(path.dirname(o.target), { recursive: true }).catch((error) => {
    throw isDiskError(error) ? diskError(path.dirname(o.target), error) : error;
  });
  const present = await verifyFileOnDisk(o.target, o.expected, o.signal);
  if (present?.ok) return { outcome: 'present', checked: present.checked, resumedAt: 0 };
  if (present) o.progress.line(`  ${o.label}: the copy here differs from the Hub's (${present.what}); downloading it again`);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { outcome: 'downloaded', ...(await attemptDownload(o)) };
    } catch (error) {
      if (!(error instanceof FetchModelError) || !error.retryable || attempt > o.retries || o.signal.aborted) throw error;
      const waitMs = 1000 * 2 ** (attempt - 1);
      o.progress.line(`  ${o.label}: ${error.message.split('. ')[0]}. Trying again in ${waitMs / 1000} s (attempt ${attempt + 1} of ${o.retries + 1}).`);
      await o.sleep(waitMs);
    }
  }
}

/** The size of the part already downloaded; a part longer than the file is of no use. */
async function partSize(part, size) {
  const info = await stat(part).catch(() => null);
  if (!info) return 0;
  if (info.size <= size) return info.size;
  await rm(part, { force: true });
  return 0;
}

/**
 * One request: resumes the part, streams the rest in, verifies and renames.
 * @param {FetchFileOptions} o
 */
async function attemptDownload(o) {
  const part = `${o.target}.part`;
  const { size } = o.expected;
  let offset = await partSize(part, size);
  const resumedAt = offset;
  if (offset === size && size > 0) return finish(o, part, await verifyFileOnDisk(part, o.expected, o.signal), resumedAt);

  const timer = createIdleTimer(o.idleMs, o.signal);
  let handle;
  let received = offset;
  let bodyStarted = false;
  let answeredUrl = o.url;
  try {
    const headers = offset > 0 ? { ...o.headers, range: `bytes=${offset}-` } : o.headers;
    const { response, url, hops } = await getFollowingRedirects(o.url, { headers, signal: timer.signal, fetchImpl: o.fetchImpl });
    answeredUrl = url;
    const expected = checkLinkedHeaders(o, hops[0]?.headers);
    offset = await startingByte(o, response, url, offset, part);
    received = offset;

    const verifier = createVerifier(expected);
    if (offset > 0) await feedFile(part, verifier, o.signal);
    handle = await open(part, offset > 0 ? 'a' : 'w');
    o.progress.start(o.label, size, offset);
    bodyStarted = true;
    for await (const chunk of response.body ?? []) {
      timer.touch();
      if (received + chunk.length > size) {
        await handle.close();
        handle = undefined;
        await rm(part, { force: true });
        throw new FetchModelError(`${o.label}: ${new URL(url).host} sent more than the ${size} bytes the Hub lists. The file may have changed on the Hub since the list was read: run the same command again.`);
      }
      await handle.write(chunk);
      verifier.update(chunk);
      received += chunk.length;
      o.progress.advance(chunk.length);
    }
    await handle.close();
    handle = undefined;
    if (received < size) throw connectionLostError(url, undefined, `at ${formatBytes(received)} of ${formatBytes(size)} of ${o.label}`);
    return finish(o, part, verifier.verdict(), resumedAt);
  } catch (error) {
    if (isDiskError(error)) throw diskError(part, error);
    if (bodyStarted && !(error instanceof FetchModelError) && !timer.timedOut && !timer.signal.aborted) {
      throw connectionLostError(answeredUrl, error, `at ${formatBytes(received)} of ${formatBytes(size)} of ${o.label}`);
    }
    throw asFetchModelError(error, answeredUrl, timer, o.idleMs);
  } finally {
    timer.stop();
    await handle?.close().catch(() => {});
  }
}

/**
 * The Hub's redirect to its CDN names the file's size (X-Linked-Size) and, for LFS files, its sha256
 * (X-Linked-Etag). A difference from the file list means the repo changed in between.
 * @param {FetchFileOptions} o
 * @param {Headers | undefined} headers
 */
function checkLinkedHeaders(o, headers) {
  const linkedSize = headers?.get('x-linked-size');
  if (linkedSize && Number(linkedSize) !== o.expected.size) {
    throw new FetchModelError(`${o.label}: the file list says ${o.expected.size} bytes, the Hub's redirect says ${linkedSize}. The repo changed while fetch-model ran: run the same command again.`);
  }
  const etag = headers?.get('x-linked-etag')?.replace(/^W\//, '').replace(/"/g, '');
  if (!etag || !/^[0-9a-f]{64}$/.test(etag)) return o.expected;
  if (o.expected.sha256 && etag !== o.expected.sha256) {
    throw new FetchModelError(`${o.label}: the file list gives sha256 ${o.expected.sha256}, the Hub's redirect ${etag}. The repo changed while fetch-model ran: run the same command again.`);
  }
  return { ...o.expected, sha256: etag };
}

/**
 * Where the answer's body starts: at `offset` for a 206 that resumes, at 0 for a 200 (a server that ignores Range).
 * Anything else is thrown as its error.
 * @param {FetchFileOptions} o
 * @param {Response} response
 * @param {string} url the URL that answered
 * @param {number} offset
 * @param {string} part
 */
async function startingByte(o, response, url, offset, part) {
  const { size } = o.expected;
  if (response.status === 206 && offset > 0) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
    if (range && Number(range[1]) === offset && (range[3] === '*' || Number(range[3]) === size)) return offset;
    await response.body?.cancel();
    await rm(part, { force: true });
    throw new FetchModelError(`${o.label}: ${new URL(url).host} resumed with Content-Range ${JSON.stringify(response.headers.get('content-range'))}, not bytes ${offset}-…/${size}; starting the file again from 0`, { retryable: true });
  }
  if (response.status === 200 || (response.status === 206 && offset === 0)) {
    const length = response.headers.get('content-length');
    if (response.status === 200 && length !== null && Number(length) !== size) {
      await response.body?.cancel();
      throw new FetchModelError(`${o.label}: the Hub lists ${size} bytes, ${new URL(url).host} sends ${length}. The file may have changed on the Hub since the list was read: run the same command again.`);
    }
    if (offset > 0) o.progress.line(`  ${o.label}: ${new URL(url).host} ignored the resume request (answered 200, not 206); downloading it from the start`);
    return 0;
  }
  if (response.status === 416) {
    await response.body?.cancel();
    await rm(part, { force: true });
    throw new FetchModelError(`${o.label}: ${new URL(url).host} could not resume at byte ${offset} (416); starting the file again from 0`, { retryable: true });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new FetchModelError(`${o.label} is in the file list of ${o.id}, but ${withoutQuery(url)} answered 404. The repo changed while fetch-model ran: run the same command again.`);
  }
  return throwForStatus(response, { id: o.id, url, tokenSet: o.tokenSet });
}

/**
 * Renames a verified part into place; deletes a damaged one.
 * @param {FetchFileOptions} o
 * @param {string} part
 * @param {import('./verify.mjs').Verdict | null} verdict
 * @param {number} resumedAt
 */
async function finish(o, part, verdict, resumedAt) {
  if (verdict?.ok) {
    await rename(part, o.target);
    return { checked: verdict.checked, resumedAt };
  }
  await rm(part, { force: true });
  const detail = verdict ? `${verdict.what} mismatch: the Hub lists ${verdict.expected}, the download has ${verdict.actual}` : 'the download vanished';
  throw new FetchModelError(`${o.label}: ${detail}. The damaged download (${part}) was deleted. Run the same command again to download it afresh; if it fails again, what reaches you is not the Hub's file (a proxy in between, or HF_ENDPOINT?).`);
}
