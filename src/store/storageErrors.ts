/**
 * Plain words for IndexedDB failures. Browsers report them as DOMExceptions told apart by `name`;
 * a person needs what happened, what stays, and what to do next.
 */

/** What kind of refusal a storage error is. */
export type StorageFailure = 'quota' | 'blocked' | 'missing' | 'other';

/** Thrown by our own code when the page has no `indexedDB` at all (old browsers, some embedded views). */
export class IndexedDbMissingError extends Error {
  constructor() {
    super('indexedDB is not defined in this browser');
    this.name = 'IndexedDbMissingError';
  }
}

/** Whether this page can reach IndexedDB at all. */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined' && indexedDB !== null;
}

// Chrome/Safari: QuotaExceededError; old Firefox: NS_ERROR_DOM_QUOTA_REACHED.
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// Firefox private windows (before 115) and blocked site data report these when opening the database.
const BLOCKED_NAMES = new Set(['InvalidStateError', 'SecurityError', 'NotAllowedError']);

export function classifyStorageError(error: unknown): StorageFailure {
  const name = errorName(error);
  if (name !== undefined && QUOTA_NAMES.has(name)) return 'quota';
  if (name !== undefined && BLOCKED_NAMES.has(name)) return 'blocked';
  if (error instanceof IndexedDbMissingError) return 'missing';
  // idb-keyval touches the global `indexedDB` directly: without one it is a ReferenceError.
  if (error instanceof ReferenceError && /indexedDB/i.test(error.message)) return 'missing';
  return 'other';
}

/** A short reason for a sentence such as "the browser's storage refused: quota exceeded". */
export function storageRefusalReason(error: unknown): string {
  switch (classifyStorageError(error)) {
    case 'quota':
      return 'quota exceeded';
    case 'blocked':
      return 'storage is blocked, as in a private window or with site data turned off';
    case 'missing':
      return 'this browser has no IndexedDB';
    case 'other':
      return technicalDetail(error);
  }
}

/**
 * A sentence for a person about a failed save or load of `what` ("The query set"):
 * what happened, what stays, what to do next.
 */
export function describeStorageError(error: unknown, what: string, doing: 'saving' | 'loading' = 'saving'): string {
  const failure = classifyStorageError(error);
  if (doing === 'loading') {
    const why = {
      quota: "the browser's storage is full",
      blocked: 'the browser does not let this page read its storage (a private window, or site data turned off)',
      missing: 'this browser has no IndexedDB storage',
      other: `the browser's storage failed (${technicalDetail(error)})`,
    }[failure];
    return `${what} from your last visit could not be read: ${why}. Nothing was changed; the page starts empty. Import the set again, or reload to retry.`;
  }
  const stays = 'It stays on screen until you reload.';
  switch (failure) {
    case 'quota':
      return `${what} could not be saved for the next visit: the browser's storage is full. ${stays} Free space by clearing the score cache, or export the set.`;
    case 'blocked':
      return `${what} could not be saved for the next visit: the browser does not let this page store data (a private window, or site data turned off). ${stays} Export the set to keep it, or allow site data for this page.`;
    case 'missing':
      return `${what} could not be saved for the next visit: this browser has no IndexedDB storage. ${stays} Export the set to keep it.`;
    case 'other':
      return `${what} could not be saved for the next visit: the browser's storage failed (${technicalDetail(error)}). ${stays} Try again; if it keeps failing, export the set.`;
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

function technicalDetail(error: unknown): string {
  // idb-keyval rejects with `request.error`, which is null when a transaction aborts without one.
  if (error === null || error === undefined) return 'the browser gave no reason';
  if (typeof error === 'object') {
    const name = errorName(error) ?? 'Error';
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return message === '' ? name : `${name}: ${message}`;
  }
  return String(error);
}
