// Errors of fetch-model: a message for a person (what happened, where, what to do next), a cause for a
// developer, and whether trying the same request again may help.

export class FetchModelError extends Error {
  /**
   * @param {string} message for a person
   * @param {{ cause?: unknown, retryable?: boolean }} [options]
   */
  constructor(message, options = {}) {
    super(message, { cause: options.cause });
    this.name = 'FetchModelError';
    /** A dropped connection, a timeout, a 5xx: the same request may work a moment later. */
    this.retryable = options.retryable ?? false;
  }
}

const RERUN = 'Run the same command again: finished files are kept and a partial file resumes where it stopped.';

/**
 * A request that never got an answer, or whose body broke off.
 * @param {string} url
 * @param {unknown} error what fetch threw
 */
export function networkError(url, error) {
  const host = new URL(url).host;
  const code = errorCode(error);
  return new FetchModelError(`Could not reach ${host}${code ? ` (${code})` : ''}: the network is down, or ${host} is unreachable from here (a proxy or firewall?). ${RERUN}`, { cause: error, retryable: true });
}

/**
 * The body of a download broke off.
 * @param {string} url
 * @param {unknown} error
 * @param {string} where e.g. "at 12.3 MB of 23.0 MB"
 */
export function connectionLostError(url, error, where) {
  const code = errorCode(error);
  return new FetchModelError(`The connection to ${new URL(url).host} broke off ${where}${code ? ` (${code})` : ''}. ${RERUN}`, { cause: error, retryable: true });
}

/** Errors of the file system, not of the network. */
const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EMFILE']);

/** @param {unknown} error */
export function isDiskError(error) {
  const code = /** @type {{ code?: unknown }} */ (error)?.code;
  return typeof code === 'string' && DISK_CODES.has(code);
}

/** @param {string} file @param {unknown} error */
export function diskError(file, error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'no permission to write there' : 'the file system refused';
  return new FetchModelError(`Could not write ${file}: ${why} (${code}). Fix that (or choose another folder with --dir), then ${RERUN.charAt(0).toLowerCase()}${RERUN.slice(1)}`, { cause: error });
}

/** @param {string} url @param {number} ms how long nothing came */
export function timeoutError(url, ms) {
  const seconds = ms / 1000;
  return new FetchModelError(`${new URL(url).host} sent nothing for ${seconds} s while fetching ${withoutQuery(url)}. ${RERUN}`, { retryable: true });
}

/**
 * The Hub refused the repo or a file. Without a token, the Hub answers a private or gated repo as it does a missing one.
 * @param {{ id: string, url: string, status: number, statusText: string, hubMessage: string, tokenSet: boolean }} o
 */
export function refusedError({ id, url, status, statusText, hubMessage, tokenSet }) {
  const next = tokenSet
    ? `HF_TOKEN is set, so check the id, that the token is valid (https://huggingface.co/settings/tokens), and for a gated model that your account accepted its terms on https://huggingface.co/${id}`
    : 'check the id, or set HF_TOKEN to a Hub access token (https://huggingface.co/settings/tokens) if the model is gated or private';
  return new FetchModelError(`No such model on the Hub, or it is private/gated: ${next}. (${url} answered ${status} ${statusText}${hubMessage ? `: "${hubMessage}"` : ''}.)`);
}

/** 429 and 5xx: the Hub is there but cannot answer now. */
export function unavailableError(url, status, statusText) {
  const why = status === 429 ? 'is limiting requests (429)' : `had an error (${status} ${statusText})`;
  return new FetchModelError(`${new URL(url).host} ${why} for ${url}. Wait a minute, then ${RERUN.charAt(0).toLowerCase()}${RERUN.slice(1)}`, { retryable: true });
}

/** @param {unknown} error */
export function errorCode(error) {
  for (let cause = error, depth = 0; cause && depth < 5; cause = /** @type {{ cause?: unknown }} */ (cause).cause, depth += 1) {
    const code = /** @type {{ code?: unknown }} */ (cause).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** A URL without its query: a CDN's is a long signature, of no use to a person and not for sharing. */
export function withoutQuery(url) {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Ctrl-C, or the caller's signal. */
export function interruptedError() {
  return new FetchModelError(`Stopped. ${RERUN}`);
}
