import { describe, expect, it } from 'vitest';
import { IndexedDbMissingError, classifyStorageError, describeStorageError, storageRefusalReason } from './storageErrors';

describe('classifyStorageError', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'old Firefox' }, 'quota'],
    [new DOMException('private window', 'InvalidStateError'), 'blocked'],
    [new DOMException('site data off', 'SecurityError'), 'blocked'],
    [new IndexedDbMissingError(), 'missing'],
    [new ReferenceError('indexedDB is not defined'), 'missing'],
    [new DOMException('disk', 'UnknownError'), 'other'],
    [new ReferenceError('foo is not defined'), 'other'],
    [null, 'other'],
    ['a string', 'other'],
  ])('%s is %s', (error, kind) => {
    expect(classifyStorageError(error)).toBe(kind);
  });
});

describe('describeStorageError', () => {
  const what = 'The query set';

  it('says what happened, what stays and what to do, for a full storage', () => {
    expect(describeStorageError(new DOMException('full', 'QuotaExceededError'), what)).toBe(
      "The query set could not be saved for the next visit: the browser's storage is full. It stays on screen until you reload. " +
        'Free space by clearing the score cache, or export the set.',
    );
  });

  it('names a private window or blocked site data', () => {
    const message = describeStorageError(new DOMException('x', 'InvalidStateError'), what);
    expect(message).toContain('a private window, or site data turned off');
    expect(message).toContain('It stays on screen until you reload.');
  });

  it('names a browser without IndexedDB', () => {
    expect(describeStorageError(new IndexedDbMissingError(), what)).toContain('this browser has no IndexedDB storage');
  });

  it('gives the technical detail of any other failure, or says none was given', () => {
    expect(describeStorageError(new DOMException('disk I/O', 'UnknownError'), what)).toContain('(UnknownError: disk I/O)');
    expect(describeStorageError(null, what)).toContain('(the browser gave no reason)');
  });

  it('words a failed read as a read, with the page starting empty', () => {
    const message = describeStorageError(new DOMException('full', 'QuotaExceededError'), what, 'loading');
    expect(message).toBe(
      "The query set from your last visit could not be read: the browser's storage is full. Nothing was changed; the page starts empty. " +
        'Import the set again, or reload to retry.',
    );
  });
});

describe('storageRefusalReason', () => {
  it('is a short phrase for a sentence', () => {
    expect(storageRefusalReason(new DOMException('full', 'QuotaExceededError'))).toBe('quota exceeded');
    expect(storageRefusalReason(new IndexedDbMissingError())).toBe('this browser has no IndexedDB');
  });
});
