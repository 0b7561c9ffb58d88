import type { Result } from '../types';
import { readDocument, writeDocument } from './document';
import { shareError, type ShareError } from './failures';
import type { Migration } from './migrations';
import type { SharedSetup } from './types';

/** A session file is the link's document as indented JSON, optionally with every column's scores. */
export const SESSION_FILE_SUFFIX = '.rerank.json';
/** Room for the largest documents the app takes (100 MB) and a set beside them. */
export const MAX_SESSION_FILE_BYTES = 300_000_000;

export interface SessionFileOptions {
  includeScores: boolean;
  secrets: readonly string[];
}

export function writeSessionFile(setup: SharedSetup, options: SessionFileOptions): Result<string, ShareError> {
  const written = writeDocument(setup, { includeRuns: options.includeScores, secrets: options.secrets, pretty: true }, { kind: 'file', name: 'session' });
  return written.ok ? { ok: true, value: `${written.value}\n` } : written;
}

/** Checks a file's size before it is read: a file past the limit is refused without reading it. */
export function checkSessionFileSize(name: string, size: number): ShareError | null {
  return size > MAX_SESSION_FILE_BYTES ? shareError({ kind: 'file-too-large', size, limit: MAX_SESSION_FILE_BYTES }, { kind: 'file', name }) : null;
}

export function readSessionFile(text: string, name: string, registry?: ReadonlyMap<number, Migration>): Result<SharedSetup, ShareError> {
  const size = checkSessionFileSize(name, text.length);
  if (size) return { ok: false, error: size };
  // A byte order mark, as some editors write one, is not part of the JSON.
  return readDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, { kind: 'file', name }, registry);
}

/** A file name for the setup: the set's or example's name, made safe, with the suffix. */
export function sessionFileName(title: string): string {
  const safe = title.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return `${safe || 'session'}${SESSION_FILE_SUFFIX}`;
}
